import { describe, expect, it } from 'vitest';
import { pagerPositions, paginate } from '../src/views/list-pages.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `a${n - i}`); // newest first: a<n> … a1

describe('paginate', () => {
  it('puts everything on the front page when it fits', () => {
    expect(paginate('countries/iq/', ids(3), 50)).toEqual([{ url: 'countries/iq/', ids: ['a3', 'a2', 'a1'], number: 0, position: 1, count: 1, newerUrl: null, olderUrl: null }]);
  });

  it('gives every page but the front exactly a page of articles; the front absorbs the remainder', () => {
    const pages = paginate('t/', ids(130), 50);
    expect(pages.map((p) => p.url)).toEqual(['t/', 't/page/1/']);
    expect(pages.map((p) => p.ids.length)).toEqual([80, 50]);
    for (const total of [50, 51, 99, 100, 149, 150, 451]) {
      const sizes = paginate('t/', ids(total), 50).map((p) => p.ids.length);
      expect(sizes.slice(1).every((n) => n === 50), `${total}: ${sizes.join(',')}`).toBe(true);
      expect(sizes[0]! >= 50 && sizes[0]! < 100, `${total}: front ${sizes[0]}`).toBe(true);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
    }
  });

  it('numbers pages for readers from the newest: the page after the front is page 2', () => {
    const pages = paginate('t/', ids(260), 50);
    expect(pages.map((p) => [p.position, p.count, p.url])).toEqual([
      [1, 5, 't/'], [2, 5, 't/page/4/'], [3, 5, 't/page/3/'], [4, 5, 't/page/2/'], [5, 5, 't/page/1/'],
    ]);
    expect(pages[1]).toMatchObject({ newerUrl: 't/', olderUrl: 't/page/3/' });
    expect(pages[4]).toMatchObject({ newerUrl: 't/page/2/', olderUrl: null });
    // Newest first across pages, oldest last, nothing twice.
    expect(pages.flatMap((p) => p.ids)).toEqual(ids(260));
  });

  it('keeps the articles of every numbered URL when new articles arrive at the front', () => {
    const before = paginate('t/', ids(130), 50);
    for (let more = 1; more <= 120; more++) {
      const after = paginate('t/', ids(130 + more), 50);
      for (const old of before.filter((p) => p.number > 0)) {
        expect(after.find((p) => p.url === old.url)?.ids, `${old.url} after ${more} more`).toEqual(old.ids);
      }
    }
  });
});

describe('pagerPositions', () => {
  it('lists every page of a short list', () => {
    expect(pagerPositions(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('shows the ends and two pages either side, with gaps', () => {
    expect(pagerPositions(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pagerPositions(1, 20)).toEqual([1, 2, 3, null, 20]);
    expect(pagerPositions(4, 20)).toEqual([1, 2, 3, 4, 5, 6, null, 20]);
  });
});
