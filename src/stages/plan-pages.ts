import type { Archive, Article, BuildReport, Collection, PagePlan } from '../model/types.js';
import type { SiteConfig } from '../config.js';
import { bodyHtml, markdownHtml } from '../views/body-html.js';
import { paginate } from '../views/list-pages.js';
import { articleCard, articleCount, formatDate, pageView, type ViewContext } from '../views/page-view.js';
import { absoluteUrl, linkTo, outputPath, urls } from '../views/site-urls.js';
import { articleJsonLd, articleOg } from '../views/article-meta.js';
import { feedView } from '../views/feed-view.js';
import { articleRecord } from '../views/article-record.js';
import { relatedArticles } from '../views/related-articles.js';
import { captionWithoutCredit } from '../parse/text-key.js';

/** Inputs of page planning besides the archive. */
export interface PlanInput {
  readonly config: SiteConfig;
  readonly archive: Archive;
  readonly report: BuildReport;
  readonly countryName: (code: string) => string;
  readonly topicName: (slug: string) => string;
  /** The build's date (SOURCE_DATE_EPOCH or the newest article's date), never the clock. */
  readonly buildDate: string;
}

/**
 * Plans every output file of the archive: what goes where, which template renders it, the
 * read-only view it gets (built only when the page is rendered, so the views of a large archive
 * never sit in memory together), and the articles it depends on. Pure; paths are unique.
 */
