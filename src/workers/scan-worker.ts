/**
 * The worker thread that looks at its share of a large output folder's files (its manifest and
 * a `lstat` per file) while the build thread opens its cache and lists its seeds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scanShare, type ScanShare } from '../output/output-manifest.js';
import { isSafeOutputPath } from '../stages/write-site.js';

const { outDir, share } = workerData as { outDir: string; share: ScanShare };
const scan = await scanShare(outDir, isSafeOutputPath, share);
parentPort!.postMessage(scan, [scan.stats.buffer as ArrayBuffer]);
