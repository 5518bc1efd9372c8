// Compiles src/ to lib/ (and bundles it) only when a source file is newer than lib/cli.js: a no-op costs one walk of src/.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const built = statSync(path.join(root, 'lib/cli.js'), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = path.join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
// The bundling script is a source of lib/ too: a change to it alone makes the bundles anew.
const sources = Math.max(newest(path.join(root, 'src')), ...['tsconfig.build.json', 'scripts/bundle.mjs'].map((f) => statSync(path.join(root, f)).mtimeMs));
if (sources > built) {
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  // Then the bundles the CLI and its threads run (see scripts/bundle.mjs); it writes lib/cli.js last.
  execFileSync(process.execPath, [path.join(root, 'scripts/bundle.mjs')], { stdio: 'inherit' });
}
