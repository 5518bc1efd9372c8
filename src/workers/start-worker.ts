import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker thread whose module is `name` (without extension) beside the module at
 * `hereUrl`. Compiled code runs its `.js` file; under the test runner the source is TypeScript,
 * which the worker loads through tsx.
 */
export function startWorker(hereUrl: string, name: string, options: WorkerOptions): Worker {
  const here = fileURLToPath(hereUrl);
  const compiled = path.join(path.dirname(here), `${name}.js`);
  if (here.endsWith('.js') && existsSync(compiled)) return new Worker(compiled, options);
  const tsx = path.join(path.dirname(createRequire(hereUrl).resolve('tsx/package.json')), 'dist/esm/api/index.mjs');
  const entry = pathToFileURL(path.join(path.dirname(here), `${name}.ts`)).href;
  const load = `import(${JSON.stringify(pathToFileURL(tsx).href)}).then((m) => m.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(load, { ...options, eval: true });
}
