import type { Article, SearchRecord } from '../model/types.js';

/**
 * The search bundle an article is indexed in: the year of its date, or `undated`. Pagefind
 * cannot update an index in place, so the build caches each bundle under a hash of its records
 * and re-indexes only the bundles whose records changed: one edited article costs its year's
 * bundle, not the archive's.
 *
 * The search page (`templates/assets/search.js`) loads the newest bundle's `pagefind.js` and
 * merges the others into it with `mergeIndex` (one script and one WebAssembly module, however
 * many bundles). A merged search applies the filters in every bundle and adds up the filter
 * counts correctly, but sorts within each bundle only and interleaves the bundles by score, so
 * a date order is not global. That is why the partition is the year, the same value as the
 * `year` filter: the page searches each year alone (one bundle answers), sorted, and puts the
 * years in order, undated last. A partition that cut across years would break that order.
 */
export function searchPartition(a: Pick<Article, 'date'>): string {
  return a.date ? a.date.slice(0, 4) : 'undated';
}

/** The folder of a search bundle in the output, e.g. `pagefind/2025/`. */
export function bundleDir(partition: string): string {
  return `pagefind/${partition}/`;
}

/** The search bundles of an archive: newest year first (the page loads Pagefind from it), undated last; at least one. */
export function searchPartitions(articles: ReadonlyArray<Pick<Article, 'date'>>): string[] {
  const parts = [...new Set(articles.map(searchPartition))];
  const years = parts.filter((p) => p !== 'undated').sort().reverse();
  return parts.includes('undated') || years.length === 0 ? [...years, 'undated'] : years;
}

/**
 * The partition of the words bundle, `pagefind/words/`: one record per article bundle holding
 * every word of its records once, with the `bundle` filter set to the bundle's `year` value.
 *
 * A Pagefind bundle that has no word starting with a query word does not answer "nothing": it
 * matches the longest word it has that begins the query word (`a` for `accountability`), so a
 * year that lacks the word would fill a merged search with unrelated articles. The search page
 * first asks the words bundle which bundles hold every query word, and keeps the article search
 * to their years: the answer is then what one bundle of the whole archive would give.
 */
export const wordsPartition = 'words';

/** The output folders of an archive's search bundles: the article bundles, then the words bundle when there are several. */
export function searchBundles(articles: ReadonlyArray<Pick<Article, 'date'>>): string[] {
  const parts = searchPartitions(articles);
  return [...parts, ...(parts.length > 1 ? [wordsPartition] : [])].map(bundleDir);
}

/** The value of the `year` filter (and of the words bundle's `bundle` filter) for an article bundle. */
export function yearValue(partition: string): string {
  return partition === 'undated' ? 'Undated' : partition;
}

/** Each distinct word of the records' text, title and meta once, sorted, space-separated. */
export function distinctWords(records: readonly SearchRecord[]): string {
  const words = new Set<string>();
  for (const r of records) {
    for (const text of [r.title, r.content, ...Object.values(r.meta ?? {})]) {
      for (const w of text.toLowerCase().split(/\s+/)) if (w !== '') words.add(w);
    }
  }
  return [...words].sort().join(' ');
}

/** The words bundle's record for one article bundle, from its `distinctWords`. */
export function vocabularyRecord(partition: string, words: string): SearchRecord {
  return { url: `/${bundleDir(wordsPartition)}${partition}/`, title: partition, content: words, filters: { bundle: [yearValue(partition)] }, sort: {} };
}
