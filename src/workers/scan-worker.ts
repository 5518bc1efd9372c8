/**
 * The worker thread that scans a large output folder (its manifest and a `lstat` per file) while
 * the build thread opens its cache and lists its seeds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scanOutput } from '../output/output-manifest.js';
import { isSafeOutputPath } from '../stages/write-site.js';

const scan = await scanOutput(workerData as string, isSafeOutputPath);
parentPort!.postMessage(scan, [scan.stats.buffer as ArrayBuffer]);
