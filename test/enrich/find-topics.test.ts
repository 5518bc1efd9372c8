import { describe, expect, it } from 'vitest';
import type { ArticleText } from '../../src/enrich/find-countries.js';
import { compileTopics, findTopics } from '../../src/enrich/find-topics.js';
import { loadEnrichment } from '../../src/enrich/load-enrichment.js';

const ctx = loadEnrichment();
const topics = (headline: string, ...paragraphs: string[]): string[] =>
  findTopics({ headline, captions: [], paragraphs } satisfies ArticleText, ctx.topics).map((t) => t.topic);

describe('findTopics', () => {
  it('files a militant ambush under conflict, not crime', () => {
    const t = topics(
      'Militants Kill Four Soldiers in Ambush',
      'Suspected militants killed four soldiers in an ambush on an army patrol, security sources said.',
      'The attackers opened fire after a roadside bomb struck the patrol; the army launched a military operation.',
    );
    expect(t[0]).toBe('conflict-war-peace');
    expect(t).not.toContain('crime-law-justice');
  });

  it('files a murder trial under crime', () => {
    const t = topics(
      'Man Goes on Trial for Murder of Shopkeeper',
      'A man accused of murdering a shopkeeper went on trial on Monday, prosecutors said.',
      'The judge heard that the defendant was arrested days after the murder. His lawyer says he is innocent.',
    );
    expect(t[0]).toBe('crime-law-justice');
  });

  it('files two governments meeting under diplomacy', () => {
    const t = topics(
      'Foreign Ministers Meet to Mend Ties',
      'The foreign minister received his counterpart for talks on bilateral relations, the foreign ministry said.',
      'The two envoys discussed cooperation and a possible summit; the ambassador said diplomatic ties would improve.',
    );
    expect(t[0]).toBe('diplomacy');
  });

  it('gives no business topic to a security story and no society topic to suicide bombings (securities and suicide misread)', () => {
    const evidence = findTopics(
      {
        headline: 'Suicide bombings kill 20 at security checkpoint',
        captions: [],
        paragraphs: [
          'Two suicide bombings killed 20 people at a security checkpoint, security officials said, and militants claimed the attack.',
          'Security forces sealed off the area; the army said security would be tightened after the suicide attack.',
        ],
      } satisfies ArticleText,
      ctx.topics,
      // Every topic with any evidence, so a misread word shows even below the thresholds.
      { minShare: 0, minScore: 0, minTerms: 1, max: 99 },
    );
    expect(evidence[0]!.topic).toBe('conflict-war-peace');
    expect(evidence.map((e) => e.topic)).not.toContain('economy-business-finance');
    expect(evidence.map((e) => e.topic)).not.toContain('society-human-rights');
  });

  // Bug: `hate crime` stood in both crime and society, so one phrase made a crime story a society story too.
  it('counts a hate crime once, for crime (hate crime double-counted)', () => {
    const evidence = findTopics(
      {
        headline: 'Police investigate shooting as a possible hate crime',
        captions: [],
        paragraphs: ['Police said the shooting was being investigated as a hate crime; a suspect was arrested on Friday.'],
      } satisfies ArticleText,
      ctx.topics,
      { minShare: 0, minScore: 0, minTerms: 1, max: 99 },
    );
    expect(evidence[0]!.topic).toBe('crime-law-justice');
    expect(evidence.find((e) => e.topic === 'society-human-rights')?.terms.some((t) => t.startsWith('hate crime')) ?? false).toBe(false);
  });

  // [what the words are, headline, paragraphs, main topic expected]
  const vocabulary: Array<[string, string, string[], string]> = [
    ['a lawsuit said with a verb (sues, sued) is a court case', 'Network maker sues rival over phone name', ['The company sued its rival on Wednesday, saying the name of the phone infringes its rights.', 'A jury may hear the case next year, the plaintiff said.'], 'crime-law-justice'],
    ['an eruption is a natural disaster', 'Volcano shoots ash high into the sky', ['The volcano erupted on Tuesday, sending ash 30,000 feet up; the eruption closed the airport.', 'Villagers near the volcanic peak were told to stay indoors.'], 'disaster-accident-emergency'],
    ['computers, laptops and browsers are technology', 'New laptop runs a faster browser', ['The computer maker showed a laptop with a new processor and operating system.', 'The browser and search engine come installed on every PC.'], 'science-technology'],
    ['movies, the Oscars and bands are entertainment', 'Band\'s first movie wins two Oscars', ['The band\'s movie won two Oscars on Sunday, the broadcaster said.', 'Two more movies by the band are planned.'], 'arts-culture-entertainment'],
    ['flu is health', 'Flu spreads in the north', ['Flu has spread to six towns, and influenza shots are running out.'], 'health'],
    ['a bomb set by the Taliban is conflict', 'Taliban bomb hits market', ['A bomb set by the Taliban hit a market; a suicide bomber struck a second town.'], 'conflict-war-peace'],
    ['a rapper\'s new song is entertainment', 'Rapper releases song about home town', ['The rapper\'s new song tops the charts; a comedian stars in the video.'], 'arts-culture-entertainment'],
    ['a comet and an asteroid are science', 'Comet passes close to asteroid', ['Astronomers tracked the comet as it passed an asteroid beyond the moon.'], 'science-technology'],
    ['a flight recorder is an air accident\'s', 'Flight recorder found', ['Searchers found the flight recorder in the wreck; search and rescue teams left the site.'], 'disaster-accident-emergency'],
  ];
  it.each(vocabulary)('%s', (_words, headline, paragraphs, expected) => {
    expect(topics(headline, ...paragraphs)[0]).toBe(expected);
  });

  it('files a domestic election under politics', () => {
    const t = topics(
      'Voters Go to the Polls in Parliamentary Election',
      'Voters cast ballots on Sunday in a parliamentary election, with the ruling party facing a strong opposition.',
      'Candidates from 12 parties are competing for seats in parliament, the election commission said.',
    );
    expect(t[0]).toBe('politics-government');
    expect(t).not.toContain('diplomacy');
  });

  it('tells refugees (migration) from rights (society)', () => {
    const refugees = topics(
      'Thousands of Refugees Return Home',
      'Thousands of refugees returned from camps across the border, the UN refugee agency UNHCR said.',
      'Aid groups said many displaced families had nowhere to live; asylum seekers abroad are also weighing the return.',
    );
    expect(refugees[0]).toBe('migration-refugees');
    const rights = topics(
      'Rights Groups Decry Arbitrary Arrests',
      'Human rights groups condemned the arbitrary detention of activists and journalists.',
      'Amnesty International said detainees were held incommunicado and called for an end to torture.',
    );
    expect(rights[0]).toBe('society-human-rights');
    expect(rights).not.toContain('migration-refugees');
  });

  it('does not read a place name as a topic word (West Bank is not a bank)', () => {
    const t = topics('Settlers Attack Villages in the West Bank', 'Settlers attacked villages in the West Bank, the military said, as troops were sent to the area.');
    expect(t).not.toContain('economy-business-finance');
  });

  it('keeps its evidence: the matched terms and scores', () => {
    const [main] = findTopics({ headline: 'Earthquake Kills Dozens', captions: [], paragraphs: ['Rescuers searched the rubble after the earthquake.'] }, ctx.topics);
    expect(main?.topic).toBe('disaster-accident-emergency');
    expect(main?.score).toBeGreaterThan(0);
    expect(main?.terms.some((t) => t.startsWith('earthquake '))).toBe(true);
  });

  it('gives no topic to a text with no topic words', () => {
    expect(topics('Hello', 'Nothing here at all.')).toEqual([]);
  });

  it('does not read a word inside a name (Steve Jobs, the Labour Party) as the subject it names', () => {
    const t = topics(
      'Apple Shows New Laptop',
      'Apple chief executive Steve Jobs showed a new laptop with a faster chip and new software.',
      'Jobs said the computer would ship next month; analysts at Steve Jobs\'s keynote praised the technology.',
    );
    expect(t).toEqual(['science-technology']);
  });

  it('reads a surname the article uses alone (Steve Jobs … Jobs) as the person everywhere, headline too, but not a word it also writes in lower case', () => {
    const book = ['A new biography of Steve Jobs paints a gentler picture of the man.', 'The book, by two writers who knew him, says that Jobs mellowed with age.'];
    expect(topics('Becoming Steve Jobs: a new book on Jobs', ...book)[0]).toBe('arts-culture-entertainment');
    const cuts = ['Workers fear for their jobs after Steve Jobs said that Jobs would close two plants and cut 5,000 jobs.', 'Union leaders said job cuts would hit the workforce hard.'];
    expect(topics('Jobs to go at carmaker', ...cuts)[0]).toBe('labour');
  });

  it('reads Labour written on its own with a capital (Labour won, Labour\'s plans) as the party, politics, everywhere in the article', () => {
    const party = ['Labour won the seat with a reduced majority, and Labour\'s plans for schools were the main issue.', 'Labour supporters stayed at home, the poll found.'];
    const t = findTopics({ headline: "Labour's core vote holds", captions: [], paragraphs: party }, ctx.topics);
    expect(t[0]!.topic).toBe('politics-government');
    expect(t.map((e) => e.topic)).not.toContain('labour');
    expect(t[0]!.terms.some((term) => term.startsWith('Labour (name)'))).toBe(true);
  });

  it('keeps labour as work when the capital only opens a sentence or a longer name (Labour shortages, the General Labour Union)', () => {
    expect(topics('Labour shortages hit farms', 'Labour shortages left fruit unpicked, farmers said.', 'Farm workers are asking for higher wages and the union backs them.')[0]).toBe('labour');
    expect(topics('Union calls strike', 'The General Labour Union called a strike over unpaid wages for port workers.', 'Workers walked out at dawn.')[0]).toBe('labour');
  });

  it('knows the words of fraud and theft (fraudsters, scams, thieves, phishing) as crime', () => {
    const t = findTopics({ headline: 'Card fraudsters target web shoppers', captions: [], paragraphs: ['Fraudsters are using phishing scams on the internet to get card details, and thieves sell the stolen numbers online.'] }, ctx.topics);
    expect(t[0]!.topic).toBe('crime-law-justice');
    expect(t[0]!.terms.map((term) => term.split(' ')[0])).toEqual(expect.arrayContaining(['fraudster', 'phishing', 'scam', 'thieves', 'stolen']));
  });

  it('counts the names of parties (the Tories, the Lib Dems) as politics', () => {
    expect(topics('Tories and Lib Dems clash', 'The Tories and the Lib Dems traded blows on Monday.', 'Both said the other could not be trusted.')[0]).toBe('politics-government');
  });

  it('chooses as main topic the one with most evidence in all, not one strong word (markets after an earthquake)', () => {
    const matcher = compileTopics([
      { slug: 'disaster', name: 'Disaster', terms: { earthquake: 4 } },
      { slug: 'markets', name: 'Markets', terms: { shares: 1, investors: 1, bonds: 1, yen: 1, dollar: 1, exporters: 1, insurers: 1, profit: 1, economy: 1, prices: 1 } },
    ]);
    const text = {
      headline: 'Shares slide after earthquake',
      captions: [],
      paragraphs: [
        'Shares fell on Monday, a day after the earthquake, as investors sold.',
        'The yen rose against the dollar, bond prices climbed and exporters lost most.',
        'Analysts expect profit warnings from insurers and a slower economy this quarter.',
      ],
    };
    // Damped, the one strong word scores higher (14.1 against 13.2); undamped, the markets' eight words weigh more.
    expect(findTopics(text, matcher).map((t) => t.topic)).toEqual(['markets']);
  });

  it('keeps a further topic only when several of its words appear, not one word said often', () => {
    const museum = 'The museum opened a new wing for its art collection, with paintings and sculpture.';
    const crowds = 'Tourists queued outside; tourists from abroad and tourists from the city filled the gallery. More tourists came in the afternoon.';
    expect(topics('Museum Opens New Wing', museum, crowds)).toEqual(['arts-culture-entertainment']);
  });
});
