/**
 * The search bundles of an archive (issue 8: one new seed re-indexes only its bundles). A year
 * is one bundle until it passes the size, then equal runs of months; undated articles are
 * spread over 2, 4, 8… bundles by id. Each article's bundle depends only on its own year's (or
 * the undated) articles, so a new article leaves every other bundle's members as they were.
 */
import { describe, expect, it } from 'vitest';
import { autoBundleSize, searchParts } from '../../src/search/search-partitions.js';

interface A {
  readonly id: string;
  readonly date: string | null;
}

/** `n` articles dated in `year`, spread over its months as `monthOf(i)` says (1-12). */
function dated(year: number, n: number, monthOf: (i: number) => number = (i) => (i % 12) + 1): A[] {
  return Array.from({ length: n }, (_, i) => ({ id: `y${year}-${i}`, date: `${year}-${String(monthOf(i)).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}` }));
}

const undated = (n: number, prefix = 'u'): A[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}-${(i * 7919) % 1000}`, date: null }));

/** Each bundle's members' ids. */
function members(articles: readonly A[], size: number): Map<string, string[]> {
  const { parts, partOf } = searchParts(articles, size);
  const out = new Map<string, string[]>(parts.map((p) => [p, []]));
  for (const a of articles) {
    const part = partOf(a);
    expect(parts).toContain(part);
    out.get(part)!.push(a.id);
  }
  return out;
}

describe('search bundles', () => {
  it('are a bundle per year, newest first, and one for the undated articles, while each fits', () => {
    const articles = [...dated(2019, 40), ...dated(2021, 60), ...undated(30)];
    expect(searchParts(articles, 100).parts).toEqual(['2021', '2019', 'undated']);
    expect(searchParts(dated(2020, 5), 100).parts).toEqual(['2020']);
    expect(searchParts([], 100).parts).toEqual(['undated']);
  });

  it('cut a year past the size into the fewest equal runs of months that fit', () => {
    // 240 articles, 20 a month: halves hold 120, quarters 60.
    expect(searchParts(dated(2024, 240), 150).parts).toEqual(['2024-07', '2024-01']);
    expect(searchParts(dated(2024, 240), 100).parts).toEqual(['2024-10', '2024-07', '2024-04', '2024-01']);
    expect(searchParts(dated(2024, 240), 40).parts).toEqual(['2024-11', '2024-09', '2024-07', '2024-05', '2024-03', '2024-01']);
    // A single month over the size: months, the finest cut (that month's bundle stays large).
    const crowded = dated(2024, 200, (i) => (i < 150 ? 3 : (i % 12) + 1));
    const parts = members(crowded, 50);
    expect([...parts.keys()].every((p) => /^2024-\d\d$/.test(p))).toBe(true);
    expect(parts.size).toBe(12);
    for (const [part, ids] of parts) if (part !== '2024-03') expect(ids.length).toBeLessThanOrEqual(50);
  });

  it('hold runs of dates in order: every article of a bundle is newer than every one of the next', () => {
    const articles = [...dated(2023, 300), ...dated(2024, 90), ...dated(2025, 700)];
    const { parts, partOf } = searchParts(articles, 100);
    const dates = parts.map((p) => articles.filter((a) => partOf(a) === p).map((a) => a.date!).sort());
    for (let i = 1; i < dates.length; i++) expect(dates[i]!.at(-1)! < dates[i - 1]![0]!).toBe(true);
  });

  it('spread the undated articles past the size over 2, 4, 8… bundles of about the size', () => {
    const parts = members(undated(1000), 200);
    expect([...parts.keys()]).toEqual(Array.from({ length: 8 }, (_, i) => `undated-${i + 1}`));
    for (const ids of parts.values()) {
      expect(ids.length).toBeGreaterThan(60);
      expect(ids.length).toBeLessThan(200);
    }
  });

  it('leave every other bundle as it was when an article is added', () => {
    const before = [...dated(2022, 500), ...dated(2023, 150), ...undated(900)];
    for (const added of [{ id: 'new-dated', date: '2022-08-14' }, { id: 'new-undated', date: null }]) {
      const old = members(before, 200);
      const now = members([...before, added], 200);
      const changed = [...now].filter(([part, ids]) => JSON.stringify(ids) !== JSON.stringify(old.get(part))).map(([part]) => part);
      expect(changed).toEqual([searchParts([...before, added], 200).partOf(added)]);
    }
  });

  it('grow with the archive when no size is set: 512 records, doubled each time the archive quadruples', () => {
    expect([0, 1_000, 10_000, 10_485, 10_486, 41_943, 41_944, 100_000].map(autoBundleSize)).toEqual([512, 512, 512, 512, 1024, 1024, 2048, 2048]);
    // 1,000 undated articles: past 512, two bundles; with a size of 200 set, eight.
    expect(searchParts(undated(1000), null).parts).toEqual(['undated-1', 'undated-2']);
    expect(searchParts(undated(1000), 200).parts).toHaveLength(8);
  });
});
