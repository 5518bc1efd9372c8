import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { dateline, root } from './run-dateline.js';

const work = mkdtempSync(path.join(tmpdir(), 'dateline-init-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('dateline init', () => {
  it('scaffolds seeds, config with every default, package.json, .gitignore, workflow and README; the result checks and builds', async () => {
    const r = await dateline(['init', 'news'], work);
    expect(r.code).toBe(0);
    const dir = path.join(work, 'news');
    expect(readdirSync(path.join(dir, 'seeds')).sort()).toEqual(readdirSync(path.join(root, 'seeds')).sort());
    const config = JSON.parse(readFileSync(path.join(dir, 'dateline.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.$schema).toMatch(/schema\/dateline\.config\.schema\.json$/);
    const { $schema: _, ...options } = config;
    expect(options).toEqual(defaultConfig);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string> };
    expect(pkg.name).toBe('news');
    expect(Object.keys(pkg.dependencies)).toEqual(['dateline']);
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['dist/', '.dateline-cache/', 'node_modules/']));
    expect(readFileSync(path.join(dir, '.github/workflows/dateline.yml'), 'utf8')).toContain('npx dateline check --format github');
    expect(existsSync(path.join(dir, 'README.md'))).toBe(true);
    // The written config is one the CLI takes as it is ($schema and all).
    expect((await dateline(['check'], dir)).code).toBe(0);
    const built = await dateline(['build', '--no-search', '--quiet'], dir);
    expect(built.code).toBe(0);
    expect(existsSync(path.join(dir, 'dist/index.html'))).toBe(true);
  });

  it('refuses to overwrite an existing file, naming it, and writes nothing', async () => {
    const dir = path.join(work, 'taken');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'README.md'), 'mine\n');
    const r = await dateline(['init'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to overwrite .*README\.md/);
    expect(readdirSync(dir)).toEqual(['README.md']);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('mine\n');
  });

  it("ships the same workflow this repository runs", () => {
    expect(readFileSync(path.join(root, 'scaffold/dateline.yml'), 'utf8')).toBe(readFileSync(path.join(root, '.github/workflows/dateline.yml'), 'utf8'));
  });
});

describe('dateline --help and --version', () => {
  it('prints each command\'s help with examples, and the version', async () => {
    const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
    for (const command of ['build', 'check', 'serve', 'init']) {
      const r = await dateline([command, '--help'], work);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toMatch(new RegExp(`^Usage: dateline ${command}`));
      expect(r.stdout, command).toMatch(/\nExamples:\n {2}dateline /);
      expect((await dateline([command, '--version'], work)).stdout).toBe(`dateline ${version}\n`);
    }
    const top = await dateline(['--help'], work);
    for (const command of ['build', 'check', 'serve', 'init']) expect(top.stdout).toMatch(new RegExp(`^ {2}${command} `, 'm'));
    expect((await dateline(['--version'], work)).stdout).toBe(`dateline ${version}\n`);
    expect((await dateline(['frob'], work)).code).toBe(2);
  });
});
