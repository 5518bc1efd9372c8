/**
 * Promise 6 — the output folder is never half-written: a build that fails halfway, or a build
 * process killed with SIGKILL in the middle of writing, leaves every path and byte of the
 * previous output as it was; the next build removes the stale staging folder.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import type { RenderedFile } from '../../src/model/types.js';
import { writeSite } from '../../src/stages/write-site.js';
import { article, cleanupTemp, hashTree, repoRoot, sampleSeedsDir, seedText, tempDir, treeDigest, writeSeeds } from './seed-folders.js';
import { childEnv, cliCommand, emptyConfig } from './run-cli.js';

afterAll(cleanupTemp);

/** A site built from the sample seeds into a fresh folder: its path and its hash. */
async function builtSite(label: string): Promise<{ root: string; out: string; digest: string; paths: number }> {
  const root = tempDir(label);
  const out = path.join(root, 'site');
  await buildSite({ seedsDir: sampleSeedsDir, outDir: out, search: false });
  return { root, out, digest: treeDigest(out), paths: hashTree(out).size };
}

const staging = (root: string): string[] => readdirSync(root).filter((e) => e.startsWith('.site.staging-'));

/** Files that go well for a while, then fail the way a render error would. */
async function* failingHalfway(after: number, error: Error): AsyncGenerator<RenderedFile> {
  for (let i = 0; i < after; i++) yield { path: `articles/new-${i}/index.html`, contents: `<p>new ${i}</p>` };
  yield { path: 'index.html', contents: 'a new home page that must never be seen' };
  throw error;
}

describe('a build that fails halfway', () => {
  it('rendering throws after some files are written: the output folder is unchanged', async () => {
    const site = await builtSite('fail-render');
    await expect(writeSite(site.out, failingHalfway(200, new Error('render failed')))).rejects.toThrow('render failed');
    expect(treeDigest(site.out)).toBe(site.digest);
  });

  it('an unsafe path in the middle of the files: refused, the output folder is unchanged', async () => {
    const site = await builtSite('fail-unsafe');
    const files: RenderedFile[] = [
      ...Array.from({ length: 100 }, (_, i) => ({ path: `articles/x-${i}/index.html`, contents: `x ${i}` })),
      { path: 'index.html', contents: 'changed' },
      { path: '../escaped.html', contents: 'outside' },
      { path: 'feed.xml', contents: 'changed' },
    ];
    await expect(writeSite(site.out, files)).rejects.toThrow(/refusing to write/);
    expect(treeDigest(site.out)).toBe(site.digest);
    expect(existsSync(path.join(site.root, 'escaped.html'))).toBe(false);
  });

  it('the same path twice: refused, the output folder is unchanged', async () => {
    const site = await builtSite('fail-dup');
    await expect(writeSite(site.out, [{ path: 'index.html', contents: 'a' }, { path: 'index.html', contents: 'b' }])).rejects.toThrow(/two pages/);
    expect(treeDigest(site.out)).toBe(site.digest);
  });

  it('a seeds folder that does not exist fails before anything is written', async () => {
    const site = await builtSite('fail-seeds');
    await expect(buildSite({ seedsDir: path.join(site.root, 'missing'), outDir: site.out, search: false })).rejects.toThrow(/does not exist/);
    expect(treeDigest(site.out)).toBe(site.digest);
  });

  it('the next build removes the stale staging folder a failed build left', async () => {
    const site = await builtSite('stale');
    await writeSite(site.out, failingHalfway(10, new Error('boom'))).catch(() => undefined);
    await buildSite({ seedsDir: sampleSeedsDir, outDir: site.out, search: false });
    expect(staging(site.root)).toEqual([]);
    expect(treeDigest(site.out)).toBe(site.digest);
  });

  it('a build killed between its two renames (site only in .old-<pid>) gets the site back, even if the next build fails', async () => {
    const site = await builtSite('old');
    renameSync(site.out, path.join(site.root, '.site.old-424242'));
    await expect(writeSite(site.out, failingHalfway(5, new Error('boom')))).rejects.toThrow('boom');
    expect(treeDigest(site.out)).toBe(site.digest);
    expect(readdirSync(site.root).filter((e) => e.startsWith('.site.old-'))).toEqual([]);
  });
});

describe('a build process killed mid-write', () => {
  it('SIGKILL after staging appears leaves the output unchanged; the next build removes the stale staging folder', async () => {
    const site = await builtSite('sigkill');
    // A big seeds folder, so the write takes long enough to be caught in the middle.
    const files: Record<string, string> = {};
    for (let f = 0; f < 600; f++) {
      const articles: string[] = [];
      for (let j = 0; j < 10; j++) {
        const i = f * 10 + j;
        articles.push(article(`Generated Story Number ${i} On Harbour Works`, [`Story ${i}: workers on the harbour began repairs on Monday, officials said.`, `Repairs to pier ${i} take ${(i % 12) + 1} weeks.`], `Workers repair pier ${i}. (AFP)`));
      }
      files[`gen-${String(f).padStart(4, '0')}.txt`] = seedText(...articles);
    }
    const seedsDir = writeSeeds(path.join(site.root, 'big-seeds'), files);

    const { command, args } = cliCommand(['build', '--seeds', seedsDir, '--out', site.out, '--no-search', '--quiet', '--config', emptyConfig()]);
    const child = spawn(command, args, { cwd: repoRoot, env: childEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    const stagingDir = path.join(site.root, `.site.staging-${child.pid}`);

    let killedMidWrite = false;
    let done = false;
    void exited.then(() => (done = true));
    while (!done) {
      const articles = path.join(stagingDir, 'articles');
      if (existsSync(articles) && readdirSync(articles).length >= 100) {
        child.kill('SIGKILL');
        killedMidWrite = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    const result = await exited;
    expect(killedMidWrite, `the build finished before it could be killed: ${stderr}`).toBe(true);
    expect(result.signal).toBe('SIGKILL');
    expect(existsSync(stagingDir)).toBe(true); // it really was killed mid-write
    expect(treeDigest(site.out)).toBe(site.digest);

    await buildSite({ seedsDir: sampleSeedsDir, outDir: site.out, search: false });
    expect(staging(site.root)).toEqual([]);
    expect(treeDigest(site.out)).toBe(site.digest);
  });
});
