import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { readBuildStats } from '../../bench/harness/read-build-stats.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const tsx = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const work = mkdtempSync(path.join(tmpdir(), 'dateline-bench-stats-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** stdout of `dateline <args>` (src/cli.ts through tsx), run in the scratch folder. */
async function dateline(args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', tsx, path.join(root, 'src/cli.ts'), ...args], { cwd: work, env: { ...process.env, NODE_NO_WARNINGS: '1' } });
  return stdout;
}

const countFiles = (dir: string): number => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;

describe('readBuildStats', () => {
  it("reads the CLI's summary line: articles, files, written and unchanged, cold and unchanged", async () => {
    const out = path.join(work, 'summary');
    const args = ['build', '--seeds', path.join(root, 'seeds'), '--out', out, '--no-search'];
    const cold = readBuildStats(await dateline(args));
    const articles = (JSON.parse(readFileSync(path.join(out, 'data/articles.json'), 'utf8')) as { articles: unknown[] }).articles.length;
    expect(cold.source).toBe('summary');
    expect(cold.articles).toBe(articles);
    expect(cold.files).toBe(countFiles(out) - 1); // the manifest is not one of the site's files
    expect(cold.written).toBe(cold.files);
    expect(cold.unchanged).toBe(0);
    expect(cold.stages.get('parse')).toBeGreaterThanOrEqual(0);
    const again = readBuildStats(await dateline(args));
    expect(again.written).toBe(0);
    expect(again.unchanged).toBe(cold.files);
  });

  it('reads a --json object after stage lines, and a pretty-printed one', () => {
    const object = { report: { files: 2, articles: 4 }, fileCount: 30, stats: { written: 3, unchanged: 27, bytesWritten: 4096 }, cache: { hits: 12, misses: 1 } };
    for (const stdout of [`✓ parse 12 ms\n✓ render 40 ms\n${JSON.stringify(object)}\n`, JSON.stringify(object, null, 2)]) {
      const stats = readBuildStats(stdout);
      expect(stats).toMatchObject({ source: 'json', articles: 4, files: 30, written: 3, unchanged: 27, bytesWritten: 4096, cache: { hits: 12, misses: 1 } });
    }
    expect(readBuildStats(`✓ parse 12 ms\n${JSON.stringify(object)}`).stages.get('parse')).toBe(12);
  });

  it('takes files as written + unchanged, and no cache or bytes, when the JSON does not give them', () => {
    const stats = readBuildStats(JSON.stringify({ report: { articles: 9 }, stats: { written: 1, unchanged: 5 } }));
    expect(stats).toMatchObject({ articles: 9, files: 6, bytesWritten: null, cache: null });
  });

  it('throws a TypeError naming the call on output it cannot read', () => {
    expect(() => readBuildStats('Usage: dateline build [options]\n')).toThrow(/^readBuildStats: /);
  });

  it('reads the real --json output, once the CLI has the flag, with the figures of the summary line', async () => {
    const help = await dateline(['--help']);
    if (!/\s--json\b/.test(help)) return; // the flag is another change's: until it lands there is nothing to read
    const args = ['build', '--seeds', path.join(root, 'seeds'), '--no-search'];
    const text = readBuildStats(await dateline([...args, '--out', path.join(work, 'text')]));
    const json = readBuildStats(await dateline([...args, '--out', path.join(work, 'json'), '--json']));
    expect(json.source).toBe('json');
    expect({ articles: json.articles, files: json.files, written: json.written }).toEqual({ articles: text.articles, files: text.files, written: text.written });
  });
});
