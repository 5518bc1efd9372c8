import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(path.join(tmpdir(), 'dateline-package-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** An environment for npm in a child: none of the test runner's npm settings or CI flags. */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'NODE_OPTIONS' && k !== 'CI') env[k] = v;
  return { ...env, NODE_NO_WARNINGS: '1' };
}

describe('the packed package, installed in a fresh project', () => {
  it('packs lib, templates, data, sample seeds, schema and scaffold, and no tests or sources', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json'], { cwd: root, env: npmEnv(), maxBuffer: 1 << 24 });
    const files = (JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['lib/cli.js', 'lib/build.js', 'templates/layout.eta', 'templates/assets/style.css', 'data/taxonomy.json', 'schema/dateline.config.schema.json', 'scaffold/dateline.yml', 'README.md', 'package.json']));
    expect(files.some((f) => f.startsWith('seeds/') && f.endsWith('.txt'))).toBe(true);
    expect(files.filter((f) => /^(test|src|bench|scripts|docs)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts'))).toEqual([]);
  });

  it('npm install <tarball>, then npx dateline build builds its seeds with its config and its template overrides', async () => {
    const packed = path.join(work, 'packed');
    mkdirSync(packed);
    // npm pack runs prepare (the compile), so the tarball holds the current lib/.
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', packed], { cwd: root, env: npmEnv(), maxBuffer: 1 << 24 });
    const tarball = path.join(packed, (JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string }>)[0]!.filename);

    const project = path.join(work, 'my-archive');
    mkdirSync(path.join(project, 'templates/assets'), { recursive: true });
    cpSync(path.join(root, 'seeds'), path.join(project, 'seeds'), { recursive: true });
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'my-archive', private: true }));
    writeFileSync(path.join(project, 'dateline.config.json'), JSON.stringify({ title: 'The Zebra Gazette Archive', pageSize: 10 }));
    // Overrides: the layout (with a marker) and the stylesheet; every other template stays built-in.
    const layout = readFileSync(path.join(root, 'templates/layout.eta'), 'utf8');
    expect(layout).toContain('</body>');
    writeFileSync(path.join(project, 'templates/layout.eta'), layout.replace('</body>', '<p id="own-layout">my own layout</p></body>'));
    writeFileSync(path.join(project, 'templates/assets/style.css'), 'body { background: papayawhip; }\n');

    const install = await run('npm', ['install', tarball, '--no-audit', '--no-fund'], { cwd: project, env: npmEnv(), maxBuffer: 1 << 24 });
    // Nothing users install has an install script (npm 11 lists those): dateline compiles at
    // `prepack` and, in a clone, when `npm run build` finds a source newer than lib/.
    const flagged = [...install.stderr.matchAll(/^npm warn install-scripts {3}(\S+)@/gm)].map((m) => m[1]);
    expect(flagged).toEqual([]);
    const built = await run('npx', ['--no-install', 'dateline', 'build'], { cwd: project, env: npmEnv(), maxBuffer: 1 << 24 });
    expect(built.stdout).toMatch(/2 seed files → 4 articles/);
    const home = readFileSync(path.join(project, 'dist/index.html'), 'utf8');
    expect(home).toContain('<title>The Zebra Gazette Archive</title>');
    expect(home).toContain('<p id="own-layout">my own layout</p>');
    expect(readFileSync(path.join(project, 'dist/assets/style.css'), 'utf8')).toBe('body { background: papayawhip; }\n');
    expect(existsSync(path.join(project, 'dist/pagefind'))).toBe(true);
    // Changing an override is a change of the templates: the cached rebuild renders again.
    writeFileSync(path.join(project, 'templates/layout.eta'), layout.replace('</body>', '<p id="own-layout">second version</p></body>'));
    await run('npx', ['--no-install', 'dateline', 'build', '--no-search'], { cwd: project, env: npmEnv() });
    expect(readFileSync(path.join(project, 'dist/index.html'), 'utf8')).toContain('second version');
    const version = await run('npx', ['--no-install', 'dateline', '--version'], { cwd: project, env: npmEnv() });
    expect(version.stdout).toMatch(/^dateline \d+\.\d+\.\d+\n$/);
  }, 600_000);
});
