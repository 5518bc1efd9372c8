/**
 * The hints a build keeps of its output (issue 8): file times and inodes in the manifest's
 * order, so the next build knows an untouched file without reading it, and reads any file
 * whose hint is missing, stale or from another listing.
 */
import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutput, contentHash, manifestDigest, manifestName, manifestText, outputAfterWrite, readManifest, scanOutput, type ManifestEntry } from '../../src/output/output-manifest.js';
import { cleanupTemp, tempDir } from '../safety/seed-folders.js';

afterAll(cleanupTemp);

/** An output folder of `names` (written in this order, not sorted) and its manifest. */
function folder(names: readonly string[]): { out: string; manifest: Map<string, ManifestEntry> } {
  const out = tempDir('hints');
  const manifest = new Map<string, ManifestEntry>();
  for (const name of names) {
    const bytes = Buffer.from(`<p>${name}</p>\n`);
    writeFileSync(path.join(out, name), bytes);
    manifest.set(name, { hash: contentHash(bytes), size: bytes.length });
  }
  writeFileSync(path.join(out, manifestName), manifestText(manifest));
  return { out, manifest };
}

const safe = (): boolean => true;

describe('output hints', () => {
  it('let the next check read no file, and follow the manifest order whatever order the files were written in', async () => {
    const { out, manifest } = folder(['zeta.html', 'alpha.html', 'mid.html']);
    const first = checkOutput(out, await scanOutput(out), safe, () => undefined);
    expect(first.rehashed).toBe(3);
    expect(first.paths).toEqual(['alpha.html', 'mid.html', 'zeta.html']);
    const after = outputAfterWrite(out, manifest, new Set(), first);
    expect(after.digest).toBe(first.digest);
    expect(after.hints).toEqual(first.hints);
    const again = checkOutput(out, await scanOutput(out), safe, (d) => (d === after.digest ? after.hints : undefined));
    expect(again.rehashed).toBe(0);
    expect([...again.intact].sort()).toEqual(['alpha.html', 'mid.html', 'zeta.html']);
  });

  it('read a file whose time changed, and every file when the hints are of another length', async () => {
    const { out, manifest } = folder(['a.html', 'b.html']);
    const first = checkOutput(out, await scanOutput(out), safe, () => undefined);
    const hints = outputAfterWrite(out, manifest, new Set(), first).hints;
    utimesSync(path.join(out, 'b.html'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    expect(checkOutput(out, await scanOutput(out), safe, () => hints).rehashed).toBe(1);
    expect(checkOutput(out, await scanOutput(out), safe, () => hints.subarray(0, 2)).rehashed).toBe(2);
  });

  it('are looked up again for files a build wrote, and never carried over for a file that was not intact', async () => {
    const { out, manifest } = folder(['a.html', 'b.html', 'c.html']);
    writeFileSync(path.join(out, 'c.html'), 'edited by hand');
    const first = checkOutput(out, await scanOutput(out), safe, () => undefined);
    expect([...first.intact].sort()).toEqual(['a.html', 'b.html']);
    expect(Number.isNaN(first.hints[4]!)).toBe(true);
    // The build writes c.html anew (as the manifest says) and a new file d.html.
    const bytes = Buffer.from('<p>d.html</p>\n');
    writeFileSync(path.join(out, 'd.html'), bytes);
    writeFileSync(path.join(out, 'c.html'), '<p>c.html</p>\n');
    const next = new Map(manifest).set('d.html', { hash: contentHash(bytes), size: bytes.length });
    writeFileSync(path.join(out, manifestName), manifestText(next));
    const after = outputAfterWrite(out, next, new Set(['c.html', 'd.html']), first);
    const again = checkOutput(out, await scanOutput(out), safe, (d) => (d === after.digest ? after.hints : undefined));
    expect(again.rehashed).toBe(0);
    expect(again.intact.size).toBe(4);
  });
});

describe('the digest of a manifest', () => {
  it('is the same for the same entries however the manifest was written, and differs for other entries', async () => {
    const { out, manifest } = folder(['b.html', 'a.html', 'c.html']);
    const written = (await scanOutput(out)).digest;
    expect(written).toBe(manifestDigest(manifest));
    // The same entries with the lines out of order, and as a first-version JSON manifest.
    const lines = manifestText(manifest).split('\n');
    const swapped = [lines[0], lines[2]!.replace(/,$/, '') + ',', lines[1]!.replace(/,$/, '') + ',', lines[3]!.replace(/,$/, ''), ...lines.slice(4)].join('\n');
    writeFileSync(path.join(out, manifestName), swapped);
    expect(await readManifest(out)).toEqual(manifest);
    expect((await scanOutput(out)).digest).toBe(written);
    writeFileSync(path.join(out, manifestName), JSON.stringify({ generator: 'dateline', files: Object.fromEntries([...manifest].map(([k, v]) => [k, v])) }));
    expect((await scanOutput(out)).digest).toBe(written);
    // One size other: another digest.
    const other = new Map(manifest).set('a.html', { ...manifest.get('a.html')!, size: 1 });
    writeFileSync(path.join(out, manifestName), manifestText(other));
    expect((await scanOutput(out)).digest).not.toBe(written);
    expect((await scanOutput(out)).digest).toBe(manifestDigest(other));
  });
});

describe('reading a manifest', () => {
  /** The manifest of `out` as JSON.parse reads it: the reference. */
  const parsed = (text: string): Map<string, ManifestEntry> => new Map(Object.entries((JSON.parse(text) as { files: Record<string, ManifestEntry> }).files));

  it('reads what the build wrote line by line, and agrees with JSON.parse on any path', async () => {
    const plain = ['a.html', 'b c/ü.html', 'line\u2028sep.html', 'z/index.html', 'zz.html'];
    // Paths JSON escapes: such a manifest is read by JSON.parse.
    const escaped = [...plain, 'quote"d.html', 'back\\slash.html', 'tab\there.html'];
    for (const names of [plain, escaped, ['one.html']]) {
      const manifest = new Map(names.map((n, i): [string, ManifestEntry] => [n, { hash: `h${i}-_x`, size: i * 1000 - 1 }]));
      const out = tempDir('manifest');
      writeFileSync(path.join(out, manifestName), manifestText(manifest));
      const read = await readManifest(out);
      expect(read).toEqual(parsed(manifestText(manifest)));
      expect([...read!.keys()].sort()).toEqual([...names].sort());
    }
  });

  it('falls back to JSON for a manifest edited by hand, and refuses one that is not dateline\'s', async () => {
    const out = tempDir('manifest');
    const edited = '{ "generator": "dateline", "version": 2,\n "files": {"a.html": {"hash": "x", "size": 1}, "b.html": "y"} }';
    writeFileSync(path.join(out, manifestName), edited);
    expect(await readManifest(out)).toEqual(new Map([['a.html', { hash: 'x', size: 1 }], ['b.html', { hash: 'y', size: -1 }]]));
    writeFileSync(path.join(out, manifestName), '{"generator": "other", "files": {}}');
    expect(await readManifest(out)).toBeNull();
    // A line that only looks right (a size with a leading zero is not JSON) is not read as one.
    writeFileSync(path.join(out, manifestName), '{"generator": "dateline", "version": 2, "files": {\n  "a.html": {"hash":"x","size":007}\n}}\n');
    expect(await readManifest(out)).toBeNull();
  });
});
