import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../src/stages/parse-seed.js';

const read = (dir: string, name: string) => ({ path: name, bytes: readFileSync(new URL(`${dir}/${name}`, import.meta.url)) });
const seed = (name: string) => read('../../seeds', name);
const variant = (name: string) => read('../fixtures/variants', name);
const text = (name: string, body: string) => ({ path: name, bytes: new TextEncoder().encode(body) });

interface Expected {
  files: Array<{ file: string; articles: Array<{ headline: string; captions: string[]; paragraphs: number; first: string; last: string }> }>;
}
const expected = JSON.parse(readFileSync(new URL('../fixtures/seeds.expected.json', import.meta.url), 'utf8')) as Expected;

describe('parseSeed on the real sample seeds', () => {
  for (const file of expected.files) {
    it(`reads ${file.file} as its expected articles`, () => {
      const result = parseSeed(seed(file.file));
      expect(result.diagnostics).toEqual([]);
      expect(result.articles.map((a) => a.headline)).toEqual(file.articles.map((a) => a.headline));
      result.articles.forEach((a, i) => {
        const want = file.articles[i]!;
        expect(a.captions).toEqual(want.captions);
        expect(a.paragraphs).toHaveLength(want.paragraphs);
        expect(a.paragraphs[0]!.slice(0, 60)).toBe(want.first);
        expect(a.paragraphs.at(-1)!.slice(-60)).toBe(want.last);
      });
    });
  }

  it('keeps each article’s file and headline line', () => {
    const result = parseSeed(seed('000_67fd7bee9bb774d1.txt'));
    const lines = readFileSync(new URL('../../seeds/000_67fd7bee9bb774d1.txt', import.meta.url), 'utf8').split('\n');
    for (const a of result.articles) {
      expect(a.source.file).toBe('000_67fd7bee9bb774d1.txt');
      expect(lines[a.source.line - 1]).toBe(a.headline);
    }
  });

  it('leaves no scrape noise, doubled caption or doubled headline in any body', () => {
    for (const name of readdirSync(new URL('../../seeds', import.meta.url))) {
      for (const a of parseSeed(seed(name)).articles) {
        for (const p of a.paragraphs) {
          expect(p).not.toMatch(/^(TT|\d+)$/);
          expect(p).not.toBe(a.headline);
          expect(a.captions).not.toContain(p);
        }
        expect(new Set(a.captions).size).toBe(a.captions.length);
      }
    }
  });
});

