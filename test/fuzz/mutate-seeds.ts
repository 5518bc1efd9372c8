/**
 * Generators for the fuzz campaign (issue 12): mutations of the real sample seeds (`seeds/`,
 * `test/fixtures/`) and pathological Markdown, as fast-check arbitraries. Each mutant says how
 * many articles it holds when the mutation keeps them all (`expected`), or null when it may not.
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { parseSeed } from '../../src/stages/parse-seed.js';

/** One seed file made by a generator. */
export interface Mutant {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Articles + quarantined blocks the file must yield, when the mutation keeps every article. */
  readonly expected: number | null;
  /** Articles the file must yield, when the mutation keeps every article. */
  readonly articles: number | null;
  /** Articles of the sample it was made from, for the figures when no count is promised. */
  readonly baseline: number | null;
}

interface Sample {
  readonly name: string;
  readonly lines: readonly string[];
  readonly count: number;
  readonly articles: number;
}

const root = new URL('../../', import.meta.url);
const folders = ['seeds/', 'test/fixtures/devset/', 'test/fixtures/holdout/', 'test/fixtures/variants/', 'test/fixtures/markdown/'];

/** The real samples, split into lines, each with the article count the parser reads from it. */
export const samples: readonly Sample[] = folders.flatMap((folder) =>
  readdirSync(new URL(folder, root))
    .filter((n) => /\.(?:txt|md)$/.test(n))
    .sort()
    .map((n) => {
      const bytes = readFileSync(new URL(`${folder}${n}`, root));
      const parsed = parseSeed({ path: n, bytes });
      const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
      return { name: n, lines, count: parsed.articles.length + parsed.quarantined, articles: parsed.articles.length };
    }),
);
const textSamples = samples.filter((s) => s.name.endsWith('.txt'));

/** Invisible characters a scrape leaves at line ends (issue 12.8). */
export const invisibles = ['\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\u200E', '\u202C', '\u034F', '\uFEFF'];
/** Control characters and noncharacters that are not white space (issue 12.5). */
export const controls = ['\u0001', '\u0007', '\u0008', '\u000E', '\u001B', '\u001F', '\u007F', '\u0080', '\u0085', '\u009F', '\uFDD0', '\uFDEF', '\uFFFE', '\uFFFF', '\u{1FFFF}', '\u{10FFFE}'];
const bidi = ['\u202A', '\u202B', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200F', '\u061C'];

const encode = (lines: readonly string[]): Uint8Array => new TextEncoder().encode(`${lines.join('\n')}\n`);
const sampleOf = (list: readonly Sample[]) => fc.nat(list.length - 1).map((i) => list[i]!);
/** Edits at line positions, as fractions so that they fit any sample. */
const edits = <T>(value: fc.Arbitrary<T>, max: number) => fc.array(fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), value), { minLength: 1, maxLength: max });
const at = (lines: readonly string[], f: number): number => Math.floor(f * lines.length);

/** Invisible characters at the ends of lines: every article must still be found. */
export const invisibleMutant: fc.Arbitrary<Mutant> = fc
  .tuple(sampleOf(textSamples), edits(fc.tuple(fc.constantFrom(...invisibles), fc.boolean()), 12))
  .map(([s, ops]) => {
    const lines = [...s.lines];
    for (const [f, [c, start]] of ops) {
      const i = at(lines, f);
      // Only zero-width characters are trimmed from a line's start; direction marks stay there.
      lines[i] = start && !'\u200E\u202C'.includes(c) ? `${c}${lines[i]}` : `${lines[i]}${c}`;
    }
    return { name: `invisible-${s.name}`, bytes: encode(lines), expected: s.count, articles: s.articles, baseline: s.articles };
  });

