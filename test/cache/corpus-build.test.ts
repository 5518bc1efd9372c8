/**
 * A generated corpus, built and then grown by one seed, in CI (issue: scale). The 10,000-article
 * version runs with DATELINE_SLOW=1; 1,500 articles prove the same properties here: every
 * distinct story becomes exactly one article, a rebuild with nothing changed writes nothing, and
 * one new seed file rewrites only the pages whose content changes, with the result equal to a
 * clean build of the same seeds, search included.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';

const repo = new URL('../../', import.meta.url).pathname;
const articles = process.env.DATELINE_SLOW ? 10_000 : 1_500;
const work = mkdtempSync(path.join(tmpdir(), 'dateline-corpus-'));
// Removing two builds of the corpus, their caches and the seeds takes seconds on a busy machine.
afterAll(() => rmSync(work, { recursive: true, force: true }), 60_000);

function generate(n: number, seed: number, out: string): string[] {
  execFileSync(process.execPath, [path.join(repo, 'bench/gen-corpus.mjs'), '--articles', String(n), '--out', out, '--seed', String(seed)], { stdio: 'ignore' });
  return readFileSync(path.join(out, 'truth.tsv'), 'utf8').trim().split('\n').slice(1);
}

function digest(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(path.relative(dir, path.join(e.parentPath, e.name)), createHash('sha256').update(readFileSync(path.join(e.parentPath, e.name))).digest('hex'));
  }
  return out;
}

describe(`a generated corpus of ${articles} articles`, () => {
  it('builds every story once, rebuilds nothing when nothing changed, and grows by one seed like a clean build', async () => {
    const truth = generate(articles, 42, path.join(work, 'corpus'));
    const seeds = path.join(work, 'corpus/seeds');
    const common = { seedsDir: seeds, siteUrl: 'https://news.example/', search: true };
    const cached = { ...common, outDir: path.join(work, 'out'), cacheDir: path.join(work, 'cache') };

    const cold = await buildSite(cached);
    expect(cold.report.articles).toBe(truth.length);
    expect(cold.report.quarantined).toBe(0);

    const again = await buildSite(cached);
    expect(again.cache.upToDate).toBe(true);
    expect(again.stats.written).toBe(0);

    const extra = path.join(work, 'extra');
    generate(3, 7, extra);
    const newSeed = readdirSync(path.join(extra, 'seeds'))[0]!;
    cpSync(path.join(extra, 'seeds', newSeed), path.join(seeds, `zz-${newSeed}`));
    const grown = await buildSite(cached);
    expect(grown.report.articles).toBe(truth.length + readFileSync(path.join(extra, 'truth.tsv'), 'utf8').trim().split('\n').length - 1);
    // Only what the new stories touch: their pages, their neighbours', the lists and feeds they
    // join, the search bundles of their years (three stories: at most three of the bundles).
    expect(grown.stats.written).toBeLessThan(cold.stats.written / 5);
    expect(grown.cache.search.indexed).toBeGreaterThan(0);
    expect(grown.cache.search.indexed).toBeLessThanOrEqual(3);
    expect(grown.cache.search.kept).toBeGreaterThan(grown.cache.search.indexed);
    expect(grown.cache.parse.misses).toBe(1);

    const clean = path.join(work, 'clean');
    await buildSite({ ...common, outDir: clean, cache: false });
    const a = digest(cached.outDir);
    const b = digest(clean);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [file, hash] of b) expect(a.get(file), file).toBe(hash);
  }, 900_000);
});
