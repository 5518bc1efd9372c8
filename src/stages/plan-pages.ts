import type { Archive, Article, BuildReport, Collection } from '../model/types.js';
import type { SiteConfig } from '../config.js';
import { archiveTimeline, groupListPlans, timelinePlans, type ListContext } from './plan-lists.js';
import { articleCount, cardInput, formatDate, siteInputs, type CardInput, type Names, type SiteInputs } from '../views/page-view.js';
import { absoluteUrl, outputPath, urls } from '../views/site-urls.js';
import { nearestIn, relatedArticles } from '../views/related-articles.js';
import type { PagePlan, SitemapUrl } from '../views/page-views.js';
import type { FeedInputs } from '../views/feed-view.js';
import type { GroupLink } from '../views/pages/home.js';
import { countryRegion } from '../enrich/country-regions.js';
import { leadOf } from '../model/lazy-fields.js';
import { captionWithoutCredit } from '../text/text-key.js';
import { searchBundles, searchParts, searchYear, type SearchParts } from '../search/search-partitions.js';
import { hashText, memoByText, memoDerived, type HashMemo } from '../cache/stable-hash.js';

/** Inputs of page planning besides the archive. */
export interface PlanInput {
  readonly config: SiteConfig;
  readonly archive: Archive;
  readonly report: BuildReport;
  readonly countryName: (code: string) => string;
  readonly topicName: (slug: string) => string;
  /** The build's date (SOURCE_DATE_EPOCH or the newest article's date), never the clock. */
  readonly buildDate: string;
  /** Content hashes of the articles (see `hashInputs`): each card made gets one derived from its article's. */
  readonly memo?: HashMemo;
  /**
   * A hash of the whole country and topic name tables. What a page reads of the names is a
   * function of the articles or cards it shows, which its key covers already, and of these
   * tables: with this hash, a page's key takes it instead of the text of the names.
   */
  readonly namesHash?: string;
  /** The archive's search bundles, when the build has cut it already (by default they are cut here). */
  readonly searchParts?: SearchParts;
}

/** What planning helpers share: the site settings and the name tables. */
interface PlanContext {
  readonly site: SiteInputs;
  readonly config: SiteConfig;
  readonly archive: Archive;
  readonly countryName: (code: string) => string;
  readonly topicName: (slug: string) => string;
  /** The card of an article: made once per build, so every page showing it hashes it by its article's hash. */
  readonly card: (a: Article) => CardInput;
  readonly memo: HashMemo | undefined;
  /** The names of the archive's countries and topics, shared by every page (see `archiveNames`). */
  readonly names: Names;
}

/**
 * `make` for each article once per build, its result hashed by its article's hash (under the
 * name `kind`): every page showing an article's card or link hashes a short text for it.
 */
function perArticle<T extends object>(memo: HashMemo | undefined, kind: string, make: (a: Article) => T): (a: Article) => T {
  const made = new WeakMap<Article, T>();
  return (a) => {
    let value = made.get(a);
    if (value === undefined) {
      value = memoDerived(memo, kind, a, make(a));
      made.set(a, value);
    }
    return value;
  };
}

/**
 * Plans every output file of the archive: what goes where, which template renders it, which
 * view it gets and the inputs that view reads. Inputs are made only when a page is keyed or
 * rendered, so a large archive's inputs never sit in memory together. Pure; paths are unique.
 */
