import type { RenderedFile, SearchRecord } from '../model/types.js';
import { BuildError } from '../errors.js';
import { startRequestThread } from './request-thread.js';

/** A bundle to index (its records, in order, and the folder of its files), or null to stop the service. */
export type SearchRequest = { readonly language: string; readonly records: readonly SearchRecord[]; readonly prefix: string } | null;

/** A thread with a Pagefind service of its own: bundles in, their files out, in the order asked. */
export interface SearchThread {
  index(language: string, records: readonly SearchRecord[], prefix: string): Promise<RenderedFile[]>;
  /** Stops the thread's Pagefind service, then the thread. */
  close(): Promise<void>;
}

const hint = 'run with --no-search to build without search';

/** Starts a search thread. A bundle that fails to index rejects with a BuildError naming the failure. */
export function startSearchThread(): SearchThread {
  const thread = startRequestThread<SearchRequest, RenderedFile[]>(import.meta.url, 'search-worker', {}, {
    failed: (message) => new BuildError(message, hint),
    stopped: (code) => new BuildError(`search indexing failed: the search thread stopped (exit code ${code})`, hint),
  });
  return {
    index: (language, records, prefix) => thread.ask({ language, records, prefix }),
    async close() {
      // The service is a child process of the thread's: it is stopped before the thread is (a
      // thread already closed or failed refuses the request at once).
      await thread.ask(null).catch(() => undefined);
      await thread.close();
    },
  };
}
