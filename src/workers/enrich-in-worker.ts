import type { MergedArticle } from '../model/types.js';
import type { EnrichEntry } from '../cache/build-cache.js';
import { runWorker } from './start-worker.js';

/** What the enrichment worker is given: the taxonomy file (null: the built-in one) and the articles. */
export interface EnrichJob {
  readonly taxonomy: string | null;
  readonly articles: ReadonlyArray<MergedArticle & { readonly key: string }>;
}

/** Enriches `articles` in a worker thread, resolving to one entry per article, in order. */
export function enrichInWorker(job: EnrichJob): Promise<EnrichEntry[]> {
  return runWorker<EnrichEntry[]>(import.meta.url, 'enrich-worker', job);
}