describe('parseSeed on scrape variations', () => {
  it('reads CRLF, a BOM, trailing spaces and tabs, 4 blank lines and no final newline', () => {
    const r = parseSeed(variant('crlf-bom.txt'));
    expect(r.diagnostics).toEqual([]);
    expect(r.articles.map((a) => a.headline)).toEqual(['Quake Shakes Coastal Town', 'Markets Rally After Rate Decision']);
    expect(r.articles[0]!.captions).toEqual(['Rescuers search the rubble of a building in the coastal town on Tuesday. (Reuters)']);
    expect(r.articles[0]!.paragraphs).toEqual(['A strong earthquake shook the coastal town on Tuesday, officials said.', 'Rescue teams worked through the night.']);
    expect(r.articles[1]!.source.line).toBe(20);
    expect(r.articles[1]!.captions).toEqual([]);
  });

  it('reads lone CR line endings', () => {
    const r = parseSeed(variant('lone-cr.txt'));
    expect(r.articles.map((a) => a.paragraphs.length)).toEqual([2, 2]);
    expect(r.articles[1]!.source.line).toBe(18);
  });

  it('splits articles set apart by a single line of spaces, by the repeated headline', () => {
    const r = parseSeed(variant('one-blank-gap.txt'));
    expect(r.articles.map((a) => a.headline)).toEqual(['Quake Shakes Coastal Town', 'Markets Rally After Rate Decision']);
    expect(r.articles[0]!.paragraphs).toHaveLength(2);
  });

  it('reads a caption printed once, drops a body line repeating the headline and a doubled paragraph, keeps Markdown-like text literal', () => {
    const r = parseSeed(variant('one-caption.txt'));
    const a = r.articles[0]!;
    expect(a.captions).toEqual(['Residents wade through a flooded street in the valley on Monday. (AFP)']);
    expect(a.paragraphs).toEqual([
      'Flood waters began to recede on Monday after a week of heavy rain.',
      'Officials said *emergency* crews and # volunteers were <b>cleaning</b> streets.',
      '1. Power was restored to most homes.',
    ]);
  });

  it('matches a headline repeated with other quote styles, and reads an article with no caption', () => {
    const r = parseSeed(variant('curly.txt'));
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]!.headline).toBe('Minister’s “Plan” Faces Vote');
    expect(r.articles[0]!.captions).toEqual([]);
    expect(r.articles[0]!.paragraphs).toHaveLength(2);
  });

  it('keeps body paragraphs that a scrape set apart with two blank lines', () => {
    const r = parseSeed(text('gap.txt', 'Talks Resume in Capital\n\nTT\n\nTalks Resume in Capital\n\nFirst paragraph of the story.\n\n\nSecond paragraph, after a wider gap.\n'));
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]!.paragraphs).toEqual(['First paragraph of the story.', 'Second paragraph, after a wider gap.']);
  });

  it('reports a headline with no body, naming its line, and keeps the other article', () => {
    const r = parseSeed(text('nobody.txt', 'Empty Story Here\n\nA caption. (AFP)\nTT\n\nEmpty Story Here\n\nA caption. (AFP)\n\n\n\nReal Story Here\n\nTT\n\nReal Story Here\n\nBody text.\n'));
    expect(r.articles.map((a) => a.headline)).toEqual(['Real Story Here']);
    expect(r.quarantined).toBe(1);
    expect(r.diagnostics).toMatchObject([{ file: 'nobody.txt', line: 1, severity: 'error', rule: 'no-body' }]);
  });

  it('reports text that is not an article', () => {
    const r = parseSeed(text('junk.txt', 'just some words that end like a sentence.\n'));
    expect(r.articles).toEqual([]);
    expect(r.diagnostics).toMatchObject([{ file: 'junk.txt', line: 1, rule: 'not-an-article' }]);
  });

  it('reports empty, binary and invalid UTF-8 files with their line', () => {
    expect(parseSeed(text('e.txt', '')).diagnostics).toMatchObject([{ line: 1, rule: 'empty-file' }]);
    expect(parseSeed(text('w.txt', ' \n\t\n')).diagnostics).toMatchObject([{ line: 1, rule: 'empty-file' }]);
    expect(parseSeed({ path: 'b.txt', bytes: new Uint8Array([65, 10, 66, 0, 67]) }).diagnostics).toMatchObject([{ line: 2, rule: 'binary-file' }]);
    expect(parseSeed({ path: 'u.txt', bytes: new Uint8Array([65, 10, 10, 0xc3, 0x28]) }).diagnostics).toMatchObject([{ line: 3, rule: 'invalid-utf8' }]);
  });

  it('reads YAML front matter and counts lines after it', () => {
    const r = parseSeed(text('fm.txt', '---\ndate: 2024-06-03\ncountries: [IQ]\n---\nHeadline Of Story\n\nTT\n\nHeadline Of Story\n\nBody.\n'));
    expect(r.diagnostics).toEqual([]);
    expect(r.articles[0]!.meta).toEqual({ date: '2024-06-03', countries: ['IQ'] });
    expect(r.articles[0]!.source.line).toBe(5);
  });
});

describe('body paragraphs inside one block', () => {
  it('takes each line of a block as its own paragraph, the way web scrapes print them', () => {
    const r = parseSeed(text('lines.txt', 'Talks Resume in Capital\n\nTT\n\nTalks Resume in Capital\n\nFirst paragraph of the story ends here.\nSecond paragraph follows on the next line.\n“A quote closes the third,” he said.\n'));
    expect(r.articles[0]!.paragraphs).toEqual([
      'First paragraph of the story ends here.',
      'Second paragraph follows on the next line.',
      '“A quote closes the third,” he said.',
    ]);
  });

  it('joins a hard-wrapped paragraph whose lines break mid-sentence', () => {
    const r = parseSeed(text('wrapped.txt', 'Talks Resume in Capital\n\nTT\n\nTalks Resume in Capital\n\nNegotiators from both sides returned to the table on\nTuesday after a two-week pause, officials said.\n\nA second paragraph.\n'));
    expect(r.articles[0]!.paragraphs).toEqual([
      'Negotiators from both sides returned to the table on Tuesday after a two-week pause, officials said.',
      'A second paragraph.',
    ]);
  });
});

