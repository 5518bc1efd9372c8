import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultConfig } from '../config.js';
import type { Command } from './command.js';
import { UsageError } from './usage-error.js';

const usage = `Usage: dateline init [DIR]

Scaffolds a new archive repository in DIR (default: the current folder): seeds/ with two
sample seeds, dateline.config.json with every option at its default, package.json, .gitignore,
a GitHub Actions workflow that checks, builds and deploys to GitHub Pages, and a README.
It never overwrites a file: if any of them exists it writes nothing and exits 2.

Options:
  -h, --help   show this help

Examples:
  dateline init my-archive && cd my-archive && npm install && npx dateline serve
  mkdir news && cd news && npx dateline init
`;

/** The package's own folder (lib/cli/ → package root). */
const packageRoot = new URL('../../', import.meta.url).pathname;

/** The files `init` writes: path in DIR → contents. */
function scaffold(dir: string): Map<string, string | Buffer> {
  const pkg = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  const files = new Map<string, string | Buffer>();
  const seeds = path.join(packageRoot, 'seeds');
  for (const name of readdirSync(seeds).filter((n) => /\.(txt|md)$/i.test(n)).sort()) files.set(`seeds/${name}`, readFileSync(path.join(seeds, name)));
  const config = { $schema: `./node_modules/${pkg.name}/schema/dateline.config.schema.json`, ...defaultConfig };
  files.set('dateline.config.json', `${JSON.stringify(config, null, 2)}\n`);
  const name = path.basename(path.resolve(dir)).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '') || 'news-archive';
  files.set('package.json', `${JSON.stringify({
    name, private: true, type: 'module',
    scripts: { build: 'dateline build', serve: 'dateline serve', check: 'dateline check' },
    dependencies: { [pkg.name]: `^${pkg.version}` },
  }, null, 2)}\n`);
  files.set('.gitignore', readFileSync(path.join(packageRoot, 'scaffold/gitignore')));
  files.set('.github/workflows/dateline.yml', readFileSync(path.join(packageRoot, 'scaffold/dateline.yml')));
  files.set('README.md', readFileSync(path.join(packageRoot, 'scaffold/README.md')));
  return files;
}

/** `dateline init [DIR]`: writes a new archive repository, refusing to overwrite anything. */
export const initCommand: Command = {
  name: 'init',
  summary: 'scaffold a new archive repository',
  usage,
  async run(argv) {
    let parsed;
    try {
      parsed = parseArgs({ args: [...argv], options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error), 'see dateline init --help');
    }
    if (parsed.values.help) {
      process.stdout.write(usage);
      return 0;
    }
    if (parsed.positionals.length > 1) throw new UsageError(`init takes one folder, not ${parsed.positionals.length}`, 'dateline init [DIR]');
    const dir = parsed.positionals[0] ?? '.';
    const files = scaffold(dir);
    const existing = [...files.keys()].filter((f) => existsSync(path.join(dir, f)));
    if (existing.length > 0) {
      throw new UsageError(`refusing to overwrite ${existing.map((f) => path.join(dir, f)).join(', ')}`, 'run dateline init in an empty folder, or move those files away first');
    }
    for (const [file, contents] of files) {
      const target = path.join(dir, file);
      mkdirSync(path.dirname(target), { recursive: true });
      // 'wx' fails if the file appeared since the check: still never an overwrite.
      writeFileSync(target, contents, { flag: 'wx' });
    }
    process.stdout.write(`wrote a new archive in ${dir}/: ${[...files.keys()].join(', ')}\n\nNext:\n${dir === '.' ? '' : `  cd ${dir}\n`}  npm install\n  npx dateline serve\n`);
    return 0;
  },
};
