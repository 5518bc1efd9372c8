import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { manifestName, scanOutput, type OutputScan } from '../output/output-manifest.js';
import { isSafeOutputPath } from '../stages/write-site.js';
import { runWorker } from './start-worker.js';

/** A manifest past this size (about 2,500 files) is scanned in a worker thread: below it, starting one costs more than it saves. */
const workerMinManifestBytes = 256 * 1024;

/**
 * Starts scanning `outDir` (see `scanOutput`, with `isSafeOutputPath`) and returns at once: a
 * large output is scanned in a worker thread, so the build goes on with its own start meanwhile.
 * The promise never rejects before it is awaited: a failed worker falls back to scanning here.
 */
export function scanOutputSoon(outDir: string): Promise<OutputScan> {
  const out = path.resolve(outDir);
  const scanned = (async () => {
    const size = (await stat(path.join(out, manifestName)).catch(() => null))?.size ?? 0;
    if (size < workerMinManifestBytes || availableParallelism() < 2) return scanOutput(out, isSafeOutputPath);
    return scanOutputInWorker(out).catch(() => scanOutput(out, isSafeOutputPath));
  })();
  scanned.catch(() => undefined);
  return scanned;
}

/** `scanOutput(outDir, isSafeOutputPath)` in a worker thread. */
export function scanOutputInWorker(outDir: string): Promise<OutputScan> {
  return runWorker<OutputScan>(import.meta.url, 'scan-worker', path.resolve(outDir));
}