describe('regressions found in review', () => {
  const head = (h: string, caption = 'A photo of the scene on Monday. (AFP)') => `${h}\n\n${caption}\n${caption}\nTT\n\n${h}\n\n${caption}\n${caption}\n\n`;

  it('does not split an article at a paragraph printed twice, even one shaped like a headline', () => {
    const body = 'First paragraph of the story.\n\nWill the dam hold?\n\nWill the dam hold?\n\n“Some traders respond to their demands.”\n\n“Some traders respond to their demands.”\n\nLast paragraph.\n';
    const r = parseSeed(text('doubled.txt', head('Dam Fears Grow in Valley') + body));
    expect(r.articles.map((a) => a.headline)).toEqual(['Dam Fears Grow in Valley']);
    expect(r.articles[0]!.paragraphs).toEqual(['First paragraph of the story.', 'Will the dam hold?', '“Some traders respond to their demands.”', 'Last paragraph.']);
    expect(r.quarantined).toBe(0);
  });

  it('keeps an article whose header is set apart from its body by extra blank lines', () => {
    const r = parseSeed(text('gap-header.txt', 'Talks Resume in Capital\n\nA photo. (AFP)\nTT\n\nTalks Resume in Capital\n\nA photo. (AFP)\n\n\nBody one.\n\nBody two.\n'));
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]!.paragraphs).toEqual(['Body one.', 'Body two.']);
    expect(r.quarantined).toBe(0);
    const r2 = parseSeed(text('gap-caption.txt', 'Talks Resume in Capital\n\nA photo. (AFP)\n\nTalks Resume in Capital\n\n\nA photo. (AFP)\n\nBody one.\n'));
    expect(r2.articles.map((a) => [a.headline, a.captions, a.paragraphs])).toEqual([['Talks Resume in Capital', ['A photo. (AFP)'], ['Body one.']]]);
  });

  it('does not take a lead paragraph ending in parentheses for a caption', () => {
    const r = parseSeed(text('imf.txt', 'Lebanon Seeks Loan\n\nTT\n\nLebanon Seeks Loan\n\nLebanon asked for help from the International Monetary Fund (IMF).\n\nTalks begin next week.\n'));
    expect(r.articles[0]!.captions).toEqual([]);
    expect(r.articles[0]!.paragraphs).toHaveLength(2);
  });

  it('keeps a headline-shaped paragraph after a wide gap in its article', () => {
    const r = parseSeed(text('quote.txt', head('City Rebuilds After Storm') + 'The storm hit on Monday.\n\n\nHe said: Rebuilding Starts Now\n\nCrews began work on Tuesday.\n\n\n\n' + head('Second Story Here') + 'Its body.\n'));
    expect(r.articles.map((a) => a.headline)).toEqual(['City Rebuilds After Storm', 'Second Story Here']);
    expect(r.articles[0]!.paragraphs).toEqual(['The storm hit on Monday.', 'He said: Rebuilding Starts Now', 'Crews began work on Tuesday.']);
  });

  it('skips a stray noise line at the top of a file without calling it a lost article', () => {
    const r = parseSeed(text('stray.txt', 'TT\n\n\n' + head('Story After Noise') + 'Body.\n'));
    expect(r.articles).toHaveLength(1);
    expect(r.diagnostics).toEqual([]);
    expect(r.quarantined).toBe(0);
  });

  it('treats a line of zero-width spaces as blank', () => {
    const r = parseSeed(text('zw.txt', head('Story With Invisible Line') + 'Paragraph one ends here\n\u200B\nParagraph two.\n'));
    expect(r.articles[0]!.paragraphs).toEqual(['Paragraph one ends here', 'Paragraph two.']);
  });

  it('reads a headline that ends like a sentence when its repeat frames the header', () => {
    const r = parseSeed(text('week.txt', head('Protests Enter Week 3.') + 'Body.\n'));
    expect(r.articles.map((a) => a.headline)).toEqual(['Protests Enter Week 3.']);
  });

  it('drops an over-long line without splitting its article', () => {
    const long = 'x'.repeat(100_001);
    const r = parseSeed(text('long.txt', head('Story With Long Line') + `Paragraph one.\n\n${long}\n\nParagraph two.\n`));
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]!.paragraphs).toEqual(['Paragraph one.', 'Paragraph two.']);
    expect(r.diagnostics).toMatchObject([{ rule: 'line-too-long', line: 14 }]);
  });

  it('joins 20,000 gap-separated paragraphs to their article (each piece no longer re-cleans all before it)', () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `Paragraph number ${i} of a very long article.`).join('\n\n\n');
    const r = parseSeed(text('wide.txt', head('A Very Long Story') + body));
    expect(r.articles[0]!.paragraphs).toHaveLength(20_000);
  });
});

