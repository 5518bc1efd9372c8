import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dateline, root } from './run-dateline.js';

const work = mkdtempSync(path.join(tmpdir(), 'dateline-output-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function project(name: string): string {
  const dir = path.join(work, name);
  cpSync(path.join(root, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  return dir;
}

interface JsonResult {
  report: { files: number; articles: number; errors: number };
  problems: unknown[];
  stats: { written: number; unchanged: number };
  cache: { enabled: boolean; hits: number; misses: number };
  stages: Record<string, number>;
  total_ms: number;
}

describe('dateline build output', () => {
  it('--json prints one JSON object on stdout whose disjoint stage times add up to the total', async () => {
    const dir = project('json');
    for (const round of ['cold', 'warm']) {
      const r = await dateline(['build', '--json'], dir);
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout) as JsonResult;
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
      expect(json.report).toMatchObject({ files: 2, articles: 4, errors: 0 });
      expect(json.problems).toEqual([]);
      expect(json.cache.enabled).toBe(true);
      const names = Object.keys(json.stages);
      if (round === 'cold') {
        expect(names).toEqual(expect.arrayContaining(['parse', 'enrich', 'render', 'index search', 'write']));
        // Rendering is not counted again inside writing: no combined stage.
        expect(names.filter((n) => n.includes('and'))).toEqual([]);
      }
      const sum = Object.values(json.stages).reduce((a, b) => a + b, 0);
      // Each figure is rounded to a whole millisecond: the sum may be off by half a ms per stage.
      expect(Math.abs(sum - json.total_ms)).toBeLessThanOrEqual(names.length / 2 + 1);
    }
  });

  it('in CI or a pipe: plain lines, no carriage-return animation or colour, a summary and the next step', async () => {
    const dir = project('plain');
    const r = await dateline(['build', '--no-search'], dir, { CI: 'true' });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(/[\r\u001b]/);
    expect(r.stdout).toMatch(/^✓ parse \d+ ms$/m);
    expect(r.stdout).toMatch(/^done in \d+\.\d s: 4 articles, 0 duplicates merged, 0 errors, 0 warnings, \d+ files written, 0 unchanged$/m);
    expect(r.stdout).toMatch(/^next: open dist\/index\.html, or run dateline serve/m);
    const quiet = await dateline(['build', '--no-search', '--quiet'], dir);
    expect(quiet.stdout).toBe('');
  });

  it('warns exactly once per build without a site URL, naming --site-url and the config file; not with one', async () => {
    const dir = project('site-url');
    const warning = /^warning: no site URL: the feeds carry relative links, and there is no sitemap\.xml and no canonical URL; give the URL .* with --site-url https:\/\/… or "siteUrl" in dateline\.config\.json$/gm;
    const cold = await dateline(['build', '--no-search'], dir, { CI: 'true' });
    expect(cold.code, cold.stderr).toBe(0);
    expect(cold.stderr.match(warning)).toHaveLength(1);
    // An unchanged rebuild (answered from the cache) warns too, once.
    const json = await dateline(['build', '--no-search', '--json'], dir);
    const warnings = (JSON.parse(json.stdout) as { warnings: string[] }).warnings;
    expect(warnings.filter((w) => w.startsWith('no site URL'))).toHaveLength(1);
    const withUrl = await dateline(['build', '--no-search', '--site-url', 'https://news.example/'], dir, { CI: 'true' });
    expect(withUrl.code, withUrl.stderr).toBe(0);
    expect(withUrl.stderr).not.toMatch(/site URL/);
  });

  it('on a terminal: colour and a progress bar for a long stage', (ctx) => {
    const script = spawnSync('script', ['--version']);
    if (script.error) {
      ctx.skip();
      return;
    }
    const dir = project('tty');
    const tsx = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;
    const command = [process.execPath, '--import', tsx, path.join(root, 'src/cli.ts'), 'build', '--no-search'].map((a) => `'${a}'`).join(' ');
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_NO_WARNINGS: '1', FORCE_COLOR: '1', DATELINE_PROGRESS_DELAY_MS: '0' };
    delete env.CI;
    delete env.GITHUB_ACTIONS;
    // `script` runs the build on a pseudo-terminal, as a person would see it.
    const out = execFileSync('script', ['-qec', command, '/dev/null'], { cwd: dir, env, encoding: 'utf8' });
    expect(out).toMatch(/\u001b\[32m✓\u001b\[39m parse \d+ ms/);
    // With no delay before a bar, the enrich stage draws one however fast the machine is.
    expect(out).toMatch(/enrich .*articles enriched/);
    expect(existsSync(path.join(dir, 'dist/index.html'))).toBe(true);
  }, 60_000);
});