export function planPages(input: PlanInput): PagePlan[] {
  const { config, archive } = input;
  const site = memoByText(input.memo, 'site', siteInputs(config));
  const ctx: PlanContext = { site, config, archive, countryName: input.countryName, topicName: input.topicName, card: perArticle(input.memo, 'card', cardInput), memo: input.memo, names: archiveNames(input) };
  const link = perArticle(input.memo, 'link', (n) => ({ headline: n.headline, slug: n.slug }));
  const brief = perArticle(input.memo, 'brief', (n) => ({ headline: n.headline, slug: n.slug, date: n.date }));
  const lists: ListContext = { site, config, archive, names: ctx.names, card: ctx.card };
  const plans: PagePlan[] = [];
  const get = (id: string): Article => archive.byId.get(id)!;
  const links = (groups: readonly Collection[]): GroupLink[] => groups.map((g) => ({ key: g.key, name: g.name, count: g.articleIds.length }));
  const topLinks = (groups: readonly Collection[], n: number): GroupLink[] => links(groups).sort((x, y) => y.count - x.count).slice(0, n);

  // Home
  {
    const path = outputPath(urls.home);
    plans.push({
      path,
      template: 'home',
      view: 'home',
      inputs: () => {
        const latest = archive.articles.slice(0, config.homeSize).map(ctx.card);
        return {
          site, path,
          total: articleCount(archive.articles.length),
          latest,
          names: ctx.names,
          more: archive.articles.length > latest.length,
          // The home shows the largest groups and the latest months only, and links to the full indexes.
          countries: topLinks(archive.countries, 10),
          topics: topLinks(archive.topics, 10),
          credits: topLinks(archive.credits, 5),
          months: links(archive.months.slice(0, 6)),
          totals: { countries: archive.countries.length, topics: archive.topics.length, credits: archive.credits.length, months: archive.months.length },
          undated: archive.articles.filter((a) => a.date === null).length,
        };
      },
    });
  }

  // Articles
  let allIds: string[] | undefined;
  archive.articles.forEach((a, i) => {
    const url = urls.article(a.slug);
    const path = outputPath(url);
    plans.push({
      path,
      template: 'article',
      view: 'article',
      search: () => ({
        url: `/${url}`,
        title: a.headline,
        content: [a.headline, ...a.captions.map(captionWithoutCredit), ...a.paragraphs].join('\n'),
        filters: { country: a.countries.map(ctx.countryName), topic: a.topics.map(ctx.topicName), year: [searchYear(a)] },
        meta: searchMeta(ctx, a),
        sort: a.date ? { date: a.date } : ({} as Record<string, string>),
      }),
      inputs: () => {
        const related = relatedArticles(archive, a, 5).map(ctx.card);
        const neighbour = (n: Article | null | undefined) => (n ? link(n) : null);
        // Newer and older within the main country too; the side column: its stories nearest in time.
        const home = a.countries[0] === undefined ? undefined : archive.countryByKey.get(a.countries[0]);
        const near = home ? nearestIn(archive, home.articleIds, a, 5) : null;
        const around = near && near.nearest.length > 0 ? null : nearestIn(archive, (allIds ??= archive.articles.map((x) => x.id)), a, 5);
        return {
          site, path, url,
          article: a,
          names: ctx.names,
          creditKey: a.agency ? (archive.creditKeyOf.get(a.agency) ?? 'unknown') : null,
          newer: neighbour(archive.articles[i - 1]),
          older: neighbour(archive.articles[i + 1]),
          inCountry: near ? { newer: neighbour(near.newer), older: neighbour(near.older) } : null,
          more: (around ?? near)!.nearest.map(brief),
          moreInCountry: around === null,
          related,
        };
      },
    });
  });

  // Countries, topics, credits (by agency): an index, a paginated list and feeds each.
  const sections = [
    { label: 'Countries', indexUrl: urls.countries, groups: archive.countries, kind: 'country', feeds: true },
    { label: 'Topics', indexUrl: urls.topics, groups: archive.topics, kind: 'topic', feeds: true },
    { label: 'Photo credits', indexUrl: urls.credits, groups: archive.credits, kind: 'credit', feeds: true },
  ] as const;
  // Each region's distinct articles, made once a build for the countries index by region.
  let regions: Record<string, number> | undefined;
  for (const s of sections) {
    // The index in two orders: by name (countries under their regions) at the index URL, by count under `by-count/`.
    const orders = { name: s.indexUrl, count: `${s.indexUrl}by-count/` };
    for (const order of ['name', 'count'] as const) {
      const url = orders[order];
      const path = outputPath(url);
      plans.push({
        path,
        template: 'groups',
        view: 'groups',
        inputs: () => ({
          site, path, url, heading: s.label, kind: s.kind, order, orders,
          groups: s.kind === 'country' ? links(s.groups).map((g) => ({ ...g, region: countryRegion(g.key) })) : links(s.groups),
          // Only the index by region shows the regions' counts: the one by count does not depend on them.
          ...(s.kind === 'country' && order === 'name' ? { regionCounts: (regions ??= regionCounts(archive)) } : {}),
        }),
      });
    }
    for (const g of s.groups) {
      const base = urls[s.kind](g.key);
      plans.push(...groupListPlans(lists, g, {
        base,
        breadcrumbs: [{ label: 'Home', url: urls.home }, { label: s.label, url: s.indexUrl }],
        feeds: s.feeds ? { atom: `${base}feed.xml`, json: `${base}feed.json`, title: g.name } : null,
        own: s.kind === 'credit' ? null : { kind: s.kind, key: g.key },
        timeline: s.kind !== 'credit',
      }));
      if (s.feeds) plans.push(...feedPlans(ctx, input.buildDate, base, `${g.name} · ${config.title}`, () => g.articleIds.slice(0, 50).map(get)));
    }
  }

  // Timeline: the year-by-month grid, each year, each month, and the undated articles.
  {
    const path = outputPath(urls.archive);
    const undated = archive.articles.filter((a) => a.date === null).length;
    plans.push({
      path,
      template: 'timeline',
      view: 'timeline',
      inputs: () => ({ site, path, years: archiveTimeline(archive), total: archive.articles.length, undated }),
    });
    plans.push(...timelinePlans(lists));
  }

  // Search, 404, feeds, data, sitemap, robots, stylesheet. Both search pages list the same
  // bundles: the archive is cut into them once, when the first is keyed.
  let bundles: string[] | undefined;
  for (const [url, template, title] of [[urls.search, 'search', 'Search'], ['404.html', '404', 'Page not found']] as const) {
    const path = url === '404.html' ? url : outputPath(url);
    plans.push({
      path,
      template,
      view: 'search',
      inputs: () => ({ site, path, url, title, countries: links(archive.countries), topics: links(archive.topics), bundles: (bundles ??= searchBundles((input.searchParts ?? searchParts(archive.articles, config.searchBundleSize)).parts)) }),
    });
  }
  plans.push(...feedPlans(ctx, input.buildDate, '', config.title, () => archive.articles.slice(0, 50)));
  plans.push({ path: 'data/articles.json', template: 'json-list', view: 'articles', inputs: () => ({ articles: archive.articles }) });
  plans.push({ path: 'data/report.json', template: 'json', view: 'report', inputs: () => ({ report: input.report }) });
  if (config.siteUrl) plans.push(...sitemapPlans(config.siteUrl, sitemapEntries(plans, archive, input.buildDate)));
  const robots = `User-agent: *\nAllow: /\n${config.siteUrl ? `Sitemap: ${absoluteUrl(config.siteUrl, 'sitemap.xml')}\n` : ''}`;
  plans.push({ path: 'robots.txt', template: 'text', view: 'text', inputs: () => ({ text: robots }) });
  for (const name of ['assets/style.css', 'assets/search.js', 'assets/favicon.svg']) plans.push({ path: name, template: 'asset', view: 'asset', inputs: () => ({ name }) });
  return plans;
}

