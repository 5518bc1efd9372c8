/**
 * Quality of the built sample archive as files: valid HTML, no broken internal links, feeds,
 * sitemap and robots.txt that parse, and the metadata every article page promises.
 */
import { HtmlValidate, type ConfigData } from 'html-validate';
import { LinkChecker, LinkState } from 'linkinator';
// xml-js (sax in strict mode underneath) comes with `feed`, the package that writes the feeds.
import { xml2js, type Element } from 'xml-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleRecords, buildSample, decodeHtml, startTags, type ArticleRecord, type BuiltSample } from './site-files.js';
import { startStaticServer, type StaticServer } from './static-server.js';

const siteUrl = 'https://news.example/archive/';
const publisherLogo = 'https://news.example/logo.png';

/**
 * html-validate's recommended rules, minus one that is about search-engine snippets, not HTML:
 * - `long-title`: an article's <title> is its headline plus " · <site title>"; news headlines
 *   run past the rule's 70 characters and must not be cut in the page's own title.
 */
const htmlValidateConfig: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    'long-title': 'off',
  },
};

let site: BuiltSample;
let articles: ArticleRecord[];
const html = (): string[] => site.files.filter((f) => f.endsWith('.html'));

beforeAll(async () => {
  // One article a page, so that the pagers, the numbered pages and the timelines are checked too.
  site = await buildSample(siteUrl, { publisherLogo, pageSize: 1 });
  articles = articleRecords(site);
}, 30_000);
afterAll(() => site?.remove());

/** The site-relative file a URL under the site URL names (`…/articles/x/` → `articles/x/index.html`), or null. */
function fileOf(url: string): string | null {
  if (!url.startsWith(siteUrl)) return null;
  const rel = decodeURIComponent(new URL(url).pathname.slice(new URL(siteUrl).pathname.length));
  return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
}

