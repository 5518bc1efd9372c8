/**
 * The worker thread that looks at the files of a large output folder (an `lstat` each) while
 * the build thread opens its cache and lists its seeds; the two share the paths run by run
 * through shared memory (see `statClaimed`), so it sends nothing back.
 */
import { workerData } from 'node:worker_threads';
import { statClaimed } from '../output/output-manifest.js';
import { isSafeOutputPath } from '../stages/write-site.js';
import type { ScanWork } from './scan-in-worker.js';

const { out, paths, stats, control, run } = workerData as ScanWork;
statClaimed(out, paths, isSafeOutputPath, { stats, control, run });
