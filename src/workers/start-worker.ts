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

/**
 * Runs the one-shot worker `name` (beside `hereUrl`) on `data` and resolves with the one message
 * it sends back; rejects if it fails or stops without answering. The caller goes on with its
 * own share of the work meanwhile: the two cores work at once.
 */
export function runWorker<T>(hereUrl: string, name: string, data: unknown, transferList: WorkerOptions['transferList'] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(hereUrl, name, { workerData: data, transferList });
    let answered = false;
    worker.once('message', (reply: T) => {
      answered = true;
      resolve(reply);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the ${name} thread stopped (exit code ${code}) before it answered`));
    });
  });
}
