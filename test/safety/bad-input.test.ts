/**
 * Promise 1 — bad input: every kind of bad seed, built beside the good sample seeds, is reported
 * with its file and line, the good articles still build, and the CLI exits 1 printing
 * `file:line: error:`. Plus the accounting: published + quarantined = articles in the input.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, type BuiltArchive } from '../../src/build.js';
import { article, cleanupTemp, fileText, invalidDir, seedsWithSamples, seedText, tempDir } from './seed-folders.js';
import { emptyConfig, runCli } from './run-cli.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const fixture = (name: string): Uint8Array => readFileSync(path.join(invalidDir, name));
const linesOf = (s: string): number => s.split('\n').length - 1;

const good = (headline: string, caption = 'Officials speak to reporters on Monday. (AFP)'): string =>
  article(headline, [`${headline}: the first paragraph of the report, with enough words to be a body.`, 'A second paragraph follows with more detail.'], caption);

// Generated cases: binary, invalid UTF-8, a 2 MiB line, a file over 5 MiB.
const binaryHead = 'Grain Prices Fall Again\n\nTraders at the grain exchange. (AFP)\nTT\n'; // 4 lines; the NUL is on line 5
const binarySeed = concat(enc(binaryHead), new Uint8Array([0x47, 0x00, 0x01, 0x02, 0x0a]), enc(good('Grain Prices Fall Again')));
const utf8Head = 'Ferry Service Resumes\n\nA ferry leaves port on Sunday. (Reuters)\nTT\n\nFerry Service Resumes\n\n'; // 7 lines; bad byte on line 8
const invalidUtf8Seed = concat(enc(utf8Head), enc('The ferry service resumed on Sunday, caf'), new Uint8Array([0xc3, 0x28]), enc(' owners said.\n\nTickets are on sale.\n'));
const longLinePrefix = seedText(good('Solar Farm Opens in Desert'), 'Wind Farm Approved Offshore\n\nWind Farm Approved Offshore\n\nThe offshore wind farm was approved on Monday.\n\n');
const longLineSeed = `${longLinePrefix}${'w'.repeat(2 * 1024 * 1024)}\n\nConstruction starts next year.\n`;
const longLineAt = linesOf(longLinePrefix) + 1;
const bigArticle = (i: number): string => good(`Big Seed Story Number ${i}`);
let bigSeed = '';
for (let i = 0; bigSeed.length <= 5 * 1024 * 1024; i++) bigSeed += `${bigArticle(i)}\n\n`;

interface Case {
  readonly name: string;
  readonly file: string;
  readonly bytes: Uint8Array | string;
  readonly rule: string;
  readonly line: number;
  /** Headlines from this file that must still be published. */
  readonly builds: readonly string[];
}

const cases: readonly Case[] = [
  { name: 'empty file', file: 'empty.txt', bytes: fixture('empty.txt'), rule: 'empty-file', line: 1, builds: [] },
  { name: 'whitespace only', file: 'whitespace.txt', bytes: fixture('whitespace.txt'), rule: 'empty-file', line: 1, builds: [] },
  { name: 'binary (NUL bytes)', file: 'binary.txt', bytes: binarySeed, rule: 'binary-file', line: 5, builds: [] },
  { name: 'invalid UTF-8', file: 'latin1.txt', bytes: invalidUtf8Seed, rule: 'invalid-utf8', line: 8, builds: [] },
  { name: 'headline and captions with no body', file: 'no-body.txt', bytes: fixture('no-body.txt'), rule: 'no-body', line: 15, builds: ['Harbour Reopens After Storm Damage'] },
  { name: 'a 2 MiB single line', file: 'long-line.txt', bytes: longLineSeed, rule: 'line-too-long', line: longLineAt, builds: ['Solar Farm Opens in Desert', 'Wind Farm Approved Offshore'] },
  { name: 'a file over 5 MiB', file: 'huge.txt', bytes: bigSeed, rule: 'file-too-large', line: 1, builds: [] },
  { name: 'a block that is not an article', file: 'not-an-article.txt', bytes: fixture('not-an-article.txt'), rule: 'not-an-article', line: 3, builds: ['Library Opens New Reading Room'] },
  { name: 'malformed YAML front matter', file: 'malformed-yaml.txt', bytes: fixture('malformed-yaml.txt'), rule: 'front-matter-yaml', line: 3, builds: ['Museum Returns Looted Statues'] },
  { name: 'unknown front-matter key', file: 'unknown-key.txt', bytes: fixture('unknown-key.txt'), rule: 'front-matter-schema', line: 3, builds: ['Rail Line Extended to Airport'] },
  { name: 'front-matter value of the wrong type', file: 'wrong-type.txt', bytes: fixture('wrong-type.txt'), rule: 'front-matter-schema', line: 3, builds: ['Farmers Protest Water Cuts'] },
  { name: 'impossible date 2025-02-30', file: 'impossible-date.txt', bytes: fixture('impossible-date.txt'), rule: 'front-matter-schema', line: 3, builds: ['Council Approves New Park'] },
];