describe('a --- rule that is not front matter', () => {
  it('reads the text between the rules as articles, with a warning', () => {
    const art = (h: string) => `${h}\n\nA photo. (AFP)\nTT\n\n${h}\n\nA photo. (AFP)\n\nBody of ${h}.\n`;
    const r = parseSeed(text('rules.txt', `---\n${art('First Story Here')}\n---\n\n${art('Second Story Here')}`));
    expect(r.articles.map((a) => a.headline)).toEqual(['First Story Here', 'Second Story Here']);
    expect(r.diagnostics).toMatchObject([{ line: 1, severity: 'warning', rule: 'front-matter-text' }]);
  });

  it('still reports malformed YAML front matter, and reads the article after it', () => {
    const r = parseSeed(text('bad.txt', '---\ndate: [2025-01-01\n---\nHeadline Of Story\n\nTT\n\nHeadline Of Story\n\nBody.\n'));
    expect(r.articles).toHaveLength(1);
    expect(r.diagnostics).toMatchObject([{ severity: 'error', rule: 'front-matter-yaml' }]);
  });
});

describe('a text seed with a stray NUL byte', () => {
  it('is refused as binary, and its articles are counted as quarantined, not lost silently', () => {
    const long = 'A long paragraph of ordinary news text that goes on for a while. '.repeat(20);
    const body = `Headline Of Story\n\nTT\n\nHeadline Of Story\n\nBody.\n\n${long}\n\n\n\nSecond Headline Here\n\nTT\n\nSecond Headline Here\n\nMore.\n`;
    const bytes = new TextEncoder().encode(body.replace('Body.', 'Bo\0dy.'));
    const r = parseSeed({ path: 'nul.txt', bytes });
    expect(r.articles).toEqual([]);
    expect(r.diagnostics).toMatchObject([{ rule: 'binary-file', line: 7 }]);
    expect(r.quarantined).toBe(2);
  });
});

describe('header variants', () => {
  it('reads a headline that shares its block with its captions and TT', () => {
    const r = parseSeed(text('tight.txt', 'Story Without Blank Lines\nA photo of it. (AFP)\nA photo of it. (AFP)\nTT\n\nStory Without Blank Lines\nA photo of it. (AFP)\nA photo of it. (AFP)\n\nThe body.\n\n\n\nSecond Story Here\nAnother photo. (AP)\nAnother photo. (AP)\nTT\n\nSecond Story Here\nAnother photo. (AP)\nAnother photo. (AP)\n\nIts body.\n'));
    expect(r.articles.map((a) => [a.headline, a.captions, a.paragraphs])).toEqual([
      ['Story Without Blank Lines', ['A photo of it. (AFP)'], ['The body.']],
      ['Second Story Here', ['Another photo. (AP)'], ['Its body.']],
    ]);
  });

  it('drops a short uncredited line in the header (a comment count), keeps a real caption', () => {
    const r = parseSeed(text('count.txt', 'Story With Counter\n\nA long caption about the scene without any credit at all\nTT\n20 comments\n\nStory With Counter\n\nA long caption about the scene without any credit at all\n\nThe body.\n'));
    expect(r.articles[0]!.captions).toEqual(['A long caption about the scene without any credit at all']);
    expect(r.articles[0]!.paragraphs).toEqual(['The body.']);
  });
});

