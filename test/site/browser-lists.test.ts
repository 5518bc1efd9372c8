/**
 * Lists, paging, the timeline and search in Chromium, on a generated archive big enough to page
 * (300 synthetic articles from bench/gen-corpus.mjs, 4 a page, about a fifth of them undated),
 * served under a sub-path: the search address holds the query, filters and order and Back
 * restores them; newest-first order; numbered pages with "page x of y"; the archive grid and a
 * country's timeline; the undated list; and headings in order on every kind of list page.
 */
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { searchResults } from './search-results.js';
import type { AxeResults } from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltSample } from './site-files.js';
import { skipBrowser } from './chromium.js';
import { serveCorpus, type ServedCorpus } from './served-corpus.js';

interface Rec {
  readonly slug: string;
  readonly headline: string;
  readonly date: string | null;
  readonly countries: readonly string[];
}

const pageSize = 4;
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let served: ServedCorpus;
let site: BuiltSample;
let browser: Browser;
let base: string;
let articles: Rec[];

const countryName = (code: string): string => served.countryName(code);

describe.skipIf(skipBrowser)('lists, paging, timeline and search in Chromium', () => {
  beforeAll(async () => {
    served = await serveCorpus(300, { pageSize });
    ({ site, browser, base } = served);
    articles = (JSON.parse(site.read('data/articles.json')) as { articles: Rec[] }).articles;
  }, 120_000);
  afterAll(() => served?.close());

  it('takes the query and filters from the address, puts changes in it, and Back restores the search before', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // A country with dated articles in more than one year, and the word "said" most articles hold.
    const code = [...new Set(articles.flatMap((a) => a.countries))].sort().find((c) => new Set(articles.filter((a) => a.countries.includes(c) && a.date).map((a) => a.date!.slice(0, 4))).size >= 2)!;
    const name = countryName(code);
    await page.goto(`${base}search/index.html?q=said&country=${encodeURIComponent(name)}`);
    expect(await page.locator('#search-q').inputValue()).toBe('said');
    const box = page.getByRole('checkbox', { name: new RegExp(`^${name} \\(\\d+\\)$`) });
    expect(await box.isChecked()).toBe(true);
    const first = await searchResults(page);
    expect(first.headlines.length).toBeGreaterThan(0);
    for (const c of first.countries) expect(c).toContain(name);
    const total = Number(/^(\d+)/.exec(first.status)![1]);
    expect(total).toBeLessThanOrEqual(articles.filter((a) => a.countries.includes(code)).length);

    // Tick a year: the address gains it, the results narrow to that year.
    const years = page.locator('fieldset', { hasText: 'Year' }).getByRole('checkbox');
    const [, year, shown] = /^(\S+) \((\d+)\)$/.exec((await years.first().evaluate((e) => e.closest('label')!.textContent!)).trim())!;
    // The filters are drawn again after each change: the box is found by its value, not its place.
    const yearBox = page.locator(`input[name="year"][value="${year}"]`);
    await yearBox.check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('year')).toEqual([year]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('said');
    expect(new URL(page.url()).searchParams.getAll('country')).toEqual([name]);
    await expect.poll(async () => (await searchResults(page)).status).not.toBe(first.status);
    const narrowed = await searchResults(page);
    // The count beside the value was the number of results ticking it gives.
    expect(narrowed.status).toMatch(new RegExp(`^${shown} results?`));
    for (const d of narrowed.dates) expect(year === 'Undated' ? d : d?.slice(0, 4)).toBe(year === 'Undated' ? null : year);

    // Back: the address, the form and the results are those of the first search again.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('year')).toEqual([]);
    expect(new URL(page.url()).searchParams.getAll('country')).toEqual([name]);
    await expect.poll(() => yearBox.isChecked()).toBe(false);
    expect(await box.isChecked()).toBe(true);
    await expect.poll(async () => (await searchResults(page)).headlines).toEqual(first.headlines);

    // A second country narrows further too: to the articles about both, as many as its label said.
    const unticked = page.locator('fieldset', { hasText: 'Country' }).getByRole('checkbox', { checked: false }).first();
    if ((await unticked.count()) > 0) {
      const [, otherName, otherShown] = /^(.+) \((\d+)\)$/.exec((await unticked.evaluate((e) => e.closest('label')!.textContent!)).trim())!;
      await page.locator(`input[name="country"][value="${otherName}"]`).check();
      await expect.poll(async () => (await searchResults(page)).status).toMatch(new RegExp(`^${otherShown} results?`));
      for (const c of (await searchResults(page)).countries) {
        expect(c).toContain(name);
        expect(c).toContain(otherName!);
      }
    }
    await context.close();
  });

  it('sorts results newest first (and oldest first) by the article date', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // A country and a year with a handful of dated articles: all of them fit one screen of results.
    const pairs = new Map<string, Rec[]>();
    for (const a of articles) for (const c of a.countries) if (a.date) pairs.set(`${c} ${a.date.slice(0, 4)}`, [...(pairs.get(`${c} ${a.date.slice(0, 4)}`) ?? []), a]);
    const [key, members] = [...pairs.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).find(([, list]) => list.length >= 3 && list.length <= 10 && new Set(list.map((a) => a.date)).size === list.length)!;
    const [code, year] = key.split(' ') as [string, string];
    const newest = [...members].sort((x, y) => (x.date! < y.date! ? 1 : -1));
    const url = (sort: string) => `${base}search/index.html?country=${encodeURIComponent(countryName(code))}&year=${year}&sort=${sort}`;

    await page.goto(url('newest'));
    expect(await page.locator('#search-sort').inputValue()).toBe('newest');
    const down = await searchResults(page);
    expect(down.headlines).toEqual(newest.map((a) => a.headline));
    expect(down.dates).toEqual(newest.map((a) => a.date));

    await page.goto(url('oldest'));
    expect((await searchResults(page)).headlines).toEqual([...newest].reverse().map((a) => a.headline));

    // Choosing the order in the form puts it in the address.
    await page.locator('#search-sort').selectOption('newest');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('newest');
    await expect.poll(async () => (await searchResults(page)).headlines).toEqual(newest.map((a) => a.headline));

    // Undated articles have no date to sort by: they come after the dated ones, never left out.
    const withUndated = [...new Set(articles.flatMap((a) => a.countries))].sort()
      .find((c) => articles.some((a) => !a.date && a.countries.includes(c)) && articles.filter((a) => a.countries.includes(c)).length <= 10)!;
    const all = articles.filter((a) => a.countries.includes(withUndated));
    await page.goto(`${base}search/index.html?country=${encodeURIComponent(countryName(withUndated))}&sort=newest`);
    const mixed = await searchResults(page);
    expect(mixed.status).toMatch(new RegExp(`^${all.length} results?`));
    const firstUndated = mixed.dates.indexOf(null);
    expect(firstUndated).toBe(all.filter((a) => a.date).length);
    expect(mixed.dates.slice(firstUndated).every((d) => d === null)).toBe(true);
    expect(mixed.dates.slice(0, firstUndated)).toEqual(all.filter((a) => a.date).map((a) => a.date).sort().reverse());
    await context.close();
  });

  it('numbers a country\'s pages "page x of y" from the newest, with equal pages and the dates each spans', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const counts = new Map<string, number>();
    for (const a of articles) for (const c of a.countries) if (a.date) counts.set(c, (counts.get(c) ?? 0) + 1);
    const [code, dated] = [...counts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]!;
    const pages = Math.floor(dated / pageSize);
    expect(pages).toBeGreaterThanOrEqual(3);
    const expected = articles.filter((a) => a.date && a.countries.includes(code)).map((a) => a.headline);

    await page.goto(`${base}countries/${code.toLowerCase()}/index.html`);
    expect(await page.locator('.page-span strong').innerText()).toBe(`Page 1 of ${pages}`);
    const seen: string[] = [];
    for (let p = 1; p <= pages; p++) {
      if (p > 1) {
        // Page 2 is the next-newest, at page/<pages-1>/; later pages by the "Older" link.
        if (p === 2) await page.locator('.pager-pages a', { hasText: /^Page 2$/ }).click();
        else await page.locator('.pager a[rel="next"]').click();
        await page.waitForURL(new RegExp(`/countries/${code.toLowerCase()}/page/${pages - p + 1}/index\\.html$`));
        expect(await page.locator('.page-span strong').innerText()).toBe(`Page ${p} of ${pages}`);
        expect(await page.locator('main .card').count()).toBe(pageSize);
        expect(await page.title()).toContain(`page ${p} of ${pages}`);
      } else {
        expect(await page.locator('main .card').count()).toBe(dated - (pages - 1) * pageSize);
      }
      expect(await page.locator('.pager [aria-current="page"]').textContent()).toBe(`Page ${p}`);
      // The span is the newest and the oldest date on the page.
      const dates = await page.locator('main .card time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
      const span = (await page.locator('.page-span').innerText()).split(' · ')[1]!;
      const label = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
      expect(span).toBe(dates[0] === dates.at(-1) ? label(dates[0]!) : `${label(dates.at(-1)!)} – ${label(dates[0]!)}`);
      // No card repeats the country the page is about.
      expect(await page.locator('main .card .chip.country', { hasText: new RegExp(`^${countryName(code)}$`) }).count()).toBe(0);
      seen.push(...(await page.locator('main .card h3').allInnerTexts()).map((t) => t.trim()));
    }
    expect(await page.locator('.pager a[rel="next"]').count()).toBe(0);
    expect(seen).toEqual(expected);
    await context.close();
  });

  it('shows the archive as a year-by-month grid that fits a phone screen, linking each month', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${base}archive/index.html`);
    const perMonth = new Map<string, number>();
    for (const a of articles) if (a.date) perMonth.set(a.date.slice(0, 7), (perMonth.get(a.date.slice(0, 7)) ?? 0) + 1);
    const years = [...new Set([...perMonth.keys()].map((k) => k.slice(0, 4)))].sort().reverse();
    const rows = page.locator('.timeline-grid tbody tr');
    expect(await rows.count()).toBe(years.length);
    const cells = await page.locator('.timeline-grid tbody td a').evaluateAll((as) => as.map((a) => [a.getAttribute('aria-label')!, a.textContent!]));
    const expected = [...perMonth.entries()].sort(([x], [y]) => (x < y ? 1 : -1)).map(([k, n]) => [`${new Date(`${k}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })}: ${n} article${n === 1 ? '' : 's'}`, String(n)]);
    // Newest year first, months in calendar order within a year.
    const byRow = (list: string[][]) => [...list].sort(([x], [y]) => (x! < y! ? -1 : 1));
    expect(byRow(cells)).toEqual(byRow(expected));
    // The whole grid is on the screen: no sideways scrolling, nothing below the fold.
    const box = (await page.locator('.timeline-grid').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    // The undated articles are counted and have their own list.
    const undated = articles.filter((a) => !a.date).length;
    expect(await page.locator('.lead').innerText()).toContain(`${undated} undated`);

    // A month: its page lists its articles and steps to the months before and after.
    const [month, count] = [...perMonth.entries()].sort(([x], [y]) => (x < y ? 1 : -1))[1]!;
    const name = new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    await page.locator(`.timeline-grid a[aria-label^="${name}:"]`).click();
    await page.waitForURL(new RegExp(`/archive/${month.slice(0, 4)}/${month.slice(5, 7)}/index\\.html$`));
    expect((await page.locator('main h1').innerText()).trim()).toBe(name);
    expect(await page.locator('main .card').count()).toBe(count);
    const months = [...perMonth.keys()].sort().reverse();
    const i = months.indexOf(month);
    expect(await page.locator('.step-links a[rel="prev"]').getAttribute('href')).toContain(`/${months[i + 1]!.slice(5, 7)}/index.html`);
    expect(await page.locator('.step-links a[rel="next"]').getAttribute('href')).toContain(`/${months[i - 1]!.slice(5, 7)}/index.html`);

    // Undated articles: one list, as many as the archive has.
    await page.goto(`${base}index.html`);
    await page.locator('a', { hasText: `${undated} articles without a date` }).click();
    await page.waitForURL(/\/archive\/undated\/index\.html$/);
    expect(await page.locator('main .lead').innerText()).toBe(`${undated} articles`);
    expect(await page.locator('main .card time').count()).toBe(0);
    await context.close();
  });

  it('gives a country a timeline whose months lead to the page and day of their newest article', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const code = [...new Set(articles.flatMap((a) => a.countries))].sort().find((c) => articles.filter((a) => a.date && a.countries.includes(c)).length > 3 * pageSize)!;
    const mine = articles.filter((a) => a.date && a.countries.includes(code));
    await page.goto(`${base}countries/${code.toLowerCase()}/index.html`);
    await page.locator('.group-timeline summary').click();
    const cells = page.locator('.group-timeline td a');
    expect(await cells.count()).toBe(new Set(mine.map((a) => a.date!.slice(0, 7))).size);
    // The last cell (the oldest year's latest month): its newest article is on one of the last pages.
    const last = cells.last();
    const label = (await last.getAttribute('aria-label'))!;
    const [, monthName, year] = /^(\w+) (\d{4}): \d+ articles?$/.exec(label)!;
    const key = `${year}-${String(new Date(`${monthName} 1, 2000`).getMonth() + 1).padStart(2, '0')}`;
    const newestOfMonth = mine.find((a) => a.date!.startsWith(key))!;
    expect(Number(await last.innerText())).toBe(mine.filter((a) => a.date!.startsWith(key)).length);
    await last.click();
    await page.waitForURL(new RegExp(`/countries/${code.toLowerCase()}/page/\\d+/index\\.html#d-${newestOfMonth.date}$`));
    const heading = page.locator(`#d-${newestOfMonth.date}`);
    expect(await heading.isVisible()).toBe(true);
    expect(await page.locator(`section:has(#d-${newestOfMonth.date}) .card h3`).allInnerTexts()).toContain(newestOfMonth.headline);
    await context.close();
  });

  it('keeps the phone home page short, and text columns near 75 characters wide', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await phone.newPage();
    await page.goto(`${base}index.html`);
    // The home shows the latest few and the largest groups, and links to the indexes for the rest.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(6000);
    for (const index of ['countries', 'topics', 'archive']) expect(await page.locator(`.browse a[href$="${index}/index.html"]`).count()).toBe(1);
    await phone.close();
    const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const wide = await desktop.newPage();
    await wide.goto(`${base}archive/${articles.find((a) => a.date)!.date!.slice(0, 4)}/index.html`);
    const widths = await wide.evaluate(() => {
      const probe = document.createElement('div');
      probe.style.width = '75ch';
      document.querySelector('main .card')!.append(probe);
      const ch75 = probe.getBoundingClientRect().width;
      probe.remove();
      return { ch75, card: document.querySelector('main .card')!.getBoundingClientRect().width, main: document.querySelector('main')!.getBoundingClientRect().width };
    });
    expect(widths.main).toBeGreaterThan(widths.ch75 * 1.2);
    expect(widths.card).toBeLessThanOrEqual(widths.ch75 + 1);
    await desktop.close();
  });

  it('groups the countries index by region, and lists it by count on request', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const counts = new Map<string, number>();
    for (const a of articles) for (const c of a.countries) counts.set(c, (counts.get(c) ?? 0) + 1);
    await page.goto(`${base}countries/index.html`);
    const regions = await page.locator('main section h2').allInnerTexts();
    expect(regions.length).toBeGreaterThan(2);
    expect(regions.some((r) => r.startsWith('Middle East and North Africa'))).toBe(true);
    // Every country once, under one region.
    const listed = await page.locator('main section .group-list a').allInnerTexts();
    expect(listed).toHaveLength(counts.size);
    expect(new Set(listed).size).toBe(counts.size);
    await page.locator('.sort-links a', { hasText: 'By number of articles' }).click();
    await page.waitForURL(/\/countries\/by-count\/index\.html$/);
    const numbers = (await page.locator('main .group-list .count').allInnerTexts()).map((t) => Number(/^\d+/.exec(t)![0]));
    expect(numbers).toEqual([...counts.values()].sort((x, y) => y - x));
    await context.close();
  });

  it('has headings in order (no axe heading-order finding) on the home, list, index, archive and search pages', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const code = articles.find((a) => a.date && a.countries.length > 0)!.countries[0]!.toLowerCase();
    const urls = ['index.html', `countries/${code}/index.html`, `countries/${code}/undated/index.html`, 'countries/index.html', 'countries/by-count/index.html',
      'archive/index.html', 'archive/undated/index.html', `search/index.html?q=said`];
    const problems: string[] = [];
    for (const url of urls) {
      const response = await page.goto(`${base}${url}`);
      if (response?.status() === 404) continue; // a country with no undated articles has no undated list
      if (url.startsWith('search/')) await searchResults(page);
      await page.addScriptTag({ path: axePath });
      const results = await page.evaluate(() => (window as unknown as { axe: { run(o: unknown): Promise<AxeResults> } }).axe.run({ runOnly: ['heading-order', 'page-has-heading-one', 'empty-heading'] }));
      for (const v of results.violations) problems.push(`${url}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
