import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../src/stages/parse-seed.js';
import type { ParsedArticle } from '../../src/model/types.js';

// Real articles (the samples and the development set) as the model: parse them once, then
// print them back in every scrape variation and check the parser recovers the same articles.
const dirs = ['../../seeds', '../fixtures/devset'];
const models: ParsedArticle[] = dirs.flatMap((dir) => {
  const url = new URL(`${dir}/`, import.meta.url);
  return readdirSync(url).filter((f) => f.endsWith('.txt')).sort()
    .flatMap((f) => parseSeed({ path: f, bytes: readFileSync(new URL(f, url)) }).articles);
});

interface Style {
  captionPrints: 0 | 1 | 2;
  number: boolean;
  noise: boolean;
  gap: number;
  eol: '\n' | '\r\n' | '\r';
  trailing: '' | ' ' | '\t' | '  \t';
  bom: boolean;
  finalNewlines: number;
  /** Print the paragraph at this index twice in a row (the scrape does): parsed once. */
  doubled: number;
  /** Extra blank lines between the header and the body. */
  headerGap: number;
}

const style = fc.record<Style>({
  captionPrints: fc.constantFrom(0, 1, 2),
  number: fc.boolean(),
  noise: fc.boolean(),
  gap: fc.integer({ min: 1, max: 5 }),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  trailing: fc.constantFrom('', ' ', '\t', '  \t'),
  bom: fc.boolean(),
  finalNewlines: fc.integer({ min: 0, max: 3 }),
  doubled: fc.integer({ min: -1, max: 8 }),
  headerGap: fc.constantFrom(0, 0, 0, 1, 2),
});

function print(articles: readonly ParsedArticle[], s: Style): Uint8Array {
  const blocks = articles.map((a) => {
    const caps = s.captionPrints === 0 ? [] : a.captions.flatMap((c) => (s.captionPrints === 2 ? [c, c] : [c]));
    // Articles set apart by a single blank line are told apart by their header: give them one.
    const noise = s.noise || (s.gap === 1 && s.captionPrints === 0) ? ['TT', ...(s.number ? ['20'] : [])] : [];
    const header = [a.headline, '', ...caps, ...noise, ...(caps.length + noise.length > 0 ? [''] : []), a.headline, '', ...(caps.length > 0 ? [...caps, ''] : [])];
    const body = a.paragraphs.flatMap((p, i) => (i === s.doubled ? [p, '', p] : [p])).flatMap((p, i) => (i === 0 ? [p] : ['', p]));
    return [...header, ...Array<string>(s.headerGap).fill(''), ...body].join('\n');
  });
  const text = blocks.join('\n'.repeat(s.gap + 1)) + '\n'.repeat(s.finalNewlines);
  const lines = text.split('\n').map((l) => (l === '' ? l : l + s.trailing));
  return new TextEncoder().encode((s.bom ? '\uFEFF' : '') + lines.join(s.eol));
}

describe('parseSeed recovers articles from every scrape variation', () => {
  it('has real articles to work from', () => {
    expect(models.length).toBeGreaterThanOrEqual(40);
  });

  it('finds the same headlines, captions and paragraphs whatever the printing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: models.length - 1 }), { minLength: 1, maxLength: 5 }), style, (picks, s) => {
        const chosen = [...new Set(picks)].map((i) => models[i]!);
        const result = parseSeed({ path: 'v.txt', bytes: print(chosen, s) });
        expect(result.diagnostics).toEqual([]);
        expect(result.articles.map((a) => a.headline)).toEqual(chosen.map((a) => a.headline));
        result.articles.forEach((a, i) => {
          expect(a.paragraphs).toEqual(chosen[i]!.paragraphs);
          if (s.captionPrints > 0) expect(a.captions).toEqual(chosen[i]!.captions);
        });
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });
});
