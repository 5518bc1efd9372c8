/**
 * Issues 12.4 and 12.10: one unreadable, oddly named or vanishing seed aborted the build, and
 * symlinks, dot entries and upper-case extensions were skipped without a word.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// A seed is read with openSync after the folder was listed: the hook runs just before it opens.
const hooks = vi.hoisted(() => ({ beforeOpen: (_file: string): void => {} }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = (await importOriginal()) as typeof import('node:fs');
  const openSync = ((file: string, ...rest: unknown[]) => {
    hooks.beforeOpen(String(file));
    return (actual.openSync as (...a: unknown[]) => number)(file, ...rest);
  }) as typeof actual.openSync;
  return { ...actual, openSync, default: { ...actual, openSync } };
});

import { discoverSeeds } from '../../src/stages/discover-seeds.js';
import { buildArchive } from '../../src/build.js';
import { article, cleanupTemp, repoRoot, tempDir, writeSeeds } from '../safety/seed-folders.js';

afterAll(cleanupTemp);

const seed = (headline: string): string => article(headline, ['A body paragraph of the article, long enough to read.']);

const rules = (d: { diagnostics: ReadonlyArray<{ file: string; rule: string; severity: string }> }) =>
  d.diagnostics.map((p) => `${p.severity} ${p.rule} ${p.file}`).sort();

describe('discoverSeeds (issues 12.4, 12.10)', () => {
  it('reads upper-case extensions (.TXT, .Md) as seeds', async () => {
    const dir = writeSeeds(path.join(tempDir('upper'), 'seeds'), { 'A.TXT': seed('Upper Case Text Seed'), 'b.Md': '# Mixed Case Markdown\n\nBody.\n', 'c.txt': seed('Lower Case Seed') });
    const found = await discoverSeeds(dir);
    expect(found.seeds.map((s) => s.path)).toEqual(['A.TXT', 'b.Md', 'c.txt']);
    expect(found.diagnostics).toEqual([]);
  });

  it('reports every skipped entry: dotfile, dot-folder, symlink, pipe and other extension', async () => {
    const dir = writeSeeds(path.join(tempDir('skipped'), 'seeds'), { 'a.txt': seed('Kept Seed Headline'), '.hidden.txt': seed('Hidden'), '.drafts/x.txt': seed('Draft'), 'notes.json': '{}' });
    symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'link.txt'));
    const fifo = spawnSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    const found = await discoverSeeds(dir);
    expect(found.seeds.map((s) => s.path)).toEqual(['a.txt']);
    expect(rules(found)).toEqual([
      'warning skipped-file .drafts',
      'warning skipped-file .hidden.txt',
      'warning skipped-file link.txt',
      'warning skipped-file notes.json',
      ...(fifo.status === 0 ? ['warning skipped-file pipe.txt'] : []),
    ]);
  });

  it('a file name that is not UTF-8 is an error with the name escaped; the other seeds are read', async () => {
    const dir = writeSeeds(path.join(tempDir('latin1'), 'seeds'), { 'a.txt': seed('Readable Seed Headline') });
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), seed('Latin-1 Named'));
    const found = await discoverSeeds(dir);
    expect(found.seeds.map((s) => s.path)).toEqual(['a.txt']);
    expect(rules(found)).toEqual(['error file-name-encoding caf\\xe9.txt']);
  });

  it('a seed deleted between discovery and reading is an error; the build goes on and reports it', async () => {
    const dir = writeSeeds(path.join(tempDir('vanish'), 'seeds'), { 'a.txt': seed('Stays Put Headline'), 'gone.txt': seed('Goes Away Headline') });
    hooks.beforeOpen = (file) => {
      if (file.endsWith('gone.txt')) unlinkSync(file);
    };
    try {
      const built = await buildArchive({ seedsDir: dir, search: false });
      expect(built.articles.map((a) => a.headline)).toEqual(['Stays Put Headline']);
      expect(built.report.problems).toEqual([expect.objectContaining({ file: 'gone.txt', severity: 'error', rule: 'file-vanished' })]);
    } finally {
      hooks.beforeOpen = () => {};
    }
  });

  it('a seed swapped for a link or a pipe after discovery is not followed nor waited on; the build reports it', async () => {
    const root = tempDir('swap');
    const dir = writeSeeds(path.join(root, 'seeds'), { 'a.txt': seed('Stays Put Headline'), 'link.txt': seed('Was A Seed'), 'pipe.txt': seed('Was Another Seed') });
    writeFileSync(path.join(root, 'outside.txt'), seed('Outside The Seeds Folder'));
    hooks.beforeOpen = (file) => {
      if (file.endsWith('link.txt')) {
        unlinkSync(file);
        symlinkSync(path.join(root, 'outside.txt'), file);
      }
      if (file.endsWith('pipe.txt')) {
        unlinkSync(file);
        expect(spawnSync('mkfifo', [file]).status).toBe(0);
      }
    };
    try {
      const built = await buildArchive({ seedsDir: dir, search: false });
      expect(built.articles.map((a) => a.headline)).toEqual(['Stays Put Headline']);
      expect(built.report.problems.map((p) => `${p.file} ${p.rule}`).sort()).toEqual(['link.txt unreadable-file', 'pipe.txt unreadable-file']);
    } finally {
      hooks.beforeOpen = () => {};
    }
  });

  it('an unreadable (EACCES) file and folder are errors; the other seeds are read', async () => {
    const dir = writeSeeds(path.join(tempDir('eacces'), 'seeds'), { 'a.txt': seed('Readable Seed Headline'), 'locked.txt': seed('Locked'), 'closed/b.txt': seed('Closed') });
    chmodSync(path.dirname(dir), 0o755);
    chmodSync(path.join(dir, 'locked.txt'), 0o000);
    chmodSync(path.join(dir, 'closed'), 0o000);
    const script = `import(${JSON.stringify(path.join(repoRoot, 'src/stages/discover-seeds.ts'))}).then((m) => m.discoverSeeds(${JSON.stringify(dir)})).then((r) => console.log(JSON.stringify({ seeds: r.seeds.map((s) => s.path), diagnostics: r.diagnostics })))`;
    // Root reads any file: as root, read the folder as an unprivileged user (nobody) instead.
    const asRoot = process.getuid?.() === 0;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
    chmodSync(path.join(dir, 'closed'), 0o755);
    expect(run.stderr).toBe('');
    const found = JSON.parse(run.stdout) as { seeds: string[]; diagnostics: Array<{ file: string; rule: string; severity: string }> };
    expect(found.seeds).toEqual(['a.txt']);
    expect(rules(found)).toEqual(['error unreadable-file locked.txt', 'error unreadable-folder closed/']);
  });
});
