import type { MergedArticle } from '../model/types.js';
import type { EnrichEntry } from '../cache/build-cache.js';
import { startWorker } from './start-worker.js';

/** What the enrichment worker is given at its start: the taxonomy file (null: the built-in one). */
export interface EnrichSetup {
  readonly taxonomy: string | null;
}

/** Articles to enrich, as the worker receives them. */
export interface EnrichRequest {
  readonly id: number;
  readonly articles: ReadonlyArray<MergedArticle & { readonly key: string }>;
}

export type EnrichReply = { readonly id: number; readonly entries: EnrichEntry[] } | { readonly id: number; readonly error: string };

/** An enrichment worker: it loads the gazetteer and taxonomy as soon as it starts, then enriches what it is sent. */
export interface EnrichThread {
  /** Enriches `articles`, resolving to one entry per article, in order. */
  enrich(articles: EnrichRequest['articles']): Promise<EnrichEntry[]>;
  close(): Promise<void>;
}

/**
 * Starts an enrichment worker. A build starts it before it opens its cache, so that the tables
 * (a quarter of a second to load) are ready on the other core by the time it knows which
 * articles are new; a build whose articles are all cached closes it unused.
 */
export function startEnrichThread(setup: EnrichSetup): EnrichThread {
  const worker = startWorker(import.meta.url, 'enrich-worker', { workerData: setup });
  const waiting = new Map<number, { resolve: (entries: EnrichEntry[]) => void; reject: (error: Error) => void }>();
  let next = 0;
  let failed: Error | null = null;
  const failAll = (error: Error): void => {
    failed ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('message', (reply: EnrichReply) => {
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ('error' in reply) w?.reject(new Error(`enrichment in the worker thread failed: ${reply.error}`));
    else w?.resolve(reply.entries);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the enrichment thread stopped (exit code ${code})`)));
  return {
    enrich(articles) {
      if (failed) return Promise.reject(failed);
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, articles } satisfies EnrichRequest);
      });
    },
    async close() {
      failAll(new Error('the enrichment thread was closed'));
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
