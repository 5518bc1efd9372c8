import * as pagefind from 'pagefind';
import type { RenderedFile } from '../model/types.js';
import { BuildError } from '../errors.js';

/** A search index being built page by page. */
export interface SearchIndexer {
  /** Adds a rendered file if it is a searchable HTML page; other files are ignored. */
  add(file: RenderedFile): Promise<void>;
  /** Finishes the index and returns its files under `pagefind/`, sorted by path. */
  finish(): Promise<RenderedFile[]>;
}

/**
 * Starts a Pagefind search index in memory. Only article pages mark their content searchable
 * (`data-pagefind-body`), with country and topic filters; the browser later loads just the
 * index chunks a query needs, so the archive's size does not weigh on a reader.
 */
export async function createSearchIndexer(language: string): Promise<SearchIndexer> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new BuildError(`search index could not start: ${errors.join('; ')}`, 'run with --no-search to build without search');
  const fail = async (error: unknown): Promise<never> => {
    await pagefind.close();
    throw new BuildError('search indexing failed', 'run with --no-search to build without search', { cause: error });
  };
  return {
    async add(file) {
      if (!file.path.endsWith('.html') || typeof file.contents !== 'string' || !file.contents.includes('data-pagefind-body')) return;
      const added = await index.addHTMLFile({ url: `/${file.path.replace(/index\.html$/, '')}`, content: file.contents });
      if (added.errors.length > 0) await fail(new Error(`${file.path}: ${added.errors.join('; ')}`));
    },
    async finish() {
      const { files, errors: fileErrors } = await index.getFiles();
      if (fileErrors.length > 0) return fail(new Error(fileErrors.join('; ')));
      await pagefind.close();
      return files
        .map((f) => ({ path: `pagefind/${f.path}`, contents: f.content }))
        .sort((a, b) => (a.path < b.path ? -1 : 1));
    },
  };
}
