import type { Archive, Article, BuildReport, Collection } from '../model/types.js';
import type { SiteConfig } from '../config.js';
import { paginate } from '../views/list-pages.js';
import { articleCount, cardInput, siteInputs, type CardInput, type Names, type SiteInputs } from '../views/page-view.js';
import { absoluteUrl, outputPath, urls } from '../views/site-urls.js';
import { nearestIn, relatedArticles } from '../views/related-articles.js';
import type { PagePlan, SitemapUrl } from '../views/page-views.js';
import type { FeedInputs } from '../views/feed-view.js';
import type { GroupLink } from '../views/pages/home.js';
import type { Crumb } from '../views/pages/list.js';
import { captionWithoutCredit } from '../parse/text-key.js';
import { bundleDir, searchPartitions } from '../search/search-partitions.js';
import type { HashMemo } from '../cache/stable-hash.js';

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
}

/** A `cardInput` that makes each article's card once and records its hash in `memo`. */
function cardMaker(memo: HashMemo | undefined): (a: Article) => CardInput {
  const made = new WeakMap<Article, CardInput>();
  return (a) => {
    let card = made.get(a);
    if (card === undefined) {
      card = cardInput(a);
      made.set(a, card);
      const hash = memo?.get(a);
      if (hash !== undefined) memo!.set(card, `card ${hash}`);
    }
    return card;
  };
}

/**
 * Plans every output file of the archive: what goes where, which template renders it, which
 * view it gets and the inputs that view reads. Inputs are made only when a page is keyed or
 * rendered, so a large archive's inputs never sit in memory together. Pure; paths are unique.
 */
