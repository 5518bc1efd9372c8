/** One page of a paginated list: where it goes and which articles it shows. */
export interface ListPage {
  /** Site-relative folder URL of the page. */
  readonly url: string;
  /** Ids shown, newest first. */
  readonly ids: readonly string[];
  /** Number of the page counted from the oldest (1 = oldest); 0 for the list's front page. */
  readonly number: number;
  readonly newerUrl: string | null;
  readonly olderUrl: string | null;
}

/**
 * Splits a newest-first list into pages numbered from the oldest, so that a new article only
 * changes the front page (and, when the newest page fills up, one more): page N keeps its bytes
 * however many newer articles arrive. The front page shows the newest page, plus the one before
 * it while the newest holds less than half a page.
 */
export function paginate(base: string, idsNewestFirst: readonly string[], pageSize: number): ListPage[] {
  const oldestFirst = [...idsNewestFirst].reverse();
  const chunks: string[][] = [];
  for (let i = 0; i < oldestFirst.length; i += pageSize) chunks.push(oldestFirst.slice(i, i + pageSize));
  if (chunks.length === 0) return [{ url: base, ids: [], number: 0, newerUrl: null, olderUrl: null }];
  const last = chunks.length;
  const frontTakes = chunks.length > 1 && chunks[last - 1]!.length < pageSize / 2 ? 2 : 1;
  const frontIds = chunks.slice(last - frontTakes).flat().reverse();
  const highestOlder = last - frontTakes;
  const pageUrl = (n: number): string => `${base}page/${n}/`;
  const pages: ListPage[] = [
    { url: base, ids: frontIds, number: 0, newerUrl: null, olderUrl: highestOlder >= 1 ? pageUrl(highestOlder) : null },
  ];
  for (let n = highestOlder; n >= 1; n--) {
    pages.push({
      url: pageUrl(n),
      ids: [...chunks[n - 1]!].reverse(),
      number: n,
      newerUrl: n + 1 > highestOlder ? base : pageUrl(n + 1),
      olderUrl: n > 1 ? pageUrl(n - 1) : null,
    });
  }
  return pages;
}
