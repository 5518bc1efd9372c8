/**
 * Search bundles are shared between the build thread's Pagefind service and a second one in a
 * search thread. Whichever service indexes a bundle, the archive is the same, byte for byte;
 * and a bundle the thread cannot index fails the build with a clear message.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildArchive, searchThreading } from '../../src/build.js';
import { startSearchThread } from '../../src/workers/search-in-worker.js';

const repo = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(path.join(tmpdir(), 'dateline-search-thread-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const usual = searchThreading.minRecords;
afterEach(() => {
  searchThreading.minRecords = usual;
});

describe('search bundles in two Pagefind services', () => {
  it('gives the same archive, byte for byte, with the search thread as without it', async () => {
    execFileSync(process.execPath, [path.join(repo, 'bench/gen-corpus.mjs'), '--articles', '120', '--out', work, '--seed', '5'], { stdio: 'ignore' });
    const options = { seedsDir: path.join(work, 'seeds'), siteUrl: 'https://news.example/', search: true };
    searchThreading.minRecords = Number.POSITIVE_INFINITY;
    const alone = await buildArchive(options);
    searchThreading.minRecords = 0;
    const shared = await buildArchive(options);
    const bundles = new Set(alone.files.filter((f) => f.path.startsWith('pagefind/')).map((f) => f.path.split('/')[1]));
    // Several year bundles, the undated one and the words bundle: work for both services.
    expect(bundles.size).toBeGreaterThan(4);
    expect(shared.files.map((f) => f.path).sort()).toEqual(alone.files.map((f) => f.path).sort());
    const bytes = new Map(alone.files.map((f) => [f.path, Buffer.from(f.contents)]));
    for (const f of shared.files) expect(Buffer.from(f.contents).equals(bytes.get(f.path)!), f.path).toBe(true);
  }, 240_000);

  it('rejects a bundle it cannot index with a BuildError, and closes', async () => {
    const thread = startSearchThread();
    try {
      const bad = { url: '/a/', content: 'text', title: 'A', meta: {}, filters: {}, sort: {} };
      await expect(thread.index('en', [bad as never, { ...bad, url: 42 } as never], 'pagefind/x/')).rejects.toThrow(/search indexing failed/);
    } finally {
      await thread.close();
    }
  }, 120_000);
});
