import { availableParallelism } from 'node:os';
import { newStatClaims, readOutputManifest, scanOf, statClaimed, type OutputScan } from '../output/output-manifest.js';
import { isSafeOutputPath } from '../stages/write-site.js';
import { startWorker } from './start-worker.js';

/** A manifest of at least this many files (about 2,500) is scanned by two threads: below it, starting one costs more than it saves. */
const workerMinFiles = 2500;

/** How long the build thread waits on a share the worker took without progress before looking at it itself. */
const stallMs = 1000;

/** What the scan worker is given: the folder, the manifest's paths and the shared claims. */
export interface ScanWork {
  readonly out: string;
  readonly paths: readonly string[];
  readonly stats: Float64Array;
  readonly control: Int32Array;
  readonly run: number;
}

/**
 * Reads the manifest of `outDir` now, and starts looking at its files (see `scanOutput`, with
 * `isSafeOutputPath`); returns the function that finishes the scan. A large output is shared: a
 * worker thread starts at once on the manifest's paths, and the build thread joins in when it
 * asks for the scan, after its own start (opening its cache, listing its seeds). The two take
 * runs of paths from a shared counter, so neither waits on a fixed share of the other's: a slow
 * worker start (a busy machine) leaves more to the build thread, an early one more to the
 * worker. A worker that fails leaves its runs to the build thread; the result is always what
 * `scanOutput` finds.
 */
export function scanOutputSoon(outDir: string): () => Promise<OutputScan> {
  const read = readOutputManifest(outDir);
  const shared = read.paths.length >= workerMinFiles && availableParallelism() > 1;
  const claims = newStatClaims(read.paths.length);
  const worker = shared ? startScanWorker({ out: read.out, paths: read.paths, ...claims }) : null;
  return async () => {
    statClaimed(read.out, read.paths, isSafeOutputPath, claims, stallMs);
    void worker?.terminate();
    return scanOf(read, claims.stats);
  };
}

/** Starts the scan worker on `work`; its failure, even to start, only means the build thread does its runs. */
export function startScanWorker(work: ScanWork): { terminate(): Promise<number> } | null {
  try {
    const worker = startWorker(import.meta.url, 'scan-worker', { workerData: work });
    worker.on('error', () => undefined);
    return worker;
  } catch {
    return null;
  }
}
