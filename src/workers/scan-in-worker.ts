import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { joinScans, manifestName, scanOutput, type OutputScan, type ScanShare, type ShareScan } from '../output/output-manifest.js';
import { isSafeOutputPath } from '../stages/write-site.js';
import { runWorker } from './start-worker.js';

/** A manifest past this size (about 2,500 files) is scanned by two threads: below it, starting one costs more than it saves. */
const workerMinManifestBytes = 256 * 1024;

/**
 * The worker thread looks at three files in four, the build thread at the fourth: the worker
 * starts first, and the build thread's share also reads the manifest and digests it.
 */
const ownShare: ScanShare = { of: 4, parts: [0] };
const workerShare: ScanShare = { of: 4, parts: [1, 2, 3] };

/**
 * Starts scanning `outDir` (see `scanOutput`, with `isSafeOutputPath`) and returns the function
 * that finishes the scan. A large output is shared: a worker thread starts at once on three
 * files in four, and the build thread looks at the others when it asks for the scan, after its
 * own start (opening its cache, listing its seeds); each reads the manifest. The worker's
 * start costs about as much as the build thread's own, so neither waits long for the other.
 * A worker that fails, or a manifest changed between the two reads, costs a scan here; the
 * result is always what `scanOutput` finds.
 */
export function scanOutputSoon(outDir: string): () => Promise<OutputScan> {
  const out = path.resolve(outDir);
  // The worker's share, when the output is large enough; an object, so the pending result is not awaited with it.
  const helper = (async (): Promise<{ readonly share: Promise<ShareScan | null> } | null> => {
    const size = (await stat(path.join(out, manifestName)).catch(() => null))?.size ?? 0;
    if (size < workerMinManifestBytes || availableParallelism() < 2) return null;
    return { share: scanShareInWorker(out, workerShare).catch(() => null) };
  })();
  helper.catch(() => undefined);
  return async () => {
    const started = await helper.catch(() => null);
    if (started === null) return scanOutput(out, isSafeOutputPath);
    const scan = await scanOutput(out, isSafeOutputPath, ownShare);
    const other = await started.share;
    return other !== null && joinScans(scan, other, workerShare) ? scan : scanOutput(out, isSafeOutputPath);
  };
}

/** `scanShare(outDir, isSafeOutputPath, share)` in a worker thread. */
export function scanShareInWorker(outDir: string, share: ScanShare): Promise<ShareScan> {
  return runWorker<ShareScan>(import.meta.url, 'scan-worker', { outDir: path.resolve(outDir), share });
}