let baseline: BuiltArchive;
let config: string;
beforeAll(async () => {
  baseline = await buildArchive({ seedsDir: seedsWithSamples('baseline'), search: false });
  expect(baseline.report.problems).toEqual([]);
  expect(baseline.articles.length).toBeGreaterThan(0);
  config = emptyConfig();
});
afterAll(cleanupTemp);

describe.concurrent('bad seeds beside good ones', () => {
  for (const c of cases) {
    it(`${c.name}: reported as ${c.file}:${c.line} [${c.rule}], good articles still built, CLI exits 1`, async () => {
      const seedsDir = seedsWithSamples(c.rule, { [c.file]: c.bytes });
      const built = await buildArchive({ seedsDir, search: false });

      const errors = built.report.problems.filter((p) => p.severity === 'error' && p.file === c.file);
      expect(errors.map((p) => `${p.file}:${p.line} ${p.rule}`)).toContain(`${c.file}:${c.line} ${c.rule}`);

      // Every sample article is still published, unchanged in id, slug and headline.
      const byId = new Map(built.articles.map((a) => [a.id, a]));
      for (const a of baseline.articles) {
        expect(byId.get(a.id), a.headline).toMatchObject({ slug: a.slug, headline: a.headline });
      }
      const published = built.articles.filter((a) => a.sources.some((s) => s.file === c.file)).map((a) => a.headline);
      expect(published.sort()).toEqual([...c.builds].sort());
      expect(built.articles).toHaveLength(baseline.articles.length + c.builds.length);

      if (c.rule === 'invalid-utf8' || c.rule === 'binary-file') {
        for (const f of built.files) {
          const text = typeof f.contents === 'string' ? f.contents : new TextDecoder().decode(f.contents);
          expect(text.includes('\uFFFD'), `U+FFFD in ${f.path}`).toBe(false);
        }
      }
      if (c.file === 'impossible-date.txt') {
        expect(fileText(built.files, 'data/articles.json')).not.toContain('2025-02-30');
      }

      const out = path.join(tempDir(`out-${c.rule}`), 'site');
      const cli = await runCli(['build', '--seeds', seedsDir, '--out', out, '--no-search', '--quiet', '--config', config]);
      expect(cli.stderr).toContain(`${c.file}:${c.line}: error:`);
      expect(cli.code, cli.stderr).toBe(1);
    });
  }
});

describe('accounting', () => {
  it('articles in articles.json + report.quarantined = articles in the input, for good and bad seeds mixed', async () => {
    const onlyBody = 'Power Cut Hits Old Town\n\nPower Cut Hits Old Town\n\n' + `${'x'.repeat(2 * 1024 * 1024)}\n`;
    const twoInLatin1 = concat(
      enc(seedText(good('Dam Repairs Finished Early'), 'Tram Line Reopens\n\nTram Line Reopens\n\nThe tram line reopened on Monday, caf')),
      new Uint8Array([0xe9]),
      enc(' owners said.\n'),
    );
    const pngLike = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x0a, 0x00]);
    const extra: Record<string, string | Uint8Array> = {
      'no-body.txt': fixture('no-body.txt'), // 1 published + 1 quarantined
      'not-an-article.txt': fixture('not-an-article.txt'), // 1 + 1
      'malformed-yaml.txt': fixture('malformed-yaml.txt'), // 1 + 0
      'two-in-latin1.txt': twoInLatin1, // 0 + 2: the whole file is refused, so both of its articles are quarantined
      'only-body-too-long.txt': onlyBody, // 0 + 1: its only paragraph is the over-long line
      'image.txt': pngLike, // a binary file holds no articles
      'empty.txt': fixture('empty.txt'),
      'whitespace.txt': fixture('whitespace.txt'),
    };
    const inputArticles = baseline.articles.length + 2 + 2 + 1 + 2 + 1;
    const built = await buildArchive({ seedsDir: seedsWithSamples('accounting', extra), search: false });
    const records = (JSON.parse(fileText(built.files, 'data/articles.json')) as { articles: unknown[] }).articles;
    const report = JSON.parse(fileText(built.files, 'data/report.json')) as { quarantined: number; duplicates: number };
    expect(report.duplicates).toBe(0);
    expect({ published: records.length, quarantined: report.quarantined }).toEqual({ published: baseline.articles.length + 3, quarantined: 5 });
    expect(records.length + report.quarantined).toBe(inputArticles);
    expect(built.report.quarantined).toBe(report.quarantined);
  });
});
