import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash, manifestName, manifestText, newStatClaims, readOutputManifest, scanOf, scanOutput, statClaimed, type ManifestEntry } from '../../src/output/output-manifest.js';
import { isSafeOutputPath } from '../../src/stages/write-site.js';
import { scanOutputSoon, startScanWorker } from '../../src/workers/scan-in-worker.js';

const root = mkdtempSync(path.join(tmpdir(), 'dateline-scan-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An output folder of `n` small pages with a manifest, one page edited, one missing, one a symlink and one unsafe path listed. */
function outputOf(n: number): string {
  const out = mkdtempSync(path.join(root, 'out-'));
  const entries = new Map<string, ManifestEntry>();
  for (let i = 0; i < n; i++) {
    const rel = `articles/a-${i}/index.html`;
    const bytes = Buffer.from(`<p>page ${i}</p>\n`);
    mkdirSync(path.join(out, path.dirname(rel)), { recursive: true });
    writeFileSync(path.join(out, rel), bytes);
    entries.set(rel, { hash: contentHash(bytes), size: bytes.length });
  }
  writeFileSync(path.join(out, 'articles/a-1/index.html'), '<p>edited page</p>\n');
  rmSync(path.join(out, 'articles/a-2/index.html'));
  rmSync(path.join(out, 'articles/a-3/index.html'));
  symlinkSync('/etc/hostname', path.join(out, 'articles/a-3/index.html'));
  entries.set('../outside.html', { hash: 'x', size: 1 });
  writeFileSync(path.join(out, manifestName), manifestText(entries));
  return out;
}

describe('scanOutputSoon', () => {
  it('finds, sharing the files with a worker thread, what scanning here finds, for a large output', async () => {
    // 4,000 files make a manifest past the worker's threshold.
    const out = outputOf(4000);
    const here = await scanOutput(out, isSafeOutputPath);
    expect(await scanOutputSoon(out)()).toEqual(here);
    expect(here.paths).toHaveLength(4001);
    const at = (rel: string) => [...here.stats.subarray(here.paths.indexOf(rel) * 4, here.paths.indexOf(rel) * 4 + 2)];
    expect(at('articles/a-0/index.html')).toEqual([1, 14]);
    expect(at('articles/a-1/index.html')[1]).toBe(19); // edited: another size
    expect(at('articles/a-2/index.html')).toEqual([-1, -1]); // missing
    expect(at('articles/a-3/index.html')[0]).toBe(0); // a symlink is not a regular file
    expect(at('../outside.html')).toEqual([-1, -1]); // an unsafe path is never looked at
  }, 60_000);

  it('lets the worker alone look at every file when the build thread comes late, with the same result', async () => {
    const out = outputOf(3000);
    const here = await scanOutput(out, isSafeOutputPath);
    const read = readOutputManifest(out);
    const claims = newStatClaims(read.paths.length);
    const worker = startScanWorker({ out: read.out, paths: read.paths, ...claims })!;
    // Until the worker has marked every run done.
    const runs = Math.ceil(read.paths.length / claims.run);
    for (let r = 0; r < runs; r++) Atomics.wait(claims.control, 1 + r, 0, 30_000);
    await worker.terminate();
    expect(Atomics.load(claims.control, 0)).toBeGreaterThanOrEqual(runs);
    expect(scanOf(read, claims.stats)).toEqual(here);
  }, 60_000);

  it('scans a small output without a worker, with the same result', async () => {
    const out = outputOf(20);
    expect(await scanOutputSoon(out)()).toEqual(await scanOutput(out, isSafeOutputPath));
    expect(await scanOutputSoon(path.join(root, 'no-such-folder'))()).toEqual(await scanOutput(path.join(root, 'no-such-folder')));
  });

  it('looks itself at the runs a stalled thread took and never finished', async () => {
    const out = outputOf(1000);
    const here = await scanOutput(out, isSafeOutputPath);
    const read = readOutputManifest(out);
    const claims = newStatClaims(read.paths.length);
    // Another thread took the first two runs and stopped: they are never marked done.
    claims.control[0] = 2;
    statClaimed(read.out, read.paths, isSafeOutputPath, claims);
    // A file of the first run (the first path, `../outside.html`, is never looked at).
    expect(read.paths[10]).toMatch(/^articles\//);
    expect(here.stats[10 * 4]).toBe(1);
    expect(claims.stats[10 * 4]).toBe(-1);
    // Waiting for them a short while, this thread looks at them too, and the scan is whole.
    statClaimed(read.out, read.paths, isSafeOutputPath, claims, 20);
    expect(scanOf(read, claims.stats)).toEqual(here);
  });
});
