/**
 * The output folder between builds (issues 8.3 and 12): one build at a time (a lock), a killed
 * in-place commit finished or undone by the next build, reuse only of files that are intact,
 * and the --out folders that are refused.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { recoverOutput, writeSite } from '../../src/stages/write-site.js';
import { lockPath } from '../../src/output/output-lock.js';
import { childEnv, emptyConfig, runCli } from '../safety/run-cli.js';
import { cleanupTemp, repoRoot, sampleSeedsDir, tempDir, treeDigest } from '../safety/seed-folders.js';
import { siteFiles } from './synthetic-site.js';

afterAll(cleanupTemp);

/** A seeded generator of offsets, so a failing race can be replayed. */
function random(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

async function cleanDigest(root: string, seedsDir: string): Promise<string> {
  const out = path.join(root, 'clean');
  await buildSite({ seedsDir, outDir: out, search: false, cache: false });
  const d = treeDigest(out);
  rmSync(out, { recursive: true, force: true });
  return d;
}

describe('two builds of one output folder', () => {
  it('never both write it: the second fails with a lock error or waits, and the output is always a whole build (20 races)', async () => {
    const root = tempDir('race');
    const out = path.join(root, 'site');
    const want = await cleanDigest(root, sampleSeedsDir);
    const next = random(20261128);
    for (let round = 0; round < 20; round++) {
      rmSync(out, { recursive: true, force: true });
      const wait = round % 4 === 3 ? 30 : 0; // every fourth race, the second build waits for the first
      const options = { seedsDir: sampleSeedsDir, outDir: out, search: false, cacheDir: path.join(root, `cache-${round % 2}`), lockTimeout: wait };
      const delay = Math.floor(next() * 120);
      const results = await Promise.allSettled([
        buildSite(options),
        new Promise((r) => setTimeout(r, delay)).then(() => buildSite(options)),
      ]);
      const ok = results.filter((r) => r.status === 'fulfilled').length;
      for (const r of results) {
        if (r.status === 'rejected') expect(String((r.reason as Error).message), `round ${round}`).toMatch(/another build .* is writing/);
      }
      expect(ok, `round ${round} (offset ${delay} ms)`).toBeGreaterThanOrEqual(wait > 0 ? 2 : 1);
      expect(treeDigest(out), `round ${round}`).toBe(want);
      expect(existsSync(lockPath(out))).toBe(false);
      expect(readdirSync(root).filter((e) => e.startsWith('.site.'))).toEqual([]);
    }
  }, 600_000);

  it('the CLI exits 2 while another build holds the lock, and takes over a lock whose process is gone', async () => {
    const root = tempDir('lock-cli');
    const out = path.join(root, 'site');
    writeFileSync(lockPath(out), JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), started: 'now' }));
    const busy = await runCli(['build', '--seeds', sampleSeedsDir, '--out', out, '--no-search', '--config', emptyConfig()]);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(/another build \(pid \d+/);
    expect(existsSync(out)).toBe(false);
    // A pid that no longer runs: a build killed with its lock held.
    const gone = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', '0']);
      child.on('exit', () => resolve(child.pid!));
    });
    writeFileSync(lockPath(out), JSON.stringify({ pid: gone, host: (await import('node:os')).hostname(), started: 'then' }));
    const took = await runCli(['build', '--seeds', sampleSeedsDir, '--out', out, '--no-search', '--config', emptyConfig()]);
    expect(took.code).toBe(0);
    expect(took.stderr).toMatch(/took over the lock/);
    expect(existsSync(lockPath(out))).toBe(false);
  }, 120_000);
});

