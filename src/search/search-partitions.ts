import type { Article, SearchRecord } from '../model/types.js';

/** The year an article is filed under in search (its `year` filter): the year of its date, or `Undated`. */
export function searchYear(a: Pick<Article, 'date'>): string {
  return a.date ? a.date.slice(0, 4) : 'Undated';
}

/**
 * The search bundles of an archive and the bundle of each of its articles. Pagefind cannot
 * update an index in place, so the build caches each bundle under a hash of its records and
 * re-indexes only the bundles whose records changed: a new article costs its bundle, not the
 * archive. So a bundle is kept to about `size` records (the `searchBundleSize` option, or
 * `autoBundleSize`):
 *
 * - A year's dated articles are one bundle (`2025`), or, past that size, one bundle per equal
 *   run of months (halves `2025-01` and `2025-07`, quarters, two months, months): the fewest
 *   runs that keep every bundle within the size, months at most.
 * - Undated articles are one bundle (`undated`), or, past that size, 2, 4, 8… bundles
 *   (`undated-1`…) of about the size, each article in the one its id hashes to.
 *
 * Each bundle's articles depend only on the articles of its year (or the undated ones) and on
 * their count, so a new article re-indexes its own bundle, and all of its year only when the
 * year's count crosses a size.
 *
 * The search page (`templates/assets/search.js`) loads the newest bundle's `pagefind.js` and
 * merges the others into it with `mergeIndex` (one script and one WebAssembly module, however
 * many bundles). A merged search applies the filters in every bundle and adds up the filter
 * counts correctly, but sorts within each bundle only and interleaves the bundles by score, so
 * a date order is not global. That is why a dated bundle is a run of dates, and the page gives
 * each bundle it merges a `part` filter naming it (Pagefind's `mergeFilter`, which no record
 * holds, so a bundle's files do not depend on its name): a sorted search searches each dated
 * bundle alone (one bundle answers), sorted, and puts them in date order, the undated last.
 */
export interface SearchParts {
  /** Newest dated bundle first (the page loads Pagefind from it), undated ones last; at least one. */
  readonly parts: readonly string[];
  /** The bundle of one of the archive's articles. */
  partOf(a: Pick<Article, 'id' | 'date'>): string;
}

/** Runs of months a year can be cut into: the first month of each run is its bundle's name. */
const monthRuns = [6, 3, 2, 1];

/**
 * The bundle size when none is set: 512 records, doubled as the archive grows, at five times
 * the square root of its size rounded up to a power of two (512 at 10,000 articles, 2,048 at
 * 100,000). A new seed then re-indexes a small share of a large archive, while the search page
 * merges tens of bundles, not hundreds (each costs a reader's first query a few requests). A
 * size changes only when the archive quadruples, and then every bundle is indexed once again.
 */
export function autoBundleSize(articles: number): number {
  let size = 512;
  while (size < 5 * Math.sqrt(articles)) size *= 2;
  return size;
}

/** The search bundles of `articles`, each of at most about `size` records (null: `autoBundleSize`). */
export function searchParts(articles: ReadonlyArray<Pick<Article, 'id' | 'date'>>, bundleSize: number | null): SearchParts {
  const size = bundleSize ?? autoBundleSize(articles.length);
  const perMonth = new Map<string, number[]>();
  let undated = 0;
  for (const a of articles) {
    if (!a.date) {
      undated++;
      continue;
    }
    const year = a.date.slice(0, 4);
    const months = perMonth.get(year) ?? new Array<number>(12).fill(0);
    const m = monthIndex(a.date);
    months[m] = months[m]! + 1;
    perMonth.set(year, months);
  }
  // Months a run of each year's bundles (12: the whole year).
  const runOf = new Map<string, number>();
  for (const [year, months] of perMonth) {
    const total = months.reduce((n, m) => n + m, 0);
    const fits = (run: number): boolean => months.every((_, i) => i % run !== 0 || months.slice(i, i + run).reduce((n, m) => n + m, 0) <= size);
    runOf.set(year, total <= size ? 12 : (monthRuns.find(fits) ?? 1));
  }
  let buckets = 1;
  while (undated > buckets * size) buckets *= 2;
  const datedPart = (date: string): string => {
    const year = date.slice(0, 4);
    const run = runOf.get(year) ?? 12;
    return run === 12 ? year : `${year}-${String(Math.floor(monthIndex(date) / run) * run + 1).padStart(2, '0')}`;
  };
  const undatedPart = (id: string): string => (buckets === 1 ? 'undated' : `undated-${(idHash(id) % buckets) + 1}`);
  const dated = new Set<string>();
  const filled = new Set<number>();
  for (const a of articles) {
    if (a.date) dated.add(datedPart(a.date));
    else if (buckets > 1) filled.add(idHash(a.id) % buckets);
  }
  // Only bundles with articles (an archive without any has one, empty, undated bundle).
  const undatedParts = buckets > 1 ? [...filled].sort((x, y) => x - y).map((i) => `undated-${i + 1}`) : undated > 0 || dated.size === 0 ? ['undated'] : [];
  return {
    parts: [...[...dated].sort().reverse(), ...undatedParts],
    partOf: (a) => (a.date ? datedPart(a.date) : undatedPart(a.id)),
  };
}

/** The month of an ISO date, 0 to 11 (0 for a date without a valid month). */
function monthIndex(date: string): number {
  const m = Number(date.slice(5, 7)) - 1;
  return m >= 0 && m < 12 ? m : 0;
}

/** A hash of an article id (FNV-1a, 32 bits): spreads undated articles over their bundles, the same in every build. */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The folder of a search bundle in the output, e.g. `pagefind/2025/`. */
export function bundleDir(partition: string): string {
  return `pagefind/${partition}/`;
}

/**
 * The partition of the words bundle, `pagefind/words/`: one record per article bundle holding
 * every word of its records once, with the `bundle` filter set to the bundle's name.
 *
 * A Pagefind bundle that has no word starting with a query word does not answer "nothing": it
 * matches the longest word it has that begins the query word (`a` for `accountability`), so a
 * bundle that lacks the word would fill a merged search with unrelated articles. The search page
 * first asks the words bundle which bundles hold every query word, and keeps the article search
 * to them (the `part` filter): the answer is then what one bundle of the whole archive would give.
 */
export const wordsPartition = 'words';

/** The output folders of an archive's search bundles: the article bundles, then the words bundle when there are several. */
export function searchBundles(parts: readonly string[]): string[] {
  return [...parts, ...(parts.length > 1 ? [wordsPartition] : [])].map(bundleDir);
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
  return { url: `/${bundleDir(wordsPartition)}${partition}/`, title: partition, content: words, filters: { bundle: [partition] }, sort: {} };
}
