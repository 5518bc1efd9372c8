import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textKey } from '../../src/text/text-key.js';

/** The key as first defined: every fold applied to every line, one after the other. */
function plainKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

describe('textKey', () => {
  it('folds quotes, dashes, format characters, case and white space', () => {
    expect(textKey('  “Ceasefire” — Talks\u200B RESUME\tin ‘Doha’ ')).toBe('"ceasefire" - talks resume in \'doha\'');
    expect(textKey('ﬁnal ＦＵＬＬ\u00A0width `tick`')).toBe("final full width 'tick'");
  });

  it('equals the plain definition on every line of the samples and fixtures, and on any text', () => {
    const dirs = ['../../seeds/', '../fixtures/realset/dev/', '../fixtures/devset/', '../fixtures/markdown/'];
    const lines = dirs.flatMap((d) => {
      const url = new URL(d, import.meta.url);
      return readdirSync(url).filter((f) => /\.(txt|md)$/.test(f)).flatMap((f) => readFileSync(new URL(f, url), 'utf8').split('\n'));
    });
    expect(lines.length).toBeGreaterThan(1000);
    for (const line of lines) expect(textKey(line), line).toBe(plainKey(line));
    const piece = fc.constantFrom(' ', '  ', '\t', '\n', '\u00A0', '\u2003', 'a', 'Z', 'é', 'É', 'ﬁ', '“', '”', '‘', '’', '`', '´', '«', '—', '–', '\u2212', '\u200B', '\u202E', '\uFEFF', 'İ', 'ß', '1', '.');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (parts) => textKey(parts.join('')) === plainKey(parts.join(''))), { numRuns: 2000, seed: 7 });
  });
});