/** Each region's distinct articles: an article about two countries of a region counts once for it. */
function regionCounts(archive: Archive): Record<string, number> {
  const counts: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const a of archive.articles) {
    for (const region of new Set(a.countries.map(countryRegion))) counts[region] = (counts[region] ?? 0) + 1;
  }
  return counts;
}

/** What a search result shows under its title: the date, the countries and the first line. */
function searchMeta(ctx: PlanContext, a: Article): Record<string, string> {
  const lead = leadOf(a);
  const cut = lead.lastIndexOf(' ', 240);
  const first = lead.length <= 240 ? lead : `${lead.slice(0, cut > 120 ? cut : 240)}…`;
  return {
    date: a.date ?? '',
    dateLabel: a.date ? formatDate(a.date) : 'Undated',
    countries: a.countries.map(ctx.countryName).join(', '),
    first,
  };
}

/**
 * The names of every country and topic the archive holds, one object for all pages: a page's
 * view reads the names of what it shows from it. Made once, not per page (a table per page cost
 * a third of keying an unchanged archive). A page's key takes it as the hash of the name tables
 * (`namesHash`): what a view reads of it is a function of the tables and of the articles or
 * cards the page shows, which its key covers already. Without that hash, as the hash of its text.
 * The tables have no prototype, so a code never meets an inherited property.
 */
