import * as pagefind from 'pagefind';
import type { RenderedFile, SearchRecord } from '../model/types.js';
import { BuildError } from '../errors.js';
import { canonicalizeIndex } from '../search/canonical-index.js';

/** A search index being built page by page. */
export interface SearchIndexer {
  /** Adds one page's record to the index. */
  add(record: SearchRecord): Promise<void>;
  /** Finishes the index and returns its files under `pagefind/` (or `prefix`), sorted by path. */
  finish(prefix?: string): Promise<RenderedFile[]>;
}

/** Stops the Pagefind service once every index of a build is finished. */
export async function closeSearch(): Promise<void> {
  await pagefind.close();
}

/**
 * Starts a Pagefind search index in memory, fed one record per article (its text, title,
 * country and topic filters, date sort key); the browser later loads just the index chunks a
 * query needs, so the archive's size does not weigh on a reader.
 */
export async function createSearchIndexer(language: string): Promise<SearchIndexer> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new BuildError(`search index could not start: ${errors.join('; ')}`, 'run with --no-search to build without search');
  const fail = async (error: unknown): Promise<never> => {
    await pagefind.close();
    throw new BuildError('search indexing failed', 'run with --no-search to build without search', { cause: error });
  };
  return {
    async add(record) {
      // A record built from the article itself, not its HTML: Pagefind parses no page.
      const added = await index.addCustomRecord({
        url: record.url,
        content: record.content,
        language,
        meta: { title: record.title },
        filters: Object.fromEntries(Object.entries(record.filters).map(([k, v]) => [k, [...v]])),
        sort: { ...record.sort },
      });
      if (added.errors.length > 0) await fail(new Error(`${record.url}: ${added.errors.join('; ')}`));
    },
    async finish(prefix = 'pagefind/') {
      const { files, errors: fileErrors } = await index.getFiles();
      if (fileErrors.length > 0) return fail(new Error(fileErrors.join('; ')));
      await index.deleteIndex();
      return canonicalizeIndex(files).map((f) => ({ path: `${prefix}${f.path}`, contents: f.content }));
    },
  };
}
