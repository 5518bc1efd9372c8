/**
 * Search over many bundles, in Chromium: a generated archive of 300 articles over eleven years
 * (about a fifth undated) is indexed as twelve Pagefind bundles (one a year, one undated), and
 * again with bundles of at most ten records (each year cut into quarters, the undated articles
 * spread over eight bundles: 52), and the search page must answer as if they were one index. A
 * query finds the matching articles of every year; filter counts are the sums over the bundles;
 * a country filter narrows every bundle; newest and oldest first are one order across the
 * bundles (Pagefind sorts within a bundle only), undated last; and a word some bundles lack
 * finds only the articles that hold it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHtml } from './site-files.js';
import { skipBrowser } from './chromium.js';
import { allSearchResults } from './search-results.js';
import { serveCorpus, type ServedCorpus } from './served-corpus.js';
import { autoBundleSize, searchParts } from '../../src/search/search-partitions.js';

interface Rec {
  readonly headline: string;
  readonly captions: readonly string[];
  readonly paragraphs: readonly string[];
  readonly date: string | null;
  readonly countries: readonly string[];
}

// A word in 40 of the 300 generated articles, over every year and in some undated ones, with
// no longer word starting with it (Pagefind matches a query's last word as a prefix).
const word = 'criminal';

const yearOf = (a: Rec): string => (a.date ? a.date.slice(0, 4) : 'Undated');

/** How many of `recs` have each value of `key`. */
function tally(recs: readonly Rec[], key: (a: Rec) => readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of recs) for (const v of key(a)) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

/** The values and counts a filter group lists, e.g. `{2025: 4, Undated: 7}`. */
async function filterCounts(page: Page, legend: string): Promise<Record<string, number>> {
  const labels = await page.locator('fieldset', { has: page.locator('legend', { hasText: legend }) }).locator('label').allTextContents();
  return Object.fromEntries(labels.map((l) => /^\s*(.+) \((\d+)\)\s*$/.exec(l)!).map((m) => [m[1]!, Number(m[2])]));
}

/** The dates of `recs` in the order the page must show them: by date (ties in any order), undated last. */
function ordered(recs: readonly Rec[], sort: 'newest' | 'oldest'): Array<string | null> {
  const dates = recs.flatMap((a) => (a.date ? [a.date] : [])).sort();
  if (sort === 'newest') dates.reverse();
  return [...dates, ...recs.filter((a) => !a.date).map(() => null)];
}