function archiveNames(input: PlanInput): Names {
  const countries: Record<string, string> = Object.create(null) as Record<string, string>;
  const topics: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const g of input.archive.countries) countries[g.key] = input.countryName(g.key);
  for (const g of input.archive.topics) topics[g.key] = input.topicName(g.key);
  const names = { countries, topics };
  input.memo?.set(names, input.namesHash === undefined ? `names ${hashText(JSON.stringify(names))}` : `names by tables ${input.namesHash}`);
  return names;
}

/** An Atom and a JSON Feed of the given articles, at `<base>feed.xml` and `<base>feed.json`. */
function feedPlans(ctx: PlanContext, buildDate: string, base: string, title: string, articles: () => readonly Article[]): PagePlan[] {
  // Both feeds read the same inputs: made once, let go after the second use, so a renderer
  // that remembers views by their inputs builds the feed's view once.
  let made: FeedInputs | undefined;
  let uses = 0;
  const inputs = (): FeedInputs => {
    const items = made === undefined ? articles() : made.articles;
    made ??= { site: ctx.site, names: ctx.names, buildDate, base, title, articles: items };
    const v = made;
    if (++uses % 2 === 0) made = undefined;
    return v;
  };
  return [
    { path: `${base}feed.xml`, template: 'atom', view: 'feed', inputs },
    { path: `${base}feed.json`, template: 'jsonfeed', view: 'feed', inputs },
  ];
}

/**
 * The pages a sitemap lists, with their last modification: an article's date (the build's date
 * when it has none), and the build's date for every list (it changes as articles arrive). The
 * search page is left out: it has no content of its own for a crawler.
 */
function sitemapEntries(plans: readonly PagePlan[], archive: Archive, buildDate: string): SitemapEntry[] {
  const dateOf = new Map(archive.articles.map((a) => [outputPath(urls.article(a.slug)), a.date]));
  return plans
    .filter((p) => p.path.endsWith('index.html') && p.path !== outputPath(urls.search))
    .map((p) => ({ url: p.path.slice(0, -'index.html'.length), lastmod: dateOf.get(p.path) ?? buildDate }));
}

/** A sitemap, or a sitemap index with parts of at most 50,000 URLs past that size. */
function sitemapPlans(siteUrl: string, pages: readonly SitemapEntry[]): PagePlan[] {
  const abs = [...pages].sort((x, y) => (x.url < y.url ? -1 : x.url > y.url ? 1 : 0)).map((p) => ({ loc: absoluteUrl(siteUrl, p.url)!, lastmod: p.lastmod }));
  const limit = 50_000;
  if (abs.length <= limit) return [{ path: 'sitemap.xml', template: 'sitemap', view: 'sitemap', inputs: () => ({ urls: abs }) }];
  const parts: PagePlan[] = [];
  const newest = (list: readonly SitemapUrl[]): string => list.reduce((d, u) => (u.lastmod > d ? u.lastmod : d), '');
  for (let i = 0; i * limit < abs.length; i++) {
    const urlsOfPart = abs.slice(i * limit, (i + 1) * limit);
    parts.push({ path: `sitemaps/sitemap-${i + 1}.xml`, template: 'sitemap', view: 'sitemap', inputs: () => ({ urls: urlsOfPart }) });
  }
  const sitemaps = parts.map((p, i) => ({ loc: absoluteUrl(siteUrl, p.path)!, lastmod: newest(abs.slice(i * limit, (i + 1) * limit)) }));
  return [...parts, { path: 'sitemap.xml', template: 'sitemap-index', view: 'sitemap-index', inputs: () => ({ sitemaps }) }];
}

/** A page for the sitemap: its site-relative URL and its last modification date. */
interface SitemapEntry {
  readonly url: string;
  readonly lastmod: string;
}