describe('an in-place commit killed at a random moment', () => {
  it('leaves the old site or a journal, and the next build finishes or undoes it: always a whole generation (20 kills)', async () => {
    const root = tempDir('journal');
    const out = path.join(root, 'site');
    const count = 1500;
    const digestOf = (gen: number): string => path.join(root, `gen-${gen}`);
    // Reference trees of each generation, written whole.
    const reference = new Map<number, string>();
    for (const gen of [0, 1, 2, 3]) {
      const dir = digestOf(gen);
      await writeSite(dir, siteFiles(count, gen).map(({ path: p, contents }) => ({ path: p, contents })));
      reference.set(gen, treeDigest(dir));
      rmSync(dir, { recursive: true, force: true });
    }
    const tsx = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
    const writer = path.join(repoRoot, 'test/output/journal-writer.ts');
    const run = (gen: number) => spawn(process.execPath, ['--import', tsx, writer, out, String(count), String(gen)], { env: childEnv(), stdio: 'ignore' });
    const next = random(42);
    let killedMidway = 0;
    let gen = 0;
    await new Promise<void>((resolve, reject) => run(0).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer exited ${code}`)))));
    for (let trial = 0; trial < 20; trial++) {
      const target = (gen % 3) + 1;
      const child = run(target);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await new Promise((r) => setTimeout(r, 400 + Math.floor(next() * 1200)));
      child.kill('SIGKILL');
      const code = await exited;
      if (code === null) killedMidway++;
      await recoverOutput(out);
      const now = treeDigest(out);
      expect([reference.get(gen), reference.get(target)], `trial ${trial}`).toContain(now);
      if (now === reference.get(target)) gen = target;
      expect(readdirSync(root).filter((e) => e.startsWith('.site.'))).toEqual([]);
    }
    expect(killedMidway).toBeGreaterThan(5);
  }, 600_000);
});

describe('a site left only as .old-<pid> (issue 12.9)', () => {
  it('is restored at the start of the next build, even when that build fails before writing', async () => {
    const root = tempDir('old');
    const out = path.join(root, 'site');
    await buildSite({ seedsDir: sampleSeedsDir, outDir: out, search: false, cache: false });
    const before = treeDigest(out);
    // A build killed between its two renames: the old site waits beside the folder.
    renameSync(out, path.join(root, '.site.old-999999'));
    await expect(buildSite({ seedsDir: path.join(root, 'no-such-seeds'), outDir: out, search: false, cache: false })).rejects.toThrow(/seeds folder/);
    expect(treeDigest(out)).toBe(before);
    expect(readdirSync(root).filter((e) => e.startsWith('.site.'))).toEqual([]);
  }, 60_000);
});

describe('reusing the last output', () => {
  it('rewrites a file that was edited, truncated or replaced by a symlink, with or without the cache', async () => {
    const root = tempDir('damage');
    const want = await cleanDigest(root, sampleSeedsDir);
    for (const cache of [true, false]) {
      const out = path.join(root, `site-${cache}`);
      const options = { seedsDir: sampleSeedsDir, outDir: out, search: false, cache, cacheDir: path.join(root, 'cache') };
      await buildSite(options);
      appendFileSync(path.join(out, 'index.html'), '<!-- edited -->');
      truncateSync(path.join(out, 'feed.xml'), 10);
      const css = path.join(out, 'assets/style.css');
      unlinkSync(css);
      writeFileSync(path.join(root, 'planted.css'), readFileSync(path.join(repoRoot, 'templates/assets/style.css')));
      symlinkSync(path.join(root, 'planted.css'), css);
      const again = await buildSite(options);
      expect(again.stats.written).toBeGreaterThanOrEqual(3);
      expect(treeDigest(out)).toBe(want);
      expect(lstatSync(css).isSymbolicLink()).toBe(false);
    }
  }, 120_000);
});

describe('output folders that are refused or kept as they are', () => {
  it('refuses --out naming a file, and leaves the file as it was', async () => {
    const root = tempDir('out-file');
    const file = path.join(root, 'notes.txt');
    writeFileSync(file, 'my notes');
    const r = await runCli(['build', '--seeds', sampleSeedsDir, '--out', file, '--no-search', '--config', emptyConfig()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/it is a file, not a folder/);
    expect(readFileSync(file, 'utf8')).toBe('my notes');
  }, 60_000);

  it('refuses --out inside --seeds', async () => {
    const root = tempDir('out-in-seeds');
    const seeds = path.join(root, 'seeds');
    mkdirSync(seeds);
    writeFileSync(path.join(seeds, 'a.txt'), readFileSync(path.join(sampleSeedsDir, readdirSync(sampleSeedsDir)[0]!)));
    const r = await runCli(['build', '--seeds', seeds, '--out', path.join(seeds, 'site'), '--no-search', '--config', emptyConfig()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/inside the seeds folder/);
    expect(existsSync(path.join(seeds, 'site'))).toBe(false);
  }, 60_000);

  it('keeps an output folder that is a symbolic link a link, and writes where it points', async () => {
    const root = tempDir('out-link');
    const real = path.join(root, 'real-site');
    mkdirSync(real);
    const link = path.join(root, 'site');
    symlinkSync(real, link);
    await buildSite({ seedsDir: sampleSeedsDir, outDir: link, search: false, cacheDir: path.join(root, 'cache') });
    await buildSite({ seedsDir: sampleSeedsDir, outDir: link, search: false, cacheDir: path.join(root, 'cache'), title: 'Another title' });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(real, 'index.html'), 'utf8')).toContain('Another title');
  }, 60_000);
});
