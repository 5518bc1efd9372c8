import * as pagefind from 'pagefind';
import type { RenderedFile } from '../model/types.js';
import { BuildError } from '../errors.js';

/**
 * Builds the Pagefind search index of the rendered HTML pages in memory and returns its files
 * under `pagefind/`. Only article pages mark their content searchable (`data-pagefind-body`),
 * with country and topic filters; the browser loads just the index chunks a query needs.
 */
export async function indexSearch(files: readonly RenderedFile[], language: string): Promise<RenderedFile[]> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new BuildError(`search index could not start: ${errors.join('; ')}`, 'run with --no-search to build without search');
  try {
    for (const file of files) {
      if (!file.path.endsWith('.html') || typeof file.contents !== 'string' || !file.contents.includes('data-pagefind-body')) continue;
      const url = `/${file.path.replace(/index\.html$/, '')}`;
      const added = await index.addHTMLFile({ url, content: file.contents });
      if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    }
    const { files: out, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0) throw new Error(fileErrors.join('; '));
    return out
      .map((f) => ({ path: `pagefind/${f.path}`, contents: f.content }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
  } catch (error) {
    throw new BuildError('search indexing failed', 'run with --no-search to build without search', { cause: error });
  } finally {
    await pagefind.close();
  }
}