describe.skipIf(skipBrowser).each([
  { name: 'a bundle per year', searchBundleSize: null, bundleName: /^(\d{4}|undated|words)$/ },
  { name: 'bundles of ten records', searchBundleSize: 10, bundleName: /^(\d{4}-\d\d|undated-[1-8]|words)$/ },
])('search over $name, in Chromium', ({ searchBundleSize, bundleName }) => {
  let served: ServedCorpus;
  let matching: Rec[];
  beforeAll(async () => {
    served = await serveCorpus(300, { searchBundleSize });
    const articles = (JSON.parse(served.site.read('data/articles.json')) as { articles: Rec[] }).articles;
    const pattern = new RegExp(`\\b${word}\\b`, 'i');
    matching = articles.filter((a) => pattern.test([a.headline, ...a.captions, ...a.paragraphs].join('\n')));
  }, 120_000);
  afterAll(() => served?.close());

  it('builds the bundles, and the page merges them all', () => {
    const bundles = served.site.files.filter((f) => /^pagefind\/[^/]+\/pagefind-entry\.json$/.test(f)).map((f) => f.split('/')[1]!);
    const years = [...new Set(matching.map(yearOf))];
    expect(years.length).toBeGreaterThanOrEqual(4);
    for (const b of bundles) expect(b).toMatch(bundleName);
    // Every article is in one bundle, and no bundle holds more than the size (or one month).
    const articles = (JSON.parse(served.site.read('data/articles.json')) as { articles: Array<Rec & { id: string }> }).articles;
    const { parts, partOf } = searchParts(articles, searchBundleSize);
    const size = searchBundleSize ?? autoBundleSize(articles.length);
    expect([...parts, 'words'].sort()).toEqual([...bundles].sort());
    for (const part of parts) {
      const members = articles.filter((a) => partOf(a) === part);
      expect(members.length > 0 && (members.length <= size || new Set(members.map((a) => a.date!.slice(0, 7))).size === 1)).toBe(true);
    }
    const app = /<div[^>]* id="search-app" data-bundle="([^"]*)" data-merge="([^"]*)"/.exec(served.site.read('search/index.html'))!;
    const merged = JSON.parse(decodeHtml(app[2]!)) as string[];
    expect([app[1]!, ...merged].map((b) => b.replace(/^\.\.\/pagefind\/|\/$/g, '')).sort()).toEqual([...bundles].sort());
  });

  it('finds the matches of every year, with each filter count summed over the bundles', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.base}search/index.html?q=${word}`);
    const shown = await allSearchResults(page);
    expect(shown.status).toMatch(new RegExp(`^${matching.length} results for`));
    expect(shown.dates.map((d) => (d ? d.slice(0, 4) : 'Undated')).sort()).toEqual(matching.map(yearOf).sort());
    expect(await filterCounts(page, 'Year')).toEqual(tally(matching, (a) => [yearOf(a)]));
    const byCountry = tally(matching, (a) => a.countries);
    expect(await filterCounts(page, 'Country')).toEqual(Object.fromEntries(Object.entries(byCountry).map(([code, n]) => [served.countryName(code), n])));
    await page.close();
  });

  it('answers a word only one bundle holds with its articles alone, not with shorter words of the other bundles', async () => {
    // "armenia" is in two undated articles; the year bundles lack it and would match "a" instead.
    const articles = (JSON.parse(served.site.read('data/articles.json')) as { articles: Rec[] }).articles;
    const holding = articles.filter((a) => /\barmenia\b/i.test([a.headline, ...a.captions, ...a.paragraphs].join('\n')));
    expect(new Set(holding.map(yearOf)).size).toBe(1);
    const page = await served.browser.newPage();
    for (const sort of ['', 'newest']) {
      await page.goto(`${served.base}search/index.html?q=armenia&sort=${sort}`);
      const shown = await allSearchResults(page);
      expect(shown.headlines.sort()).toEqual(holding.map((a) => a.headline).sort());
    }
    await page.close();
  });

  it('narrows every bundle with a country filter, and sorts across the bundles, undated last', async () => {
    const page = await served.browser.newPage();
    // The country with the most matches spread over the most years, undated ones among them.
    const codes = [...new Set(matching.flatMap((a) => a.countries))].sort();
    const spread = (c: string) => new Set(matching.filter((a) => a.countries.includes(c)).map(yearOf)).size;
    const code = codes.filter((c) => matching.some((a) => !a.date && a.countries.includes(c))).sort((x, y) => spread(y) - spread(x) || (x < y ? -1 : 1))[0]!;
    const theirs = matching.filter((a) => a.countries.includes(code));
    expect(spread(code)).toBeGreaterThanOrEqual(3);
    const name = served.countryName(code);
    for (const sort of ['newest', 'oldest'] as const) {
      await page.goto(`${served.base}search/index.html?q=${word}&country=${encodeURIComponent(name)}&sort=${sort}`);
      const shown = await allSearchResults(page);
      expect(shown.status).toMatch(new RegExp(`^${theirs.length} results? for .*, ${sort} first`));
      for (const meta of shown.countries) expect(meta).toContain(name);
      expect(shown.dates).toEqual(ordered(theirs, sort));
      expect(await filterCounts(page, 'Year')).toEqual(tally(theirs, (a) => [yearOf(a)]));
    }
    // Every match in date order: more than a page of results, from every bundle.
    await page.goto(`${served.base}search/index.html?q=${word}&sort=newest`);
    expect((await allSearchResults(page)).dates).toEqual(ordered(matching, 'newest'));
    await page.close();
  });
});