describe('regressions found by adversarial testing', () => {
  const P = 'Lebanon Talks Resume\n\nA man walks in Beirut (Reuters)\nA man walks in Beirut (Reuters)\nTT\n\nLebanon Talks Resume\n\nA man walks in Beirut (Reuters)\nA man walks in Beirut (Reuters)\n\nOfficials met on Tuesday.\n\n\n';
  const parse = (name: string, body: string) => parseSeed(text(name, body));
  const heads = (r: ReturnType<typeof parse>) => r.articles.map((a) => a.headline);

  it('does not split an article at a pull quote or "Advertisement" printed again further down', () => {
    const r = parse('pull.txt', P + 'Army Strikes North\n\nSmoke rises (AFP)\nSmoke rises (AFP)\nTT\n\nArmy Strikes North\n\nSmoke rises (AFP)\nSmoke rises (AFP)\n\nThe army struck targets on Monday.\n\n"We will not stop," the general said.\n\nThe strikes hit three villages.\n\n"We will not stop," the general said.\n\nResidents fled overnight.\n');
    expect(heads(r)).toEqual(['Lebanon Talks Resume', 'Army Strikes North']);
    expect(r.articles[1]!.paragraphs).toContain('The strikes hit three villages.');
    const ad = parse('ad.txt', P + 'Army Strikes North\n\nSmoke rises (AFP)\nTT\n\nArmy Strikes North\n\nThe army struck targets on Monday.\n\nAdvertisement\n\nThe strikes hit three villages.\n\nResidents fled overnight.\n\nAdvertisement\n\nThe ministry did not comment.\n');
    expect(heads(ad)).toEqual(['Lebanon Talks Resume', 'Army Strikes North']);
    expect(ad.articles[1]!.paragraphs).toContain('The ministry did not comment.');
  });

  it('does not start an article after a gap at a sentence, a doubled sentence or a line ending in (SANA).', () => {
    const r = parse('gap1.txt', P + 'Army Strikes North\n\nSmoke rises (AFP)\nTT\n\nArmy Strikes North\n\nThe army struck targets on Monday.\n\n\nThe talks were brokered by the US.\n\nThe deal was reported by the state news agency (SANA).\n\nResidents fled overnight.\n');
    expect(heads(r)).toEqual(['Lebanon Talks Resume', 'Army Strikes North']);
    const r2 = parse('gap2.txt', P + 'Army Strikes North\n\nSmoke rises (AFP)\nTT\n\nArmy Strikes North\n\nThe army struck targets on Monday.\n\n\nThe strikes were coordinated with the U.S.\n\nThe strikes were coordinated with the U.S.\n\nResidents fled overnight.\n');
    expect(heads(r2)).toEqual(['Lebanon Talks Resume', 'Army Strikes North']);
    expect(r2.articles[1]!.paragraphs).toEqual(['The army struck targets on Monday.', 'The strikes were coordinated with the U.S.', 'Residents fled overnight.']);
  });

  it('reads headers with extra blank lines anywhere inside them', () => {
    for (const header of [
      'Army Strikes North\n\nSmoke rises (AFP)\nSmoke rises (AFP)\nTT\n\n\nArmy Strikes North\n\nSmoke rises (AFP)\nSmoke rises (AFP)\n\n',
      'Army Strikes North\n\nSmoke rises (AFP)\nSmoke rises (AFP)\nTT\n\nArmy Strikes North\n\n\nSmoke rises (AFP)\nSmoke rises (AFP)\n\n',
      'Army Strikes North\n\n\nSmoke rises (AFP)\nSmoke rises (AFP)\nTT\n\nArmy Strikes North\n\nSmoke rises (AFP)\nSmoke rises (AFP)\n\n',
    ]) {
      const r = parse('hdr.txt', P + header + 'The army struck targets on Monday.\n');
      expect(r.articles.map((a) => [a.headline, a.captions, a.paragraphs])).toEqual([
        ['Lebanon Talks Resume', ['A man walks in Beirut (Reuters)'], ['Officials met on Tuesday.']],
        ['Army Strikes North', ['Smoke rises (AFP)'], ['The army struck targets on Monday.']],
      ]);
      expect(r.quarantined).toBe(0);
    }
  });

  it('reads an uncredited caption printed twice in the headline’s block', () => {
    const r = parse('tight2.txt', 'Army Strikes North\nSmoke rises over Gaza\nSmoke rises over Gaza\nTT\n\nArmy Strikes North\n\nSmoke rises over Gaza\nSmoke rises over Gaza\n\nThe army struck targets on Monday.\n');
    expect(r.articles[0]!.captions).toEqual(['Smoke rises over Gaza']);
    expect(r.articles[0]!.paragraphs).toEqual(['The army struck targets on Monday.']);
  });

  it('takes a credited line printed twice inside the body for a further caption', () => {
    const r = parse('gallery.txt', 'Army Strikes North\n\nSmoke rises (AFP)\nTT\n\nArmy Strikes North\n\nThe army struck targets on Monday.\n\nRescuers search the rubble (Reuters)\nRescuers search the rubble (Reuters)\n\nResidents fled overnight.\n');
    expect(r.articles[0]!.captions).toEqual(['Smoke rises (AFP)', 'Rescuers search the rubble (Reuters)']);
    expect(r.articles[0]!.paragraphs).toEqual(['The army struck targets on Monday.', 'Residents fled overnight.']);
  });

  it('keeps list items and a subheading apart, drops a headline repeated with a full stop, folds quotes of a doubled paragraph', () => {
    const r = parse('list.txt', 'Army Strikes North\n\nSmoke rises (AFP)\nTT\n\nArmy Strikes North\n\nArmy Strikes North.\n\nThe deal includes:\n\n1. A ceasefire in Gaza\n2. Release of hostages\n\nHumanitarian situation\nAid groups say the situation is dire.\n\nThe army\'s chief said it struck targets on Monday.\n\nThe army\u2019s chief said it struck targets on Monday.\n');
    expect(r.articles[0]!.paragraphs).toEqual([
      'The deal includes:', '1. A ceasefire in Gaza', '2. Release of hostages', 'Humanitarian situation', 'Aid groups say the situation is dire.',
      'The army\'s chief said it struck targets on Monday.',
    ]);
  });

  it('reads a headline ending in parentheses, such as (Video), when its repeat frames it', () => {
    const r = parse('video.txt', 'Lebanon Talks Resume\n\nA man walks in Beirut (Reuters)\nTT\n\nLebanon Talks Resume\n\nOfficials met on Tuesday.\n\nArmy Strikes North (Video)\n\nSmoke rises (AFP)\nTT\n\nArmy Strikes North (Video)\n\nThe army struck targets on Monday.\n');
    expect(heads(r)).toEqual(['Lebanon Talks Resume', 'Army Strikes North (Video)']);
  });

  it('keeps a short uncredited caption printed once', () => {
    const r = parse('short.txt', 'Army Strikes North\n\nGaza City, Monday. Photo: AFP\nTT\n\nArmy Strikes North\n\nThe army struck targets on Monday.\n');
    expect(r.articles[0]!.captions).toEqual(['Gaza City, Monday. Photo: AFP']);
  });

  it('does not split a body at a paragraph X, a paragraph Y twice and X again (a body read as a new article)', () => {
    // Found in 10,000 generated articles: X and Y are ordinary paragraphs, each followed by a blank
    // line; Y has no credit, there is no TT, and a caption's second print would stand right under it.
    const x = 'Residents of the district said the water had risen faster than in any year they remembered';
    const y = 'Officials promised compensation for the families who lost their homes in the floods';
    const r = parse('xyyx.txt', `Floods Hit the Valley\n\nA flooded street in the valley (Reuters)\nA flooded street in the valley (Reuters)\nTT\n\nFloods Hit the Valley\n\nThe river burst its banks on Monday.\n\n${x}\n\n${y}\n\n${y}\n\n${x}\n\nThe clean-up will take weeks, the mayor said.\n`);
    expect(heads(r)).toEqual(['Floods Hit the Valley']);
    expect(r.articles[0]!.paragraphs[0]).toBe('The river burst its banks on Monday.');
    expect(r.articles[0]!.paragraphs.at(-1)).toBe('The clean-up will take weeks, the mayor said.');
  });

  it('still reads a header whose uncredited caption is printed twice on adjacent lines', () => {
    const r = parse('adjacent.txt', 'Floods Hit the Valley\n\nA flooded street in the valley\nA flooded street in the valley\n\nFloods Hit the Valley\n\nThe river burst its banks on Monday.\n\n\n\nTalks Resume in Cairo\n\nDelegates arrive in Cairo\nDelegates arrive in Cairo\n\nTalks Resume in Cairo\n\nNegotiators met on Tuesday.\n');
    expect(heads(r)).toEqual(['Floods Hit the Valley', 'Talks Resume in Cairo']);
  });
});
