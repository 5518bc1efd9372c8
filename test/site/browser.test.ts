/**
 * The sample archive in a real browser (Debian's Chromium through playwright-core), served the
 * way a static host serves it, under a sub-path: a reader's journey through the pages, search
 * with a country filter, the 404 page, the skip link, axe-core, browsing from disk, and
 * screenshots at phone and desktop sizes in test-results/screenshots/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleRecords, buildSample, decodeHtml, repoRoot, type ArticleRecord, type BuiltSample } from './site-files.js';
import { startStaticServer, type StaticServer } from './static-server.js';

const chromiumPath = '/usr/bin/chromium';
const haveChromium = existsSync(chromiumPath);
// Without Chromium the test is skipped on a developer's machine, never in CI (.ci/run installs it).
const skip = !haveChromium && !process.env.CI;
if (skip) {
  console.warn(`browser.test.ts skipped: ${chromiumPath} not found (apt-get install chromium); set CI=1 to make its absence an error`);
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');
const viewports = { phone: { width: 375, height: 812 }, desktop: { width: 1280, height: 900 } } as const;

let site: BuiltSample;
let server: StaticServer;
let browser: Browser;
let base: string;
let articles: ArticleRecord[];

/** Same-origin responses that failed (4xx/5xx, or no response) while a page was open. */
function watchFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('response', (r) => {
    // Only the archive's own files count: Chromium also asks for /favicon.ico, outside /archive/.
    if (r.status() >= 400 && r.url().startsWith(base)) failures.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => failures.push(`failed ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  return failures;
}

async function newPage(viewport: { width: number; height: number } = viewports.desktop, colorScheme: 'light' | 'dark' = 'light'): Promise<{ context: BrowserContext; page: Page; failures: string[] }> {
  const context = await browser.newContext({ viewport, colorScheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  return { context, page, failures: watchFailures(page) };
}

const h1 = (page: Page): Promise<string> => page.locator('main h1').innerText().then((t) => t.trim());

/** Waits until Pagefind has answered the current query and returns the result headlines. */
async function searchResults(page: Page): Promise<string[]> {
  const status = page.locator('#search-status');
  await status.filter({ hasText: /\d+ results?|No results/ }).waitFor({ timeout: 10_000 });
  const n = Number(/^(\d+)/.exec((await status.innerText()).trim())?.[1] ?? 0);
  await expect.poll(() => page.locator('#search-results > li').count(), { timeout: 10_000 }).toBe(Math.min(n, 10));
  return page.locator('#search-results > li h2').allInnerTexts().then((ts) => ts.map((t) => t.trim()).sort());
}

describe.skipIf(skip)(`the archive in Chromium (${chromiumPath})`, () => {
  beforeAll(async () => {
    server = await startStaticServer('/archive/');
    base = `${server.origin}/archive/`;
    site = await buildSample(base);
    server.setRoot(site.dir);
    articles = articleRecords(site);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    site?.remove();
  });

  it('browses home → country → article → topic chip → older/newer article', async () => {
    const { context, page, failures } = await newPage();
    await page.goto(base);
    expect(await h1(page)).toBe('Dateline news archive');
    expect(await page.title()).toBe('Dateline news archive');

    // The first country of the home page's Browse box: its page lists its articles, newest first.
    const country = page.locator('aside[aria-label="Browse"] ul').first().locator('a').first();
    const name = (await country.innerText()).trim();
    await country.click();
    await page.waitForURL(/\/countries\/[a-z]+\/index\.html$/);
    const code = /\/countries\/([a-z]+)\//.exec(page.url())![1]!.toUpperCase();
    expect(await h1(page)).toBe(name);
    expect(await page.locator('.breadcrumbs [aria-current="page"]').innerText()).toBe(name);
    const inCountry = articles.filter((a) => a.countries.includes(code));
    expect(inCountry.length).toBeGreaterThan(0);
    // Dated articles by day on the country's page; undated ones on its own undated list, linked from it.
    const dated = inCountry.filter((a) => a.date !== null);
    if (dated.length > 0) expect(await page.locator('main .card h3').allInnerTexts()).toEqual(dated.map((a) => a.headline));
    const undated = inCountry.length - dated.length;
    if (dated.length > 0 && undated > 0) {
      expect(await page.locator('main .lead a', { hasText: `${undated} undated` }).count()).toBe(1);
    }

    // The first article of the list.
    const first = page.locator('main .card h3 a').first();
    const headline = (await first.innerText()).trim();
    await first.click();
    await page.waitForURL(/\/articles\/[^/]+\/index\.html$/);
    expect(await h1(page)).toBe(headline);
    expect(await page.title()).toBe(`${headline} · Dateline news archive`);

    // A topic chip in the story's header.
    const chip = page.locator('.story header .chip.topic').first();
    const topic = (await chip.innerText()).trim();
    await chip.click();
    await page.waitForURL(/\/topics\/[^/]+\/index\.html$/);
    expect(await h1(page)).toBe(topic);
    expect(await page.locator('main .card').count()).toBeGreaterThan(0);

    // An article of the topic, then its older (or newer) neighbour.
    await page.locator('main .card h3 a').first().click();
    await page.waitForURL(/\/articles\/[^/]+\/index\.html$/);
    // The archive's own sequence (rel prev/next), not the one within the country.
    const neighbour = page.locator('.prev-next a[rel]').first();
    const label = (await neighbour.locator('span[dir="auto"]').innerText()).trim();
    const direction = (await neighbour.getAttribute('rel'))!;
    const before = page.url();
    await neighbour.click();
    await page.waitForURL((u) => u.href !== before && /\/articles\/[^/]+\/index\.html$/.test(u.pathname));
    expect(await h1(page)).toBe(label);
    // …and the neighbour links back.
    const back = page.locator(`.prev-next a[rel="${direction === 'next' ? 'prev' : 'next'}"]`);
    await back.click();
    await page.waitForURL(before);
    expect(failures).toEqual([]);
    await context.close();
  });

  it('finds an article by a word of its body, and narrows the results with the country filter', async () => {
    const { context, page, failures } = await newPage();
    // A word that only one article's body contains…
    const words = (a: ArticleRecord): Set<string> => new Set(a.paragraphs.join(' ').toLowerCase().match(/\p{L}{6,}/gu) ?? []);
    const counts = new Map<string, number>();
    for (const a of articles) for (const w of words(a)) counts.set(w, (counts.get(w) ?? 0) + 1);
    const target = articles.find((a) => [...words(a)].some((w) => counts.get(w) === 1))!;
    const unique = [...words(target)].filter((w) => counts.get(w) === 1).sort()[0]!;

    await page.goto(`${base}search/index.html?q=${encodeURIComponent(unique)}`);
    expect(await h1(page)).toBe('Search');
    expect(await searchResults(page)).toEqual([target.headline]);
    await page.locator('#search-results h2 a').first().click();
    await page.waitForURL(new RegExp(`/articles/${target.slug}/`));
    expect(await h1(page)).toBe(target.headline);

    // …and a word many articles share, from more than one country: the filter keeps just
    // the results of that country.
    const shared = [...counts.entries()]
      .filter(([w, n]) => n >= 2 && new Set(articles.filter((a) => words(a).has(w)).flatMap((a) => a.countries)).size >= 2)
      .sort(([x, n], [y, m]) => m - n || (x < y ? -1 : 1))[0]![0];
    await page.goto(`${base}search/index.html?q=${encodeURIComponent(shared)}`);
    const all = await searchResults(page);
    const containing = articles.filter((a) => words(a).has(shared)).map((a) => a.headline);
    for (const h of containing) expect(all, `search for "${shared}"`).toContain(h);
    // A country some of the results are from, but not all.
    const byHeadline = new Map(articles.map((a) => [a.headline, a]));
    const code = [...new Set(all.flatMap((h) => byHeadline.get(h)?.countries ?? []))]
      .sort()
      .find((c) => all.some((h) => !byHeadline.get(h)?.countries.includes(c)))!;
    expect(code, `a country only some results of "${shared}" are from`).toBeDefined();
    const name = /<h1 dir="auto">([^<]*)<\/h1>/.exec(site.read(`countries/${code.toLowerCase()}/index.html`))![1]!;
    const expected = all.filter((h) => byHeadline.get(h)!.countries.includes(code));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);

    const checkbox = page.getByRole('checkbox', { name: `${decodeHtml(name)} (${expected.length})`, exact: true });
    await expect.poll(() => checkbox.isVisible(), { timeout: 10_000 }).toBe(true);
    await checkbox.check();
    await expect.poll(async () => (await searchResults(page)).join('\n'), { timeout: 10_000 }).toBe(expected.join('\n'));
    expect(failures).toEqual([]);
    await context.close();
  });

  it('answers a missing address with status 404 and a styled 404 page that leads back', async () => {
    const { context, page } = await newPage();
    const response = await page.goto(`${base}articles/no-such-story/`);
    expect(response?.status()).toBe(404);
    expect(await h1(page)).toBe('Page not found');
    expect(await page.locator('main').innerText()).toMatch(/There is no page at this address/);
    // The stylesheet loaded although the page is served from a deeper address than 404.html.
    expect(await page.locator('.skip-link').evaluate((e) => getComputedStyle(e).position)).toBe('absolute');
    await page.locator('main a', { hasText: 'latest articles' }).click();
    await page.waitForURL(`${base}index.html`);
    expect(await h1(page)).toBe('Dateline news archive');
    await context.close();
  });

  it('reaches a visible skip link with the first Tab, and it moves focus to the content', async () => {
    const { context, page } = await newPage(viewports.phone);
    await page.goto(`${base}articles/${articles[0]!.slug}/index.html`);
    const skip = page.locator('.skip-link');
    const hidden = (await skip.boundingBox())!;
    expect(hidden.y + hidden.height).toBeLessThanOrEqual(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    const shown = (await skip.boundingBox())!;
    expect(shown.y).toBeGreaterThanOrEqual(0);
    expect(shown.y + shown.height).toBeLessThanOrEqual(viewports.phone.height);
    expect(await skip.isVisible()).toBe(true);
    expect(await skip.innerText()).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    await context.close();
  });

  it('has no serious or critical axe-core violations on any kind of page, light or dark', async () => {
    const pages = {
      home: 'index.html',
      article: `articles/${articles[0]!.slug}/index.html`,
      list: 'countries/iq/index.html',
      groups: 'countries/index.html',
      timeline: 'archive/index.html',
      search: `search/index.html?q=${encodeURIComponent(articles[0]!.headline.split(' ')[0]!)}`,
      '404': 'articles/no-such-story/',
    };
    const problems: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const { context, page } = await newPage(viewports.desktop, scheme);
      for (const [kind, url] of Object.entries(pages)) {
        await page.goto(`${base}${url}`);
        if (kind === 'search') await searchResults(page);
        await page.addScriptTag({ path: axePath });
        const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
        for (const v of results.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
          problems.push(`${kind} (${scheme}): ${v.id} [${v.impact}] ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
        }
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  it('browses from disk: file:// home page → an article, with its stylesheet', async () => {
    const { context, page } = await newPage();
    await page.goto(pathToFileURL(path.join(site.dir, 'index.html')).href);
    expect(await h1(page)).toBe('Dateline news archive');
    const link = page.locator('main .card h3 a').first();
    const headline = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL(/^file:.*\/articles\/[^/]+\/index\.html$/);
    expect(await h1(page)).toBe(headline);
    expect(await page.locator('.skip-link').evaluate((e) => getComputedStyle(e).position)).toBe('absolute');
    // Search needs HTTP: from disk the page says so instead of failing silently.
    await page.locator('.site-header a', { hasText: 'Search' }).click();
    await page.waitForURL(/^file:.*\/search\/index\.html$/);
    expect(await page.locator('.search-unavailable').isVisible()).toBe(true);
    await context.close();
  });

  it('lays out home, article, country list and search results at phone and desktop sizes (screenshots)', async () => {
    mkdirSync(screenshotDir, { recursive: true });
    const shots = {
      home: 'index.html',
      article: `articles/${articles.find((a) => a.countries.length > 1)?.slug ?? articles[0]!.slug}/index.html`,
      country: 'countries/sy/index.html',
      search: `search/index.html?q=${encodeURIComponent('security')}`,
    };
    const problems: string[] = [];
    for (const [device, viewport] of Object.entries(viewports)) {
      const { context, page, failures } = await newPage(viewport);
      for (const [name, url] of Object.entries(shots)) {
        await page.goto(`${base}${url}`);
        if (name === 'search') await searchResults(page);
        // Nothing sticks out sideways: no horizontal scrolling on a phone.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) problems.push(`${name} (${device}) is ${overflow}px wider than the screen`);
        await page.screenshot({ path: path.join(screenshotDir, `${name}-${device}.png`) });
        await page.screenshot({ path: path.join(screenshotDir, `${name}-${device}-full.png`), fullPage: true });
      }
      problems.push(...failures);
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});
