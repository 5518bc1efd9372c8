import { describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../src/model/types.js';
import { dedupeArticles } from '../src/stages/dedupe-articles.js';

const a = (file: string, headline: string, paragraphs: string[]): ParsedArticle => ({
  headline, captions: [], paragraphs, source: { file, line: 1 }, meta: {},
});

describe('dedupeArticles', () => {
  it('merges copies of one story from two files, keeping both sources in path order', () => {
    const r = dedupeArticles([a('b.txt', 'Talks Resume', ['One.', 'Two.']), a('a.txt', 'Talks Resume', ['One.', 'Two.'])]);
    expect(r.duplicates).toBe(1);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]!.sources.map((s) => s.file)).toEqual(['a.txt', 'b.txt']);
  });

  it('merges a copy with curly quotes and other case in the headline, keeping the longest copy', () => {
    const r = dedupeArticles([
      a('a.txt', 'Minister’s Plan Fails', ['First paragraph here.', 'Second.']),
      a('b.txt', "minister's plan fails", ['First paragraph here.', 'Second.', 'Third, only in this copy.']),
    ]);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]!.paragraphs).toHaveLength(3);
  });

  it('merges a copy whose first paragraph was edited when most paragraphs match', () => {
    const body = ['Rescue teams searched the rubble through the night, officials said.', 'The quake struck at a depth of ten kilometres off the coast.', 'Schools in the region will stay closed until Thursday at least.'];
    const r = dedupeArticles([
      a('a.txt', 'Quake Hits Coast', ['Lead v1.', ...body]),
      a('b.txt', 'Quake Hits Coast', ['Lead v2, corrected.', ...body]),
    ]);
    expect(r.articles).toHaveLength(1);
  });

  it('keeps two different stories under the same generic headline apart', () => {
    const r = dedupeArticles([
      a('a.txt', 'Live Updates', ['Storm reaches the coast.', 'Power is out.']),
      a('b.txt', 'Live Updates', ['Election results come in.', 'Turnout was high.']),
    ]);
    expect(r.articles).toHaveLength(2);
    expect(r.duplicates).toBe(0);
    expect(new Set(r.articles.map((x) => x.key)).size).toBe(2);
  });

  it('gives the same ids whatever the input order', () => {
    const input = [a('a.txt', 'X Happens', ['p1.']), a('b.txt', 'Y Happens', ['p2.']), a('c.txt', 'X Happens', ['p1.'])];
    const keys = (list: ParsedArticle[]) => dedupeArticles(list).articles.map((x) => x.key);
    expect(keys([...input].reverse())).toEqual(keys(input));
  });
});

describe('dedupeArticles with shared boilerplate', () => {
  it('keeps apart two stories under one headline that share a single boilerplate paragraph', () => {
    const boiler = 'The ministry did not respond to a request for comment on the matter.';
    const r = dedupeArticles([
      a('a.txt', 'Talks Resume', ['Negotiators met in Cairo on Monday.', boiler]),
      a('b.txt', 'Talks Resume', ['Negotiators met in Doha on Thursday.', boiler, 'A third paragraph about Doha.']),
    ]);
    expect(r.articles).toHaveLength(2);
  });
});

describe('dedupeArticles never merges two stories (issue: reader archive)', () => {
  const body2017 = [
    'An earthquake damaged hundreds of buildings near Doha on Tuesday, the civil defence said.',
    'Rescue teams worked through the night in the old quarter, where several houses collapsed.',
    'The quake had a magnitude of 5.1 and struck at a shallow depth, the seismology centre said.',
  ];
  const body2021 = [
    'An earthquake damaged hundreds of buildings near Doha on Tuesday, the civil defence said.',
    'Schools were closed across the capital while engineers inspected public buildings.',
    'It was the strongest tremor felt in the country in four years, officials said.',
  ];
  const copy = (file: string, caption: string, body: string[]): ParsedArticle => ({
    headline: 'Earthquake Damages Hundreds of Buildings Near Doha', captions: [caption], paragraphs: body, source: { file, line: 3 }, meta: {},
  });

  it('keeps the Doha earthquake of 2017 and the one of 2021 apart: same headline and lead, other date, caption and credit', () => {
    const r = dedupeArticles([
      copy('2017.txt', 'Rescuers search a collapsed house near Doha, March 7, 2017 (Reuters)', body2017),
      copy('2021-a.txt', 'Engineers inspect a school in Doha, June 1, 2021 (AFP)', body2021),
      copy('2021-b.txt', 'Engineers inspect a school in Doha, June 1, 2021 (AFP)', body2021),
    ]);
    expect(r.articles).toHaveLength(2);
    expect(new Set(r.articles.map((x) => x.key)).size).toBe(2);
    const old = r.articles.find((x) => x.sources[0]!.file === '2017.txt')!;
    expect(old.captions[0]).toContain('2017');
    expect(r.duplicates).toBe(1);
    expect(r.merges).toEqual([{ id: expect.any(String), headline: 'Earthquake Damages Hundreds of Buildings Near Doha', sources: [{ file: '2021-a.txt', line: 3 }, { file: '2021-b.txt', line: 3 }] }]);
  });

  it('keeps captions only one copy had when it merges', () => {
    const bare: ParsedArticle = { ...copy('a.txt', '', body2021), captions: [] };
    const r = dedupeArticles([bare, copy('b.txt', 'Engineers inspect a school in Doha, June 1, 2021 (AFP)', body2021)]);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]!.captions).toEqual(['Engineers inspect a school in Doha, June 1, 2021 (AFP)']);
  });

  it('keeps a caption and front matter only a shorter copy had, beside the kept copy\'s own', () => {
    const shared = 'Engineers inspect a school in Doha, June 1, 2021 (AFP)';
    const extra = 'Residents clear rubble from a street in Doha, June 1, 2021 (AFP)';
    const longer: ParsedArticle = { ...copy('a.txt', shared, [...body2021, 'A closing paragraph only the longer copy has, about the aid that arrived.']) };
    const shorter: ParsedArticle = { ...copy('b.txt', shared, body2021), captions: [shared, extra], meta: { byline: 'Jane Doe', date: '2021-06-01' } };
    const r = dedupeArticles([longer, shorter]);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]!.paragraphs).toEqual(longer.paragraphs);
    expect(r.articles[0]!.captions).toEqual([shared, extra]);
    expect(r.articles[0]!.meta).toEqual({ byline: 'Jane Doe', date: '2021-06-01' });
  });
});
