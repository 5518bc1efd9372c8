import type { MergedArticle } from '../model/types.js';
import type { EnrichEntry } from '../cache/build-cache.js';
import { startWorker } from './start-worker.js';

/** What the enrichment worker is given: the taxonomy file (null: the built-in one) and the articles. */
export interface EnrichJob {
  readonly taxonomy: string | null;
  readonly articles: ReadonlyArray<MergedArticle & { readonly key: string }>;
}

/**
 * Enriches `articles` in a worker thread, resolving to one entry per article, in order. The
 * caller goes on with its own share meanwhile: the two cores work at once.
 */
export function enrichInWorker(job: EnrichJob): Promise<EnrichEntry[]> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, 'enrich-worker', { workerData: job });
    let answered = false;
    worker.once('message', (entries: EnrichEntry[]) => {
      answered = true;
      resolve(entries);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the enrichment worker stopped (exit code ${code}) before it answered`));
    });
  });
}
