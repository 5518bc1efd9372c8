/**
 * Promise 9 — resource limits (not timings; `npm run bench -- --big-file` (scripts/bench.ts) is for those): a seed of
 * exactly the 5 MiB limit parses without error, and a 10,000-file seeds folder builds. The
 * 10,000-file build takes a while, so it runs only with DATELINE_SLOW=1 set.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/build.js';
import { defaultDecodeLimits } from '../../src/parse/decode-seed.js';
import { discoverSeeds } from '../../src/stages/discover-seeds.js';
import { parseSeed } from '../../src/stages/parse-seed.js';
import { article, cleanupTemp, seedText, tempDir, writeSeeds } from './seed-folders.js';

afterAll(cleanupTemp);

const story = (i: number): string =>
  article(`Generated Story Number ${i} On Harbour Works`, [`Story ${i}: workers on the harbour began repairs on Monday, officials said.`, `Repairs to pier ${i} take ${(i % 12) + 1} weeks.`], `Workers repair pier ${i}. (AFP)`);

/** ASCII seed text of exactly `bytes` bytes, all of it well-formed articles. */
function seedOfSize(bytes: number): { text: string; articles: number } {
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  while (size < bytes - 4000) {
    const s = `${story(i++)}\n\n`;
    parts.push(s);
    size += s.length;
  }
  // One last article whose paragraphs fill the rest exactly.
  const head = `Closing Story On The Limit\n\nClosing Story On The Limit\n\n`;
  let rest = bytes - size - head.length;
  const paragraphs: string[] = [];
  while (rest > 0) {
    const len = Math.min(900, rest - 2);
    const p = len > 0 ? `${'Filler words here. '.repeat(60).slice(0, Math.max(1, len - 1))}.` : '';
    paragraphs.push(p);
    rest -= p.length + 2;
  }
  let text = parts.join('') + head + paragraphs.join('\n\n') + '\n\n';
  text = text.slice(0, bytes);
  if (text.length < bytes) text += '\n'.repeat(bytes - text.length);
  return { text, articles: i + 1 };
}

describe('size limits', () => {
  it('a seed of exactly 5 MiB is read whole and parses without error', async () => {
    const limit = defaultDecodeLimits.maxFileBytes;
    const { text, articles } = seedOfSize(limit);
    expect(Buffer.byteLength(text)).toBe(limit);
    const dir = writeSeeds(path.join(tempDir('five'), 'seeds'), { 'five-mib.txt': text });
    const { seeds } = await discoverSeeds(dir);
    expect(seeds[0]!.bytes.length).toBe(limit);
    const r = parseSeed(seeds[0]!);
    expect(r.diagnostics).toEqual([]);
    expect(r.quarantined).toBe(0);
    expect(r.articles).toHaveLength(articles);
  });

  it('one byte more is refused as too large, with nothing published', () => {
    const limit = defaultDecodeLimits.maxFileBytes;
    const { text } = seedOfSize(limit);
    const r = parseSeed({ path: 'big.txt', bytes: new TextEncoder().encode(`${text}\n`) });
    expect(r.diagnostics.map((d) => `${d.line} ${d.rule}`)).toEqual(['1 file-too-large']);
    expect(r.articles).toEqual([]);
  });
});

describe('many files', () => {
  it('a 300-file seeds folder builds in memory without error (always runs)', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`s/${String(i % 10)}/seed-${String(i).padStart(5, '0')}.txt`] = story(i);
    const built = await buildArchive({ seedsDir: writeSeeds(path.join(tempDir('many'), 'seeds'), files), search: false });
    expect(built.report.problems).toEqual([]);
    expect(built.report.files).toBe(300);
    expect(built.articles).toHaveLength(300);
  });

  // Slow (several seconds, 10,000 article pages): run with DATELINE_SLOW=1 npx vitest run test/safety/limits.test.ts
  it.skipIf(!process.env.DATELINE_SLOW)('a 10,000-file seeds folder builds in memory without error (DATELINE_SLOW=1)', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10_000; i++) files[`s/${String(i % 100)}/seed-${String(i).padStart(5, '0')}.txt`] = seedText(story(i));
    const built = await buildArchive({ seedsDir: writeSeeds(path.join(tempDir('ten-thousand'), 'seeds'), files), search: false });
    expect(built.report.problems).toEqual([]);
    expect(built.report.files).toBe(10_000);
    expect(built.articles).toHaveLength(10_000);
    expect(built.files.filter((f) => f.path.startsWith('articles/'))).toHaveLength(10_000);
  }, 600_000);
});
