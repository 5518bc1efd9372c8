/**
 * Issue 8 item 7: a cache and output folder saved by one CI run and restored by the next, on
 * another runner at another absolute path with every seed's mtime changed, still give output
 * identical to a clean build, and (once the build reports cache counts) still hit.
 * Runs bench/ci-persistence.sh, which drives the CLI as a child process, then checks its work.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBuildStats, type BuildStats } from '../../bench/harness/read-build-stats.js';
import { childEnv } from '../safety/run-cli.js';
import { hashTree } from '../safety/seed-folders.js';

const root = new URL('../../', import.meta.url).pathname;
const tsx = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const work = mkdtempSync(path.join(tmpdir(), 'dateline-ci-'));
const runnerA = path.join(work, 'runner-a/work/site/site');
const runnerB = path.join(work, 'elsewhere/runner-b/_work/co');
let script: { code: number | null; stdout: string; stderr: string };

const stats = (step: string): BuildStats => readBuildStats(readFileSync(path.join(work, 'logs', `${step}.out`), 'utf8'));

beforeAll(async () => {
  script = await new Promise((resolve, reject) => {
    execFile(
      'bash',
      [path.join(root, 'bench/ci-persistence.sh'), '200'],
      { cwd: root, env: childEnv({ DATELINE: `${process.execPath} --import ${tsx} ${path.join(root, 'src/cli.ts')}`, WORK: work, KEEP: '1', NODE_NO_WARNINGS: '1' }), maxBuffer: 1 << 24 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}, 600_000);
// Removing the checkouts, caches and outputs of three runs takes seconds on a busy machine.
afterAll(() => rmSync(work, { recursive: true, force: true }), 60_000);

describe('CI persistence: cache and output restored on another runner', () => {
  it('the simulation ran to the end and found both results identical', () => {
    expect(script.stderr).not.toMatch(/failed|DIFFERS/);
    expect(script.code).toBe(0);
    expect(script.stdout).toMatch(/restored: identical to a clean build/);
    expect(script.stdout).toMatch(/new-seed: identical to a clean build/);
  });

  it('checkout B really is another path with every seed mtime changed', () => {
    const seeds = readdirSync(path.join(runnerB, 'seeds')).filter((f) => f !== 'zz-ci-new-seed.txt');
    expect(seeds.length).toBeGreaterThan(50);
    for (const f of seeds) {
      expect(statSync(path.join(runnerB, 'seeds', f)).mtimeMs).not.toBe(statSync(path.join(runnerA, 'seeds', f)).mtimeMs);
      expect(readFileSync(path.join(runnerB, 'seeds', f)).equals(readFileSync(path.join(runnerA, 'seeds', f)))).toBe(true);
    }
  });

  it('a restored run with nothing changed equals a clean build byte for byte, search included', () => {
    const restored = hashTree(path.join(work, 'restored-public'));
    expect(restored.has('index.html')).toBe(true);
    expect([...restored.keys()].some((p) => p.startsWith('pagefind/'))).toBe(true);
    expect(restored).toEqual(hashTree(path.join(work, 'clean/public')));
  });

  it('a restored run with one new seed equals a clean build of the new seeds byte for byte', () => {
    const after = hashTree(path.join(runnerB, 'public'));
    expect(after).toEqual(hashTree(path.join(work, 'clean-new-seed/public')));
    expect(after).not.toEqual(hashTree(path.join(work, 'restored-public')));
  });

  it('the restored run wrote nothing, and the new seed rewrote only part of the site', () => {
    const restored = stats('restored');
    expect(restored.articles).toBe(200);
    expect(restored.written).toBe(0);
    const added = stats('new-seed');
    expect(added.articles).toBeGreaterThan(200);
    expect(added.written).toBeGreaterThan(0);
    expect(added.written!).toBeLessThan(added.files!);
  });

  // Checked only once the build reports cache counts (`--json` with `cache: {hits, misses}`,
  // issue 8's incremental engine); until then the byte-identity tests above carry the proof.
  it('the restored cache hits: no absolute path or mtime in its keys', () => {
    const restored = stats('restored');
    const added = stats('new-seed');
    if (restored.cache === null || added.cache === null) {
      expect(stats('cold').cache).toBeNull(); // no engine reports counts yet: nothing more to check
      return;
    }
    expect(readFileSync(path.join(work, 'actions-cache.tar')).includes('.dateline-cache/')).toBe(true);
    expect(existsSync(path.join(runnerB, '.dateline-cache'))).toBe(true);
    expect(restored.cache.hits).toBeGreaterThan(0);
    expect(restored.cache.misses).toBe(0);
    expect(added.cache.hits).toBeGreaterThan(0);
    expect(added.cache.misses).toBeGreaterThan(0);
  });
});
