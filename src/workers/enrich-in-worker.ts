import type { MergedArticle } from '../model/types.js';
import type { EnrichEntry } from '../cache/build-cache.js';
import { startRequestThread } from './request-thread.js';

/** What the enrichment worker is given at its start: the taxonomy file (null: the built-in one). */
export interface EnrichSetup {
  readonly taxonomy: string | null;
}

/** Articles to enrich, as the worker receives them. */
export type EnrichRequest = ReadonlyArray<MergedArticle & { readonly key: string }>;

/** An enrichment worker: it loads the gazetteer and taxonomy as soon as it starts, then enriches what it is sent. */
export interface EnrichThread {
  /** Enriches `articles`, resolving to one entry per article, in order. */
  enrich(articles: EnrichRequest): Promise<EnrichEntry[]>;
  close(): Promise<void>;
}

/**
 * Starts an enrichment worker. A build starts it before it opens its cache, so that the tables
 * (a quarter of a second to load) are ready on the other core by the time it knows which
 * articles are new; a build whose articles are all cached closes it unused.
 */
export function startEnrichThread(setup: EnrichSetup): EnrichThread {
  const thread = startRequestThread<EnrichRequest, EnrichEntry[]>(import.meta.url, 'enrich-worker', { workerData: setup }, {
    failed: (message) => new Error(`enrichment in the worker thread failed: ${message}`),
    stopped: (code) => new Error(`the enrichment thread stopped (exit code ${code})`),
  });
  return { enrich: (articles) => thread.ask(articles), close: () => thread.close() };
}
