import type { Article } from '../model/types.js';

/**
 * The search bundle an article is indexed in: one per year of its date, and one for undated
 * articles. Pagefind cannot update an index in place, so a build re-indexes only the bundles
 * whose articles changed; the search page merges them all in the browser.
 */
export function searchPartition(a: Pick<Article, 'date'>): string {
  return a.date ? a.date.slice(0, 4) : 'undated';
}

/** The folder of a search bundle in the output, e.g. `pagefind/2025/`. */
export function bundleDir(partition: string): string {
  return `pagefind/${partition}/`;
}

/** The search bundles of an archive: newest year first, undated last; at least one. */
export function searchPartitions(articles: ReadonlyArray<Pick<Article, 'date'>>): string[] {
  const parts = [...new Set(articles.map(searchPartition))];
  const years = parts.filter((p) => p !== 'undated').sort().reverse();
  const all = parts.includes('undated') ? [...years, 'undated'] : years;
  return all.length > 0 ? all : ['undated'];
}
