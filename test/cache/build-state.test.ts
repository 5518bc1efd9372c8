/**
 * The build state kept between builds (issue 8): page keys as one text, hints as one typed
 * array, and a state of an earlier shape never matched (its pages are keyed and checked anew).
 */
import { describe, expect, it } from 'vitest';
import { pageKeysText, readPageKeys, usableState, type BuildState } from '../../src/cache/build-cache.js';

const report = { files: 1, articles: 1, duplicates: 0, merges: [], quarantined: 0, problems: [] } as unknown as BuildState['report'];

describe('build state', () => {
  it('keeps page keys through their text, paths with quotes and non-ASCII letters included', () => {
    const pages = new Map([['index.html', 'k1'], ['article/"q"/index.html', 'k2'], ['country/ÅL/index.html', 'k3']]);
    expect(readPageKeys(pageKeysText(pages))).toEqual(pages);
    expect(readPageKeys('not json')).toEqual(new Map());
    expect(readPageKeys('{"a": 1}')).toEqual(new Map());
  });

  it('takes a state of this shape, and none written by an earlier dateline (maps of pages and hints)', () => {
    const now: BuildState = { buildKey: 'b', report, pages: pageKeysText(new Map([['a', 'k']])), search: new Map(), hints: new Float64Array(2) };
    expect(usableState(now)).toBe(now);
    expect(usableState(undefined)).toBeNull();
    const earlier = { ...now, pages: new Map([['a', 'k']]), hints: new Map([['a', [1, 2]]]) } as unknown as BuildState;
    expect(usableState(earlier)).toBeNull();
  });
});