export function planPages(input: PlanInput): PagePlan[] {
  const { config, archive } = input;
  const site = siteInputs(config);
  const ctx: PlanContext = { site, config, archive, countryName: input.countryName, topicName: input.topicName, card: cardMaker(input.memo) };
  const plans: PagePlan[] = [];
  const get = (id: string): Article => archive.byId.get(id)!;
  const links = (groups: readonly Collection[]): GroupLink[] => groups.map((g) => ({ key: g.key, name: g.name, count: g.articleIds.length }));

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
          names: namesOf(ctx, latest),
          more: archive.articles.length > latest.length,
          countries: links(archive.countries),
          topics: links(archive.topics),
          credits: links(archive.credits),
          months: links(archive.months),
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
        filters: { country: a.countries.map(ctx.countryName), topic: a.topics.map(ctx.topicName) },
        sort: a.date ? { date: a.date } : ({} as Record<string, string>),
      }),
      inputs: () => {
        const related = relatedArticles(archive, a, 5).map(ctx.card);
        const neighbour = (n: Article | null | undefined) => (n ? { headline: n.headline, slug: n.slug } : null);
        // Newer and older within the main country too; the side column: its stories nearest in time.
        const home = a.countries[0] === undefined ? undefined : archive.countryByKey.get(a.countries[0]);
        const near = home ? nearestIn(archive, home.articleIds, a, 5) : null;
        const around = near && near.nearest.length > 0 ? null : nearestIn(archive, (allIds ??= archive.articles.map((x) => x.id)), a, 5);
        return {
          site, path, url,
          article: a,
          names: namesOf(ctx, [a, ...related]),
          creditKey: a.agency ? (archive.creditKeyOf.get(a.agency) ?? 'unknown') : null,
          newer: neighbour(archive.articles[i - 1]),
          older: neighbour(archive.articles[i + 1]),
          inCountry: near ? { newer: neighbour(near.newer), older: neighbour(near.older) } : null,
          more: (around ?? near)!.nearest.map((n) => ({ headline: n.headline, slug: n.slug, date: n.date })),
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
  for (const s of sections) {
    const path = outputPath(s.indexUrl);
    plans.push({
      path,
      template: 'groups',
      view: 'groups',
      inputs: () => ({ site, path, url: s.indexUrl, heading: s.label, kind: s.kind, groups: links(s.groups) }),
    });
    for (const g of s.groups) {
      const base = urls[s.kind](g.key);
      plans.push(...listPlans(ctx, {
        base,
        ids: g.articleIds,
        heading: g.name,
        intro: articleCount(g.articleIds.length),
        breadcrumbs: [{ label: 'Home', url: urls.home }, { label: s.label, url: s.indexUrl }],
        feeds: s.feeds ? { atom: `${base}feed.xml`, json: `${base}feed.json`, title: g.name } : null,
      }));
      if (s.feeds) plans.push(...feedPlans(ctx, input.buildDate, base, `${g.name} · ${config.title}`, () => g.articleIds.slice(0, 50).map(get)));
    }
  }

  // Timeline: all years, each year, each month.
  {
    const years = new Map<string, Collection[]>();
    for (const m of archive.months) years.set(m.key.slice(0, 4), [...(years.get(m.key.slice(0, 4)) ?? []), m]);
    const path = outputPath(urls.archive);
    const undated = archive.articles.filter((a) => a.date === null).map((a) => a.id);
    if (undated.length > 0) {
      plans.push(...listPlans(ctx, {
        base: urls.undated, ids: undated, heading: 'Undated articles', intro: articleCount(undated.length),
        breadcrumbs: [{ label: 'Home', url: urls.home }, { label: 'Archive', url: urls.archive }], feeds: null,
      }));
    }
    plans.push({
      path,
      template: 'timeline',
      view: 'timeline',
      inputs: () => ({ site, path, years: [...years.entries()].map(([year, months]) => ({ year, months: links(months) })), undated: undated.length }),
    });
    for (const [year, months] of years) {
      const ids = months.flatMap((m) => m.articleIds);
      plans.push(...listPlans(ctx, {
        base: urls.year(year), ids, heading: year, intro: articleCount(ids.length),
        breadcrumbs: [{ label: 'Home', url: urls.home }, { label: 'Archive', url: urls.archive }], feeds: null,
      }));
      for (const m of months) {
        plans.push(...listPlans(ctx, {
          base: urls.month(m.key), ids: m.articleIds, heading: m.name, intro: articleCount(m.articleIds.length),
          breadcrumbs: [{ label: 'Home', url: urls.home }, { label: 'Archive', url: urls.archive }, { label: year, url: urls.year(year) }], feeds: null,
        }));
      }
    }
  }

  // Search, 404, feeds, data, sitemap, robots, stylesheet.
  for (const [url, template, title] of [[urls.search, 'search', 'Search'], ['404.html', '404', 'Page not found']] as const) {
    const path = url === '404.html' ? url : outputPath(url);
    plans.push({
      path,
      template,
      view: 'search',
      inputs: () => ({ site, path, url, title, countries: links(archive.countries), topics: links(archive.topics), bundles: searchPartitions(archive.articles).map(bundleDir) }),
    });
  }
  plans.push(...feedPlans(ctx, input.buildDate, '', config.title, () => archive.articles.slice(0, 50)));
  plans.push({ path: 'data/articles.json', template: 'json-list', view: 'articles', inputs: () => ({ articles: archive.articles }) });
  plans.push({ path: 'data/report.json', template: 'json', view: 'report', inputs: () => ({ report: input.report }) });
  if (config.siteUrl) plans.push(...sitemapPlans(config.siteUrl, sitemapEntries(plans, archive, input.buildDate)));
  const robots = `User-agent: *\nAllow: /\n${config.siteUrl ? `Sitemap: ${absoluteUrl(config.siteUrl, 'sitemap.xml')}\n` : ''}`;
  plans.push({ path: 'robots.txt', template: 'text', view: 'text', inputs: () => ({ text: robots }) });
  plans.push({ path: 'assets/style.css', template: 'asset', view: 'asset', inputs: () => ({ name: 'assets/style.css' }) });
  plans.push({ path: 'assets/favicon.svg', template: 'asset', view: 'asset', inputs: () => ({ name: 'assets/favicon.svg' }) });
  return plans;
}

/** The names of the countries and topics that the given articles or cards show. */
function namesOf(ctx: PlanContext, items: ReadonlyArray<Pick<CardInput, 'countries' | 'topics'>>): Names {
  const countries: Record<string, string> = {};
  const topics: Record<string, string> = {};
  for (const item of items) {
    for (const c of item.countries) countries[c] ??= ctx.countryName(c);
    for (const t of item.topics) topics[t] ??= ctx.topicName(t);
  }
  // Insertion order follows the page's articles, which is deterministic: no sort needed.
  return { countries, topics };
}

/** Plans the pages of one paginated article list. */
function listPlans(
  ctx: PlanContext,
  list: {
    base: string; ids: readonly string[]; heading: string; intro: string;
    breadcrumbs: readonly Crumb[];
    feeds: { atom: string; json: string; title: string } | null;
  },
): PagePlan[] {
  return paginate(list.base, list.ids, ctx.config.pageSize).map((p): PagePlan => {
    const path = outputPath(p.url);
    const heading = p.number === 0 ? list.heading : `${list.heading}, page ${p.number}`;
    return {
      path,
      template: 'list',
      view: 'list',
      inputs: () => {
        const cards = p.ids.map((id) => ctx.card(ctx.archive.byId.get(id)!));
        return {
          site: ctx.site,
          path,
          url: p.url,
          heading,
          // Only the front page states the count: older pages keep their bytes as articles arrive.
          description: p.number === 0 ? `${list.heading}: ${list.intro} in ${ctx.config.title}.` : `${list.heading}, page ${p.number}, in ${ctx.config.title}.`,
          intro: p.number === 0 ? list.intro : null,
          breadcrumbs: [...list.breadcrumbs, { label: list.heading, url: p.number === 0 ? null : list.base }, ...(p.number === 0 ? [] : [{ label: `Page ${p.number}`, url: null }])],
          feeds: list.feeds,
          cards,
          names: namesOf(ctx, cards),
          newerUrl: p.newerUrl,
          olderUrl: p.olderUrl,
        };
      },
    };
  });
}

/** An Atom and a JSON Feed of the given articles, at `<base>feed.xml` and `<base>feed.json`. */
function feedPlans(ctx: PlanContext, buildDate: string, base: string, title: string, articles: () => readonly Article[]): PagePlan[] {
  // Both feeds read the same inputs: made once, let go after the second use, so a renderer
  // that remembers views by their inputs builds the feed's view once.
  let made: FeedInputs | undefined;
  let uses = 0;
  const inputs = (): FeedInputs => {
    const items = made === undefined ? articles() : made.articles;
    made ??= { site: ctx.site, names: namesOf(ctx, items), buildDate, base, title, articles: items };
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
