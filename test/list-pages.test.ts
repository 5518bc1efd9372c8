import { describe, expect, it } from 'vitest';
import { paginate } from '../src/views/list-pages.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `a${n - i}`); // newest first: a<n> … a1

describe('paginate', () => {
  it('puts everything on the front page when it fits', () => {
    expect(paginate('countries/iq/', ids(3), 50)).toEqual([{ url: 'countries/iq/', ids: ['a3', 'a2', 'a1'], number: 0, newerUrl: null, olderUrl: null }]);
  });

  it('numbers pages from the oldest and links newer and older', () => {
    const pages = paginate('t/', ids(130), 50);
    expect(pages.map((p) => p.url)).toEqual(['t/', 't/page/2/', 't/page/1/']);
    expect(pages[0]!.ids).toHaveLength(30);
    expect(pages[0]!.olderUrl).toBe('t/page/2/');
    expect(pages[1]!).toMatchObject({ number: 2, newerUrl: 't/', olderUrl: 't/page/1/' });
    expect(pages[2]!.ids.at(-1)).toBe('a1');
    expect(new Set(pages.flatMap((p) => p.ids)).size).toBe(130);
  });

  it('keeps older pages byte-for-byte when a new article arrives', () => {
    const before = paginate('t/', ids(130), 50);
    const after = paginate('t/', ids(131), 50);
    const page = (list: typeof before, url: string) => list.find((p) => p.url === url);
    expect(page(after, 't/page/1/')).toEqual(page(before, 't/page/1/'));
    expect(page(after, 't/page/2/')).toEqual(page(before, 't/page/2/'));
  });

  it('fills a nearly empty front page with the page before it', () => {
    const pages = paginate('t/', ids(105), 50);
    expect(pages[0]!.ids).toHaveLength(55);
    expect(pages[0]!.olderUrl).toBe('t/page/1/');
    expect(pages.map((p) => p.url)).toEqual(['t/', 't/page/1/']);
  });
});