export function planPages(input: PlanInput): PagePlan[] {
  const { config, archive } = input;
  const ctx: ViewContext = { config, archive, countryName: input.countryName, topicName: input.topicName };
  const plans: PagePlan[] = [];
  const all = archive.articles.map((a) => a.id);
  const get = (id: string): Article => archive.byId.get(id)!;

  // Home
  {
    const path = outputPath(urls.home);
    const latest = archive.articles.slice(0, config.homeSize);
    const groupLinks = (groups: readonly Collection[], urlOf: (k: string) => string) =>
      groups.map((g) => ({ name: g.name, href: linkTo(path, urlOf(g.key)), count: g.articleIds.length }));
    plans.push({
      path,
      template: 'home',
      dependsOn: all,
      view: () => ({
        page: pageView(ctx, path, urls.home, {
          title: config.title,
          jsonLd: { '@context': 'https://schema.org', '@type': 'WebSite', name: config.title, ...(config.siteUrl ? { url: config.siteUrl } : {}) },
        }),
        total: articleCount(archive.articles.length),
        latest: latest.map((a) => articleCard(ctx, path, a)),
        moreHref: archive.articles.length > latest.length ? linkTo(path, urls.archive) : null,
        countries: groupLinks(archive.countries, urls.country),
        topics: groupLinks(archive.topics, urls.topic),
        credits: groupLinks(archive.credits, urls.credit),
        months: groupLinks(archive.months, urls.month),
      }),
    });
  }

  // Articles
  archive.articles.forEach((a, i) => {
    const url = urls.article(a.slug);
    const path = outputPath(url);
    const newer = archive.articles[i - 1];
    const older = archive.articles[i + 1];
    const related = relatedArticles(archive, a, 5);
    const neighbour = (n: Article | undefined) => (n ? { headline: n.headline, href: linkTo(path, urls.article(n.slug)) } : null);
    const first = a.countries[0];
    plans.push({
      path,
      template: 'article',
      search: () => ({
        url: `/${url}`,
        title: a.headline,
        content: [a.headline, ...a.captions.map(captionWithoutCredit), ...a.paragraphs].join('\n'),
        filters: { country: a.countries.map(ctx.countryName), topic: a.topics.map(ctx.topicName) },
        sort: a.date ? { date: a.date } : ({} as Record<string, string>),
      }),
      dependsOn: [a.id, ...(newer ? [newer.id] : []), ...(older ? [older.id] : []), ...related.map((r) => r.id)],
      view: () => ({
        page: pageView(ctx, path, url, {
          title: a.headline,
          description: a.paragraphs[0]?.slice(0, 200) ?? a.headline,
          breadcrumbs: [
            { label: 'Home', url: urls.home },
            ...(first ? [{ label: ctx.countryName(first), url: urls.country(first) }] : []),
            { label: a.headline, url: null },
          ],
          og: articleOg(ctx, a),
          jsonLd: articleJsonLd(ctx, a),
          searchable: true,
        }),
        headline: a.headline,
        date: a.date,
        dateLabel: a.date ? formatDate(a.date) : null,
        dateIsPhoto: a.dateSource === 'caption',
        figure: a.captions.length === 0 ? null : {
          captions: a.captions.map(captionWithoutCredit),
          credit: a.credit,
          creditHref: a.credit ? linkTo(path, urls.credit(creditSlug(archive, a.credit))) : null,
        },
        byline: a.meta.byline ?? null,
        sourceUrl: a.meta.source_url ?? null, // only http(s) passes the front-matter schema
        summaryHtml: a.meta.summary ? markdownHtml(a.meta.summary) : null,
        editorNoteHtml: a.meta.editor_note ? markdownHtml(a.meta.editor_note) : null,
        bodyHtml: bodyHtml(a.paragraphs),
        countries: a.countries.map((c) => ({ name: ctx.countryName(c), code: c, href: linkTo(path, urls.country(c)) })),
        topics: a.topics.map((t) => ({ name: ctx.topicName(t), slug: t, href: linkTo(path, urls.topic(t)) })),
        newer: neighbour(newer),
        older: neighbour(older),
        related: related.map((r) => articleCard(ctx, path, r)),
        sources: { label: a.sources.length === 1 ? 'Source' : 'Sources', refs: a.sources.map((x) => `${x.file}:${x.line}`) },
      }),
    });
  });

  // Countries, topics, credits: an index and a paginated list each, with feeds for the first two.
  const sections = [
    { label: 'Countries', indexUrl: urls.countries, groups: archive.countries, urlOf: urls.country, feeds: true, noun: 'country' },
    { label: 'Topics', indexUrl: urls.topics, groups: archive.topics, urlOf: urls.topic, feeds: true, noun: 'topic' },
    { label: 'Photo credits', indexUrl: urls.credits, groups: archive.credits, urlOf: urls.credit, feeds: false, noun: 'credit' },
  ];
  for (const s of sections) {
    const path = outputPath(s.indexUrl);
    plans.push({
      path,
      template: 'groups',
      dependsOn: all,
      view: () => ({
        page: pageView(ctx, path, s.indexUrl, { title: s.label, breadcrumbs: [{ label: 'Home', url: urls.home }, { label: s.label, url: null }] }),
        heading: s.label,
        groups: s.groups.map((g) => ({ name: g.name, href: linkTo(path, s.urlOf(g.key)), count: articleCount(g.articleIds.length) })),
      }),
    });
    for (const g of s.groups) {
      const base = s.urlOf(g.key);
      plans.push(...listPlans(ctx, {
        base,
        ids: g.articleIds,
        heading: g.name,
        intro: articleCount(g.articleIds.length),
        breadcrumbs: [{ label: 'Home', url: urls.home }, { label: s.label, url: s.indexUrl }],
        feeds: s.feeds ? { atom: `${base}feed.xml`, json: `${base}feed.json` } : null,
      }));
      if (s.feeds) plans.push(...feedPlans(ctx, input.buildDate, base, `${g.name} · ${config.title}`, g.articleIds.slice(0, 50).map(get)));
    }
  }

  // Timeline: all years, each year, each month.
  {
    const years = new Map<string, Collection[]>();
    for (const m of archive.months) years.set(m.key.slice(0, 4), [...(years.get(m.key.slice(0, 4)) ?? []), m]);
    const path = outputPath(urls.archive);
    const yearList = [...years.entries()].map(([year, months]) => ({
      year,
      href: linkTo(path, urls.year(year)),
      count: months.reduce((n, m) => n + m.articleIds.length, 0),
      months: months.map((m) => ({ name: m.name, href: linkTo(path, urls.month(m.key)), count: m.articleIds.length })),
    }));
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
      dependsOn: all,
      view: () => ({
        page: pageView(ctx, path, urls.archive, { title: 'Archive', breadcrumbs: [{ label: 'Home', url: urls.home }, { label: 'Archive', url: null }] }),
        heading: 'Archive by month',
        years: yearList,
        undated: undated.length === 0 ? null : { href: linkTo(path, urls.undated), count: undated.length },
      }),
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
  for (const [url, template, title] of [[urls.search, 'search', 'Search'], ['404', '404', 'Page not found']] as const) {
    const path = url === '404' ? '404.html' : outputPath(url);
    plans.push({
      path,
      template,
      dependsOn: all,
      view: () => ({
        page: pageView(ctx, path, url === '404' ? '404.html' : url, { title, breadcrumbs: [{ label: 'Home', url: urls.home }, { label: title, url: null }] }),
        countries: archive.countries.map((g) => ({ name: g.name, href: linkTo(path, urls.country(g.key)) })),
        topics: archive.topics.map((g) => ({ name: g.name, href: linkTo(path, urls.topic(g.key)) })),
        pagefind: { js: linkTo(path, 'pagefind/pagefind-ui.js'), css: linkTo(path, 'pagefind/pagefind-ui.css') },
      }),
    });
  }
  plans.push(...feedPlans(ctx, input.buildDate, '', config.title, archive.articles.slice(0, 50)));
  plans.push({ path: 'data/articles.json', template: 'json-list', dependsOn: all, view: () => ({ key: 'articles', items: archive.articles.map(articleRecord) }) });
  plans.push({ path: 'data/report.json', template: 'json', dependsOn: [], view: () => input.report });
  const htmlUrls = plans.filter((p) => p.path.endsWith('index.html')).map((p) => p.path.slice(0, -'index.html'.length));
  if (config.siteUrl) plans.push(...sitemapPlans(config.siteUrl, htmlUrls));
  plans.push({
    path: 'robots.txt',
    template: 'text',
    dependsOn: [],
    view: () => `User-agent: *\nAllow: /\n${config.siteUrl ? `Sitemap: ${absoluteUrl(config.siteUrl, 'sitemap.xml')}\n` : ''}`,
  });
  plans.push({ path: 'assets/style.css', template: 'asset', dependsOn: [], view: () => 'assets/style.css' });
  return plans;
}

function creditSlug(archive: Archive, credit: string): string {
  return archive.creditKeyOf.get(credit) ?? 'unknown';
}

/** Plans the pages of one paginated article list. */
function listPlans(
  ctx: ViewContext,
  list: {
    base: string; ids: readonly string[]; heading: string; intro: string;
    breadcrumbs: ReadonlyArray<{ label: string; url: string | null }>;
    feeds: { atom: string; json: string } | null;
  },
): PagePlan[] {
  return paginate(list.base, list.ids, ctx.config.pageSize).map((p) => {
    const path = outputPath(p.url);
    const heading = p.number === 0 ? list.heading : `${list.heading}, page ${p.number}`;
    return {
      path,
      template: 'list',
      dependsOn: p.ids,
      view: () => ({
        page: pageView(ctx, path, p.url, {
          title: heading,
          // Only the front page states the count: older pages keep their bytes as articles arrive.
          description: p.number === 0 ? `${list.heading}: ${list.intro} in ${ctx.config.title}.` : `${list.heading}, page ${p.number}, in ${ctx.config.title}.`,
          breadcrumbs: [...list.breadcrumbs, { label: list.heading, url: p.number === 0 ? null : list.base }, ...(p.number === 0 ? [] : [{ label: `Page ${p.number}`, url: null }])],
          feeds: list.feeds ? [
            { type: 'application/atom+xml', title: `${list.heading} (Atom)`, url: list.feeds.atom },
            { type: 'application/feed+json', title: `${list.heading} (JSON Feed)`, url: list.feeds.json },
          ] : [],
        }),
        heading,
        intro: p.number === 0 ? list.intro : null,
        cards: p.ids.map((id) => articleCard(ctx, path, ctx.archive.byId.get(id)!)),
        newer: p.newerUrl === null ? null : linkTo(path, p.newerUrl),
        older: p.olderUrl === null ? null : linkTo(path, p.olderUrl),
        feeds: list.feeds ? { atom: linkTo(path, list.feeds.atom), json: linkTo(path, list.feeds.json) } : null,
      }),
    };
  });
}

/** An Atom and a JSON Feed of the given articles, at `<base>feed.xml` and `<base>feed.json`. */
function feedPlans(ctx: ViewContext, buildDate: string, base: string, title: string, articles: readonly Article[]): PagePlan[] {
  // The Atom and the JSON Feed plan share one view, made once and let go after its second use.
  let made: unknown;
  let uses = 0;
  const view = (): unknown => {
    made ??= feedView(ctx, buildDate, base, title, articles);
    const v = made;
    if (++uses === 2) made = undefined;
    return v;
  };
  const dependsOn = articles.map((a) => a.id);
  return [
    { path: `${base}feed.xml`, template: 'atom', dependsOn, view },
    { path: `${base}feed.json`, template: 'jsonfeed', dependsOn, view },
  ];
}

/** A sitemap, or a sitemap index with parts of at most 50,000 URLs past that size. */
function sitemapPlans(siteUrl: string, pageUrls: readonly string[]): PagePlan[] {
  const abs = [...pageUrls].sort().map((u) => absoluteUrl(siteUrl, u)!);
  const limit = 50_000;
  if (abs.length <= limit) return [{ path: 'sitemap.xml', template: 'sitemap', dependsOn: [], view: () => ({ urls: abs }) }];
  const parts: PagePlan[] = [];
  for (let i = 0; i * limit < abs.length; i++) {
    parts.push({ path: `sitemaps/sitemap-${i + 1}.xml`, template: 'sitemap', dependsOn: [], view: () => ({ urls: abs.slice(i * limit, (i + 1) * limit) }) });
  }
  return [...parts, { path: 'sitemap.xml', template: 'sitemap-index', dependsOn: [], view: () => ({ sitemaps: parts.map((p) => absoluteUrl(siteUrl, p.path)!) }) }];
}
