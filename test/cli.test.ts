import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const cli = path.join(root, 'src/cli.ts');
// tsx by path, so the CLI also runs from another working folder.
const tsx = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const work = mkdtempSync(path.join(tmpdir(), 'dateline-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function dateline(args: string[], cwd = root): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', tsx, cli, ...args], { cwd, env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('dateline CLI', () => {
  it('prints help and exits 0', async () => {
    const r = await dateline(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--seeds DIR/);
  });

  it('starts without loading the build: --help imports no build stage', async () => {
    const { stderr } = await run(process.execPath, ['--import', tsx, cli, '--help'], { cwd: root, env: { ...process.env, NODE_NO_WARNINGS: '1', NODE_DEBUG: 'esm' } });
    // NODE_DEBUG=esm logs every module node loads: the CLI itself, but not build.ts or a stage.
    expect(stderr).toMatch(/src\/cli\.ts/);
    expect(stderr).not.toMatch(/src\/build\.ts|src\/stages\//);
  });

  it('npm run build compiles only when a source is newer than lib/, and nothing is an install script', () => {
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.build).toBe('node scripts/compile-if-stale.mjs && node lib/cli.js build');
    for (const hook of ['prebuild', 'prepare', 'preinstall', 'install', 'postinstall']) expect(scripts[hook], hook).toBeUndefined();
    const compile = (): void => {
      execFileSync(process.execPath, [path.join(root, 'scripts/compile-if-stale.mjs')], { cwd: root, stdio: 'ignore' });
    };
    compile(); // brings lib/ up to date if a source changed since the last compile
    const built = statSync(path.join(root, 'lib/cli.js')).mtimeMs;
    compile(); // nothing newer now: no compile, lib/ untouched
    expect(statSync(path.join(root, 'lib/cli.js')).mtimeMs).toBe(built);
    // The bundling script is a source of lib/ too: a newer one alone makes lib/ anew.
    const later = new Date(built + 1000);
    utimesSync(path.join(root, 'scripts/bundle.mjs'), later, later);
    compile();
    expect(statSync(path.join(root, 'lib/cli.js')).mtimeMs).toBeGreaterThan(built);
  }, 180_000);

  it('exits 2 on an unknown command', async () => {
    expect((await dateline(['frobnicate'])).code).toBe(2);
  });

  it('exits 1 with a hint when the seeds folder is missing', async () => {
    const r = await dateline(['build', '--seeds', path.join(work, 'nope'), '--out', path.join(work, 'o')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: seeds folder .* does not exist/);
    expect(r.stderr).toMatch(/hint: /);
  });

  it('builds --seeds DIR into --out DIR, reporting each stage', async () => {
    const out = path.join(work, 'site');
    const r = await dateline(['build', '--seeds', path.join(root, 'seeds'), '--out', out, '--no-search']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ parse \d+ ms/);
    expect(r.stdout).toMatch(/2 seed files → 4 articles/);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'sitemap.xml'))).toBe(false);
  });

  it('takes the site URL from a config file, and the flag over the file', async () => {
    const out = path.join(work, 'configured');
    const config = path.join(work, 'dateline.config.json');
    writeFileSync(config, JSON.stringify({ siteUrl: 'https://news.example/archive', title: 'Example Archive' }));
    const r = await dateline(['build', '--config', config, '--seeds', path.join(root, 'seeds'), '--out', out, '--no-search']);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(out, 'sitemap.xml'), 'utf8')).toContain('<loc>https://news.example/archive/articles/');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('<title>Example Archive</title>');
    await dateline(['build', '--config', config, '--site-url', 'https://other.example/', '--seeds', path.join(root, 'seeds'), '--out', out, '--no-search']);
    expect(readFileSync(path.join(out, 'robots.txt'), 'utf8')).toContain('Sitemap: https://other.example/sitemap.xml');
  });
});

describe('dateline CLI option errors', () => {
  it('names a malformed config file, and rejects unknown keys and impossible values with a hint (exit 2: a config error)', async () => {
    const bad = path.join(work, 'bad.json');
    writeFileSync(bad, '{ not json');
    let r = await dateline(['build', '--config', bad, '--out', path.join(work, 'o1')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: config file .*bad\.json is not valid/);
    writeFileSync(bad, JSON.stringify({ pagesize: 10 }));
    r = await dateline(['build', '--config', bad, '--out', path.join(work, 'o2')]);
    expect(r.stderr).toMatch(/unknown option "pagesize"/);
    writeFileSync(bad, JSON.stringify({ siteUrl: 'https://x.example/', pageSize: 0 }));
    r = await dateline(['build', '--config', bad, '--out', path.join(work, 'o3')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pageSize must be a positive whole number/);
    expect(r.stderr).toMatch(/hint: /);
  });

  it('refuses --out . next to the seeds, and leaves them in place', async () => {
    const project = path.join(work, 'proj');
    cpSync(path.join(root, 'seeds'), path.join(project, 'seeds'), { recursive: true });
    const r = await dateline(['build', '--seeds', 'seeds', '--out', '.', '--no-search'], project);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to write the archive/);
    expect(existsSync(path.join(project, 'seeds', '000_67fd7bee9bb774d1.txt'))).toBe(true);
  });
});