/** Parses XML strictly (throws on any well-formedness error) and returns its single root element. */
function xmlRoot(text: string, file: string): Element {
  let doc: Element;
  try {
    doc = xml2js(text, { compact: false, captureSpacesBetweenElements: false }) as Element;
  } catch (error) {
    throw new Error(`${file} is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const roots = (doc.elements ?? []).filter((e) => e.type === 'element');
  if (roots.length !== 1) throw new Error(`${file} has ${roots.length} root elements`);
  return roots[0]!;
}

const children = (e: Element, name: string): Element[] => (e.elements ?? []).filter((c) => c.type === 'element' && c.name === name);
const textOf = (e: Element | undefined): string =>
  (e?.elements ?? []).map((c) => (c.type === 'text' ? String(c.text) : c.type === 'cdata' ? String(c.cdata) : '')).join('').trim();
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

describe('the built sample archive', () => {
  it('has the pages, feeds and files a reader and a crawler need', () => {
    for (const f of ['index.html', '404.html', 'search/index.html', 'countries/index.html', 'topics/index.html', 'credits/index.html',
      'archive/index.html', 'feed.xml', 'feed.json', 'sitemap.xml', 'robots.txt', 'data/articles.json', 'data/report.json',
      'pagefind/2025/pagefind.js', 'assets/style.css', 'assets/search.js', 'assets/favicon.svg', 'archive/undated/index.html', 'countries/by-count/index.html']) {
      expect(site.files, f).toContain(f);
    }
    expect(articles.length).toBeGreaterThan(0);
    for (const a of articles) expect(site.files).toContain(`articles/${a.slug}/index.html`);
    // A favicon on every page, so a browser's /favicon.ico guess is never needed (nor a 404).
    for (const file of html()) {
      const icons = startTags(site.read(file), 'link').filter((l) => l.rel === 'icon');
      expect(icons.map((l) => l.type), file).toEqual(['image/svg+xml']);
      expect(icons[0]!.href!.endsWith('assets/favicon.svg'), file).toBe(true);
    }
    expect(site.read('assets/favicon.svg')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it('has no html-validate errors on any HTML page', async () => {
    const validator = new HtmlValidate(htmlValidateConfig);
    const problems: string[] = [];
    for (const file of html()) {
      const report = await validator.validateString(site.read(file), file);
      for (const r of report.results) {
        for (const m of r.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(html().length).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });

  describe('links', () => {
    let server: StaticServer;
    beforeAll(async () => {
      server = await startStaticServer('/archive/');
      server.setRoot(site.dir);
    });
    afterAll(() => server?.close());

    it('has no broken internal link, stylesheet, script or #fragment on any page (linkinator)', async () => {
      const base = `${server.origin}/archive/`;
      const checker = new LinkChecker();
      // Every HTML page is a starting point (404.html and paginated pages are linked from nowhere
      // or from few places); linkinator follows each same-origin link from there. Links off the
      // local server (canonical URLs under news.example, original sources) are not fetched; a
      // relative link that climbs out of /archive/ is fetched, and is broken.
      const result = await checker.check({
        path: html().map((f) => `${base}${f}`),
        recurse: true,
        checkFragments: true,
        checkCss: true,
        concurrency: 16,
        timeout: 10_000,
        linksToSkip: async (link) => !link.startsWith(`${server.origin}/`),
      });
      const broken = result.links
        .filter((l) => l.state === LinkState.BROKEN)
        .map((l) => `${l.url.replace(base, '')} (${l.status ?? 'no response'}) in ${l.parent?.replace(base, '') ?? 'start'}`);
      expect(broken).toEqual([]);
      const checked = new Set(result.links.filter((l) => l.state === LinkState.OK).map((l) => l.url.replace(base, '')));
      for (const f of ['index.html', 'assets/style.css', 'assets/favicon.svg', 'assets/search.js', 'feed.xml', 'countries/iq/feed.json', ...articles.map((a) => `articles/${a.slug}/index.html`)]) {
        expect(checked, f).toContain(f);
      }
    });

    it('links between pages with relative URLs that end in index.html (the archive browses from disk)', () => {
      const problems: string[] = [];
      for (const file of html().filter((f) => f !== '404.html')) {
        for (const tag of [...startTags(site.read(file), 'a'), ...startTags(site.read(file), 'link'), ...startTags(site.read(file), 'script')]) {
          const url = tag.href ?? tag.src;
          if (url === undefined || /^(?:https?:|mailto:|#)/.test(url) || tag.rel === 'canonical') continue;
          if (url.startsWith('/')) problems.push(`${file}: root-relative ${url}`);
          else if (url.endsWith('/')) problems.push(`${file}: folder link without index.html ${url}`);
        }
      }
      expect(problems).toEqual([]);
      // 404.html is served at any missing address, so it links from the site's root path instead.
      const notFound = [...startTags(site.read('404.html'), 'a'), ...startTags(site.read('404.html'), 'link')]
        .map((t) => t.href!)
        .filter((u) => u !== undefined && !/^(?:https?:|#)/.test(u));
      expect(notFound.length).toBeGreaterThan(5);
      expect(notFound.filter((u) => !u.startsWith('/archive/'))).toEqual([]);
    });
  });

  it('writes well-formed Atom feeds: namespace, id, title, updated, and entries with id, title, updated and a link to a page', () => {
    const feeds = site.files.filter((f) => f.endsWith('feed.xml'));
    expect(feeds).toContain('feed.xml');
    expect(feeds).toContain('countries/iq/feed.xml');
    expect(feeds.some((f) => f.startsWith('topics/'))).toBe(true);
    for (const file of feeds) {
      const root = xmlRoot(site.read(file), file);
      expect(root.name, file).toBe('feed');
      expect(root.attributes?.xmlns, file).toBe('http://www.w3.org/2005/Atom');
      expect(textOf(children(root, 'id')[0]), file).not.toBe('');
      expect(textOf(children(root, 'title')[0]), file).not.toBe('');
      expect(textOf(children(root, 'updated')[0]), file).toMatch(rfc3339);
      // RFC 4287 4.1.1: an author at feed level, unless every entry has one; it must have a name.
      const authors = children(root, 'author');
      expect(authors.length, `${file}: feed author`).toBe(1);
      expect(textOf(children(authors[0]!, 'name')[0]), `${file}: author name`).toBe('Dateline news archive');
      expect(textOf(children(authors[0]!, 'uri')[0]), `${file}: author uri`).toBe(siteUrl);
      const self = children(root, 'link').find((l) => l.attributes?.rel === 'self');
      expect(self?.attributes?.href, file).toBe(`${siteUrl}${file}`);
      const entries = children(root, 'entry');
      expect(entries.length, file).toBeGreaterThan(0);
      const ids = new Set<string>();
      for (const entry of entries) {
        const id = textOf(children(entry, 'id')[0]);
        expect(id, file).not.toBe('');
        expect(ids.has(id), `${file}: duplicate entry id ${id}`).toBe(false);
        ids.add(id);
        expect(textOf(children(entry, 'title')[0]), `${file} ${id}`).not.toBe('');
        expect(textOf(children(entry, 'updated')[0]), `${file} ${id}`).toMatch(rfc3339);
        // <published> only for the article's own date, never for a photo date alone.
        const record = articles.find((a) => a.headline === textOf(children(entry, 'title')[0]).replace(/&amp;/g, '&'));
        const published = children(entry, 'published');
        if (record?.date && record.dateSource !== 'caption') expect(textOf(published[0]), `${file} ${id}: published`).toBe(`${record.date}T00:00:00.000Z`);
        else expect(published, `${file} ${id}: published`).toEqual([]);
        const href = String(children(entry, 'link')[0]?.attributes?.href ?? '');
        expect(site.files, `${file} ${id}: link ${href}`).toContain(fileOf(href));
      }
    }
  });

  it('writes JSON Feed 1.1 documents: title, feed URLs and items with id, url and content', () => {
    const feeds = site.files.filter((f) => f.endsWith('feed.json'));
    expect(feeds).toContain('feed.json');
    expect(feeds).toContain('countries/iq/feed.json');
    for (const file of feeds) {
      const feed = JSON.parse(site.read(file)) as Record<string, unknown>;
      // The version string is checked strictly below (known defect); the rest follows 1.1.
      expect(feed.version, file).toMatch(/^https:\/\/jsonfeed\.org\/version\/1(?:\.1)?$/);
      expect(typeof feed.title === 'string' && feed.title !== '', file).toBe(true);
      expect(feed.feed_url, file).toBe(`${siteUrl}${file}`);
      expect(site.files, `${file}: home_page_url`).toContain(fileOf(String(feed.home_page_url)));
      expect(feed.author, `${file}: "author" is deprecated in 1.1; use "authors"`).toBeUndefined();
      // JSON Feed 1.1: authors (name and url) and language at the top.
      expect(feed.authors, `${file}: authors`).toEqual([{ name: 'Dateline news archive', url: siteUrl }]);
      expect(feed.language, `${file}: language`).toBe('en');
      expect(Array.isArray(feed.items) && feed.items.length > 0, file).toBe(true);
      const ids = new Set<string>();
      for (const item of feed.items as Array<Record<string, unknown>>) {
        expect(typeof item.id === 'string' && item.id !== '', `${file}: item id`).toBe(true);
        expect(ids.has(item.id as string), `${file}: duplicate item id ${String(item.id)}`).toBe(false);
        ids.add(item.id as string);
        const content = item.content_html ?? item.content_text;
        expect(typeof content === 'string' && content !== '', `${file} ${String(item.id)}: content_html or content_text`).toBe(true);
        expect(site.files, `${file} ${String(item.id)}: url`).toContain(fileOf(String(item.url)));
        const record = articles.find((a) => a.headline === item.title);
        expect(record, `${file}: item ${String(item.title)}`).toBeDefined();
        expect(item.date_published, `${file} ${String(item.id)}: date_published only for the article's own date`)
          .toBe(record!.date && record!.dateSource !== 'caption' ? `${record!.date}T00:00:00.000Z` : undefined);
        for (const key of ['date_published', 'date_modified']) {
          if (item[key] !== undefined) expect(item[key], `${file} ${String(item.id)}: ${key}`).toMatch(rfc3339);
        }
        if (item.tags !== undefined) expect((item.tags as unknown[]).every((t) => typeof t === 'string'), `${file}: tags`).toBe(true);
        if (item.authors !== undefined) expect(Array.isArray(item.authors), `${file}: authors`).toBe(true);
      }
    }
  });

  it('declares "https://jsonfeed.org/version/1.1" in every feed.json', () => {
    for (const file of site.files.filter((f) => f.endsWith('feed.json'))) {
      expect((JSON.parse(site.read(file)) as { version: string }).version, file).toBe('https://jsonfeed.org/version/1.1');
    }
  });

  it('writes a well-formed sitemap of absolute URLs of existing pages, every page listed once', () => {
    const root = xmlRoot(site.read('sitemap.xml'), 'sitemap.xml');
    expect(root.name).toBe('urlset');
    expect(root.attributes?.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = children(root, 'url').map((u) => textOf(children(u, 'loc')[0]));
    for (const u of children(root, 'url')) expect(textOf(children(u, 'lastmod')[0]), textOf(children(u, 'loc')[0])).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const lastmodOf = (url: string): string => textOf(children(children(root, 'url').find((u) => textOf(children(u, 'loc')[0]) === url)!, 'lastmod')[0]);
    for (const a of articles) if (a.date) expect(lastmodOf(`${siteUrl}articles/${a.slug}/`), a.slug).toBe(a.date);
    expect(new Set(locs).size).toBe(locs.length);
    for (const loc of locs) {
      expect(loc, loc).toMatch(/^https:\/\//);
      expect(site.files, `sitemap lists ${loc}`).toContain(fileOf(loc));
    }
    const listed = new Set(locs.map(fileOf));
    const pages = html().filter((f) => f.endsWith('index.html'));
    // Every page but the search page, which has no content of its own for a crawler.
    expect(pages.filter((p) => !listed.has(p))).toEqual(['search/index.html']);
    expect(listed.has('404.html')).toBe(false);
  });

  it('names the sitemap in robots.txt', () => {
    expect(site.read('robots.txt')).toMatch(new RegExp(`^Sitemap: ${siteUrl.replace(/[.]/g, '\\.')}sitemap\\.xml$`, 'm'));
    expect(site.read('robots.txt')).toMatch(/^User-agent: \*$/m);
  });

  it('gives every article page a canonical URL, Open Graph article tags and NewsArticle JSON-LD', () => {
    for (const a of articles) {
      const file = `articles/${a.slug}/index.html`;
      const page = site.read(file);
      const canonical = `${siteUrl}articles/${a.slug}/`;
      const links = startTags(page, 'link');
      expect(links.filter((l) => l.rel === 'canonical').map((l) => l.href), file).toEqual([canonical]);
      const meta = startTags(page, 'meta').filter((m) => m.property !== undefined);
      const og = (p: string): string[] => meta.filter((m) => m.property === p).map((m) => m.content!);
      expect(og('og:type'), file).toEqual(['article']);
      expect(og('og:url'), file).toEqual([canonical]);
      expect(og('og:title'), file).toEqual([a.headline]);
      // Every country and topic shown as a chip in the story's header is an article:tag.
      const header = page.slice(page.indexOf('<article class="story">'), page.indexOf('</header>', page.indexOf('<article class="story">')));
      const chips = [...header.matchAll(/<a class="chip [^"]*"[^>]*>([^<]*)<\/a>/g)].map((m) => decodeHtml(m[1]!));
      expect(chips.length, `${file}: chips`).toBeGreaterThan(0);
      const tags = og('article:tag');
      expect(tags.length, file).toBeGreaterThan(0);
      for (const chip of new Set(chips)) expect(tags, `${file}: chip ${chip}`).toContain(chip);

      const scripts = [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      const graph = scripts.map((x) => JSON.parse(x) as Record<string, any>);
      expect(graph.map((x) => x['@type']), file).toEqual(['NewsArticle', 'BreadcrumbList']);
      const [ld, trail] = graph as [Record<string, any>, Record<string, any>];
      expect(ld['@context'], file).toBe('https://schema.org');
      expect(ld['@type'], file).toBe('NewsArticle');
      expect(typeof ld.headline === 'string' && ld.headline.length > 0 && ld.headline.length <= 110, `${file}: headline`).toBe(true);
      expect(a.headline.startsWith(ld.headline.replace(/…$/, '')), `${file}: headline`).toBe(true);
      expect(ld.url, file).toBe(canonical);
      // Google's Article guidelines: no image without a URL (there is never a photo file here),
      // datePublished when the article's own date is known, author and publisher with a name.
      expect(ld.image, `${file}: image`).toBeUndefined();
      expect(ld.datePublished, `${file}: datePublished`).toBe(a.date && a.dateSource !== 'caption' ? a.date : undefined);
      expect(ld.author, `${file}: author`).toEqual({ '@type': 'Organization', name: 'Dateline news archive', url: siteUrl, logo: { '@type': 'ImageObject', url: publisherLogo } });
      expect(ld.publisher, `${file}: publisher`).toEqual(ld.author);
      const crumbs = trail.itemListElement as Array<Record<string, any>>;
      expect(trail['@context'], file).toBe('https://schema.org');
      expect(crumbs.map((c) => c.position), file).toEqual(crumbs.map((_, i) => i + 1));
      expect(crumbs[0], file).toEqual({ '@type': 'ListItem', position: 1, name: 'Home', item: siteUrl });
      expect(crumbs[1], file).toEqual({ '@type': 'ListItem', position: 2, name: og('article:tag')[0], item: `${siteUrl}countries/${a.countries[0]!.toLowerCase()}/` });
      expect(crumbs.at(-1), file).toEqual({ '@type': 'ListItem', position: crumbs.length, name: a.headline, item: canonical });
      const places = ld.contentLocation as Array<Record<string, string>>;
      expect(Array.isArray(places) && places.length > 0, `${file}: contentLocation`).toBe(true);
      expect(places.map((p) => p.identifier), `${file}: contentLocation`).toEqual(a.countries);
      for (const p of places) {
        expect(p['@type'], file).toBe('Country');
        expect(p.name, file).toBeTruthy();
      }
    }
  });
});
