import type { Article } from '../model/types.js';

/**
 * The search bundle an article is indexed in. Pagefind cannot update an index in place, so the
 * build caches each bundle under a hash of its records and re-indexes only bundles whose records
 * changed, and the search page merges the bundles in the browser (`mergeIndex`).
 *
 * For now there is one bundle, `pagefind/`: a bundle per year was built and measured, but with
 * Pagefind 1.5.2's UI a country filter ticked on the merged search did not narrow the results of
 * the merged bundles (the browser test caught it), and indexing 12 bundles took twice as long as
 * one. The partition is kept a function so that a scheme that filters correctly can replace it.
 */
export function searchPartition(_a: Pick<Article, 'date'>): string {
  return '';
}

/** The folder of a search bundle in the output: `pagefind/`, or `pagefind/<partition>/`. */
export function bundleDir(partition: string): string {
  return partition === '' ? 'pagefind/' : `pagefind/${partition}/`;
}

/** The search bundles of an archive, the one holding the UI first; at least one. */
export function searchPartitions(articles: ReadonlyArray<Pick<Article, 'date'>>): string[] {
  const parts = [...new Set(articles.map(searchPartition))].sort();
  return parts.length > 0 ? parts : [''];
}
