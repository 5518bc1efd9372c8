import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash, joinScans, manifestName, manifestText, scanOutput, type ManifestEntry } from '../../src/output/output-manifest.js';
import { isSafeOutputPath } from '../../src/stages/write-site.js';
import { scanOutputSoon, scanShareInWorker } from '../../src/workers/scan-in-worker.js';

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
    // The worker's share alone: the odd files, the others not looked at.
    const odd = await scanShareInWorker(out, { of: 2, parts: [1] });
    expect(odd.manifestId).toBe(here.manifestId);
    expect([...odd.stats.subarray(4, 8)]).toEqual([...here.stats.subarray(4, 8)]);
    expect([...odd.stats.subarray(0, 4)]).toEqual([-1, -1, -1, -1]);
    // Joined with the even share, it is the whole scan.
    const even = await scanOutput(out, isSafeOutputPath, { of: 2, parts: [0] });
    expect(joinScans(even, odd, { of: 2, parts: [1] })).toBe(true);
    expect(even).toEqual(here);
    expect(here.paths).toHaveLength(4001);
    const at = (rel: string) => [...here.stats.subarray(here.paths.indexOf(rel) * 4, here.paths.indexOf(rel) * 4 + 2)];
    expect(at('articles/a-0/index.html')).toEqual([1, 14]);
    expect(at('articles/a-1/index.html')[1]).toBe(19); // edited: another size
    expect(at('articles/a-2/index.html')).toEqual([-1, -1]); // missing
    expect(at('articles/a-3/index.html')[0]).toBe(0); // a symlink is not a regular file
    expect(at('../outside.html')).toEqual([-1, -1]); // an unsafe path is never looked at
  }, 60_000);

  it('scans a small output without a worker, with the same result', async () => {
    const out = outputOf(20);
    expect(await scanOutputSoon(out)()).toEqual(await scanOutput(out, isSafeOutputPath));
    expect(await scanOutputSoon(path.join(root, 'no-such-folder'))()).toEqual(await scanOutput(path.join(root, 'no-such-folder')));
  });

  it('scans again when the manifest changed between the two threads\' reads', async () => {
    const out = outputOf(4000);
    const here = await scanOutput(out, isSafeOutputPath);
    const odd = await scanShareInWorker(out, { of: 2, parts: [1] });
    writeFileSync(path.join(out, manifestName), manifestText(new Map([['articles/a-0/index.html', { hash: here.hashes[0]!, size: 14 }]])));
    const even = await scanOutput(out, isSafeOutputPath, { of: 2, parts: [0] });
    expect(joinScans(even, odd, { of: 2, parts: [1] })).toBe(false);
    expect(await scanOutputSoon(out)()).toEqual(await scanOutput(out, isSafeOutputPath));
  }, 60_000);
});
