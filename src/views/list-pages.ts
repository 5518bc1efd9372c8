/** One page of a paginated list: where it goes and which articles it shows. */
export interface ListPage {
  /** Site-relative folder URL of the page. */
  readonly url: string;
  /** Ids shown, newest first. */
  readonly ids: readonly string[];
  /** Number in the page's URL, counted from the oldest (`page/1/` = oldest); 0 for the list's front page. */
  readonly number: number;
  /** Place of the page as a reader counts it: 1 = the front page (newest), then 2, 3… going back in time. */
  readonly position: number;
  /** How many pages the list has. */
  readonly count: number;
  readonly newerUrl: string | null;
  readonly olderUrl: string | null;
}

/** The URL of the page at reader position `position` (1 = front) of a list of `count` pages under `base`. */
export function pageUrlAt(base: string, position: number, count: number): string {
  return position <= 1 ? base : `${base}page/${count - position + 1}/`;
}

/**
 * Splits a newest-first list into pages of exactly `pageSize` articles, cut from the oldest end,
 * so that page N (URL `page/N/`, counted from the oldest) always holds the same articles however
 * many newer ones arrive: a new article changes only the front page, and one more page when the
 * front fills up.
 *
 * The front page absorbs the remainder: it holds the newest full page plus the `total % pageSize`
 * articles newer than it, so between `pageSize` and `2 × pageSize − 1` articles (fewer only when
 * the whole list is shorter than a page). Every other page holds exactly `pageSize`.
 *
 * Readers count pages from the newest: the front page is page 1 of `count`, the next-newest
 * (`page/<count − 1>/`) page 2, and the oldest (`page/1/`) page `count`.
 */
export function paginate(base: string, idsNewestFirst: readonly string[], pageSize: number): ListPage[] {
  const total = idsNewestFirst.length;
  const full = Math.floor(total / pageSize);
  const count = Math.max(1, full);
  const frontSize = total - (count - 1) * pageSize;
  const older = (n: number): string[] => {
    // page/N/ holds the N-th full page from the oldest end.
    const end = total - (n - 1) * pageSize;
    return idsNewestFirst.slice(end - pageSize, end);
  };
  const pages: ListPage[] = [];
  for (let position = 1; position <= count; position++) {
    const number = position === 1 ? 0 : count - position + 1;
    pages.push({
      url: pageUrlAt(base, position, count),
      ids: position === 1 ? idsNewestFirst.slice(0, frontSize) : older(number),
      number,
      position,
      count,
      newerUrl: position === 1 ? null : pageUrlAt(base, position - 1, count),
      olderUrl: position === count ? null : pageUrlAt(base, position + 1, count),
    });
  }
  return pages;
}

/**
 * The page links a pager shows for page `position` of `count`: the first and last pages, and
 * the two on either side of the current one; `null` marks a gap (drawn as "…").
 */
export function pagerPositions(position: number, count: number): Array<number | null> {
  const shown = [...new Set([1, count, ...[-2, -1, 0, 1, 2].map((d) => position + d)])]
    .filter((p) => p >= 1 && p <= count)
    .sort((a, b) => a - b);
  const out: Array<number | null> = [];
  for (const p of shown) {
    const prev = out.at(-1);
    if (typeof prev === 'number' && p - prev === 2) out.push(p - 1);
    else if (typeof prev === 'number' && p - prev > 2) out.push(null);
    out.push(p);
  }
  return out;
}