/** Control characters inside lines (VT and FF only at ends, where they read as space): every article must still be found. */
export const controlMutant: fc.Arbitrary<Mutant> = fc
  .tuple(sampleOf(textSamples), edits(fc.tuple(fc.constantFrom(...controls, '\u000B', '\u000C'), fc.double({ min: 0, max: 1, noNaN: true })), 12))
  .map(([s, ops]) => {
    const lines = [...s.lines];
    for (const [f, [c, pos]] of ops) {
      const i = at(lines, f);
      // Code points, not UTF-16 units: splitting a surrogate pair would make U+FFFD, a real change.
      const line = Array.from(lines[i]!);
      const cut = c === '\u000B' || c === '\u000C' ? line.length : Math.floor(pos * line.length);
      lines[i] = [...line.slice(0, cut), c, ...line.slice(cut)].join('');
    }
    return { name: `control-${s.name}`, bytes: encode(lines), expected: s.count, articles: s.articles, baseline: s.articles };
  });

/** Blank lines removed or added: articles may merge or split, so no count is promised. */
export const blankLineMutant: fc.Arbitrary<Mutant> = fc
  .tuple(sampleOf(textSamples), edits(fc.constantFrom('remove', 'add', 'add2'), 10))
  .map(([s, ops]) => {
    const lines = [...s.lines];
    for (const [f, op] of ops) {
      const i = at(lines, f);
      if (op === 'remove') {
        const blank = lines.indexOf('', i);
        if (blank !== -1) lines.splice(blank, 1);
      } else lines.splice(i, 0, ...(op === 'add' ? [''] : ['', '']));
    }
    return { name: `blanks-${s.name}`, bytes: encode(lines), expected: null, articles: null, baseline: s.articles };
  });

/** Huge lines (over and under the 100,000-character limit), bidi controls and NUL bytes. */
export const rawMutant: fc.Arbitrary<Mutant> = fc
  .tuple(sampleOf(textSamples), edits(fc.oneof(fc.constantFrom(...bidi), fc.constant('\u0000'), fc.constantFrom(60_000, 120_000), fc.string({ maxLength: 6, unit: 'binary' })), 6))
  .map(([s, ops]) => {
    const lines = [...s.lines];
    for (const [f, op] of ops) {
      const i = at(lines, f);
      if (typeof op === 'number') lines.splice(i, 0, 'word '.repeat(op / 5));
      else lines[i] = `${lines[i]!.slice(0, 10)}${op}${lines[i]!.slice(10)}`;
    }
    return { name: `raw-${s.name}`, bytes: encode(lines), expected: null, articles: null, baseline: s.articles };
  });

/** Pathological Markdown (nesting, emphasis, setext, link and list runs) around a real Markdown article. */
export const markdownMutant: fc.Arbitrary<Mutant> = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.nat(300).map((n) => `${'>'.repeat(n)} quoted`),
        // Deep enough to overflow a recursive visit of the tree.
        fc.nat(2000).map((n) => `${'>'.repeat(6000 + n)} quoted`),
        fc.nat(120).map((n) => `${'  '.repeat(n)}* deep item`),
        fc.nat(150).map((n) => '*a_'.repeat(n)),
        fc.nat(60).map((n) => 'a\n='.repeat(n)),
        fc.nat(200).map((n) => '[x]'.repeat(n)),
        fc.nat(100).map((n) => '* a\n'.repeat(n)),
        fc.nat(100).map((n) => `${'['.repeat(n)}x${']('.repeat(n)}`),
        fc.nat(80).map((n) => `${'*'.repeat(n)}x${'*'.repeat(n)}`),
        fc.constantFrom('<script>alert(1)</script>', '[x](javascript:alert(1))', '<img src=x onerror=alert(1)>', '```\ncode', '| a | b |\n|---|---|', '\u0000', '\u202E'),
      ),
      { maxLength: 5 },
    ),
    fc.boolean(),
  )
  .map(([parts, keepHeadline]) => {
    const base = samples.find((s) => s.name.endsWith('.md'))!;
    const lines = [...base.lines];
    if (!keepHeadline) lines.splice(lines.findIndex((l) => l.startsWith('# ')), 1);
    // A Markdown seed is one article, built or left out, whatever its body holds.
    return { name: 'markdown.md', bytes: encode([...lines, '', ...parts.flatMap((p) => [p, ''])]), expected: 1, articles: null, baseline: null };
  });
