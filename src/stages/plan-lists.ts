import type { Archive, Article, Collection } from '../model/types.js';
import type { SiteConfig } from '../config.js';
import { paginate, pageUrlAt } from '../views/list-pages.js';
import { articleCount, cardInput, type CardInput, type Names, type SiteInputs } from '../views/page-view.js';
import { outputPath, urls } from '../views/site-urls.js';
import type { PagePlan } from '../views/page-views.js';
import { dayAnchor, type Crumb, type ListLink, type ListPageInputs } from '../views/pages/list.js';
import type { TimelineYearInput } from '../views/pages/timeline.js';

/** What list planning reads: the site settings, the archive and the names of its countries and topics. */
export interface ListContext {
  readonly site: SiteInputs;
  readonly config: SiteConfig;
  readonly archive: Archive;
  /** The names of the archive's countries and topics, shared by every page. */
  readonly names: Names;
  /** The card of an article, made once per build (see `perArticle` in plan-pages). */
  readonly card: (a: Article) => CardInput;
}

/** One article list to plan: its pages share a base URL, a heading and what the front page adds. */
export interface ListSpec {
  readonly base: string;
  readonly ids: readonly string[];
  readonly heading: string;
  readonly intro: string;
  readonly breadcrumbs: readonly Crumb[];
  readonly feeds: ListPageInputs['feeds'];
  readonly byDay: boolean;
  readonly own?: ListPageInputs['own'];
  readonly previous?: ListLink | null;
  readonly next?: ListLink | null;
  /** Shown on the front page only (it changes with every new article anyway). */
  readonly related?: ListPageInputs['related'];
  readonly undated?: ListLink | null;
  /** Made when the front page is keyed or rendered, like the rest of its inputs. */
  readonly timeline?: (() => readonly TimelineYearInput[]) | null;
}

/** Plans the pages of one paginated article list (see `paginate` for how pages are cut). */
export function listPlans(ctx: ListContext, list: ListSpec): PagePlan[] {
  return paginate(list.base, list.ids, ctx.config.pageSize).map((p): PagePlan => {
    const path = outputPath(p.url);
    const front = p.position === 1;
    const pageOf = p.count > 1 ? `, page ${p.position} of ${p.count}` : '';
    return {
      path,
      template: 'list',
      view: 'list',
      inputs: (): ListPageInputs => {
        const cards = p.ids.map((id) => ctx.card(ctx.archive.byId.get(id)!));
        return {
          site: ctx.site,
          path,
          url: p.url,
          base: list.base,
          heading: list.heading,
          // Only the front page states the count: older pages change only when the page count does.
          description: front ? `${list.heading}: ${list.intro} in ${ctx.config.title}.` : `${list.heading}${pageOf}, in ${ctx.config.title}.`,
          intro: front ? list.intro : null,
          breadcrumbs: [...list.breadcrumbs, { label: list.heading, url: front ? null : list.base }, ...(front ? [] : [{ label: `Page ${p.position}`, url: null }])],
          feeds: list.feeds,
          cards,
          names: ctx.names,
          position: p.position,
          count: p.count,
          byDay: list.byDay,
          own: list.own ?? null,
          previous: list.previous ?? null,
          next: list.next ?? null,
          related: front ? (list.related ?? null) : null,
          undated: front ? (list.undated ?? null) : null,
          timeline: front && list.timeline ? list.timeline() : null,
        };
      },
    };
  });
}

/**
 * A group's timeline: for each year and month of its dated articles (newest first), the count
 * and a link to the page of the group's list that holds the month's newest article, at that
 * day's heading. `ids` are the group's dated articles, newest first, as `listPlans` pages them.
 */
export function groupTimeline(archive: Archive, base: string, ids: readonly string[], pageSize: number): TimelineYearInput[] {
  const pages = paginate(base, ids, pageSize);
  const years: Array<{ year: string; url: string; months: Array<{ key: string; count: number; url: string }> }> = [];
  for (const page of pages) {
    // Made once a page, and only when a year or month starts on it: a large topic has thousands of articles.
    let pageUrl: string | undefined;
    for (const id of page.ids) {
      const date = archive.byId.get(id)!.date!;
      const key = date.slice(0, 7);
      let year = years.at(-1);
      const month = year?.year === key.slice(0, 4) ? year.months.at(-1) : undefined;
      if (month?.key === key) {
        month.count++;
        continue;
      }
      const url = `${(pageUrl ??= outputPath(pageUrlAt(base, page.position, page.count)))}#${dayAnchor(date)}`;
      // A year links, like its months, into the group's own list: at its newest article.
      if (year?.year !== key.slice(0, 4)) years.push((year = { year: key.slice(0, 4), url, months: [] }));
      year.months.push({ key, count: 1, url });
    }
  }
  return years;
}

/** The lists of a country, topic or credit: its dated articles by day, and its undated ones on their own page. */
export function groupListPlans(
  ctx: ListContext,
  g: Collection,
  spec: { base: string; breadcrumbs: readonly Crumb[]; feeds: ListPageInputs['feeds']; own: ListPageInputs['own']; timeline: boolean },
): PagePlan[] {
  const dated = g.articleIds.filter((id) => ctx.archive.byId.get(id)!.date !== null);
  const undated = g.articleIds.filter((id) => ctx.archive.byId.get(id)!.date === null);
  const common = { heading: g.name, intro: articleCount(g.articleIds.length), breadcrumbs: spec.breadcrumbs, feeds: spec.feeds, own: spec.own };
  if (dated.length === 0) return listPlans(ctx, { ...common, base: spec.base, ids: undated, byDay: false });
  const undatedUrl = `${spec.base}undated/`;
  const plans = listPlans(ctx, {
    ...common,
    base: spec.base,
    ids: dated,
    byDay: true,
    undated: undated.length > 0 ? { label: `${undated.length} undated`, url: undatedUrl } : null,
    // A timeline is worth its space once the articles span more than one month.
    timeline: spec.timeline && new Set(dated.map((id) => ctx.archive.byId.get(id)!.date!.slice(0, 7))).size > 1
      ? () => groupTimeline(ctx.archive, spec.base, dated, ctx.config.pageSize)
      : null,
  });
  if (undated.length > 0) {
    plans.push(...listPlans(ctx, {
      ...common,
      base: undatedUrl,
      ids: undated,
      heading: `${g.name}: undated articles`,
      intro: articleCount(undated.length),
      breadcrumbs: [...spec.breadcrumbs, { label: g.name, url: spec.base }],
      feeds: null,
      byDay: false,
    }));
  }
  return plans;
}

/** The archive's year and month lists: each month links the months before and after it, each year its months. */
export function timelinePlans(ctx: ListContext): PagePlan[] {
  const { archive } = ctx;
  const home = { label: 'Home', url: urls.home };
  const top = { label: 'Archive', url: urls.archive };
  const years = new Map<string, Collection[]>();
  for (const m of archive.months) years.set(m.key.slice(0, 4), [...(years.get(m.key.slice(0, 4)) ?? []), m]);
  const yearKeys = [...years.keys()];
  const monthLink = (m: Collection | undefined): ListLink | null => (m ? { label: m.name, url: urls.month(m.key), count: m.articleIds.length } : null);
  const stepLink = (m: Collection | undefined): ListLink | null => (m ? { label: m.name, url: urls.month(m.key) } : null);
  const yearLink = (y: string | undefined): ListLink | null => (y ? { label: y, url: urls.year(y) } : null);
  const plans: PagePlan[] = [];
  yearKeys.forEach((year, yi) => {
    const months = years.get(year)!;
    const ids = months.flatMap((m) => m.articleIds);
    plans.push(...listPlans(ctx, {
      base: urls.year(year), ids, heading: year, intro: articleCount(ids.length), breadcrumbs: [home, top], feeds: null, byDay: true,
      previous: yearLink(yearKeys[yi + 1]), next: yearLink(yearKeys[yi - 1]),
      // Within the year, a month is named without it: "March", not "March 2025".
      related: { heading: `Months of ${year}`, links: months.map((m) => ({ ...monthLink(m)!, label: m.name.split(' ')[0]! })) },
    }));
  });
  archive.months.forEach((m, mi) => {
    const year = m.key.slice(0, 4);
    plans.push(...listPlans(ctx, {
      base: urls.month(m.key), ids: m.articleIds, heading: m.name, intro: articleCount(m.articleIds.length),
      breadcrumbs: [home, top, { label: year, url: urls.year(year) }], feeds: null, byDay: true,
      // Neighbours by name only: a count here would change this page whenever they gain an article.
      previous: stepLink(archive.months[mi + 1]), next: stepLink(archive.months[mi - 1]),
    }));
  });
  const undated = archive.articles.filter((a) => a.date === null).map((a) => a.id);
  if (undated.length > 0) {
    plans.push(...listPlans(ctx, {
      base: urls.undated, ids: undated, heading: 'Undated articles', intro: articleCount(undated.length), breadcrumbs: [home, top], feeds: null, byDay: false,
    }));
  }
  return plans;
}

/** The archive's years, newest first, with their months as timeline inputs linking to the month pages. */
export function archiveTimeline(archive: Archive): TimelineYearInput[] {
  const years: Array<{ year: string; url: string; months: Array<{ key: string; count: number; url: string }> }> = [];
  for (const m of archive.months) {
    const y = m.key.slice(0, 4);
    let year = years.at(-1);
    if (year?.year !== y) years.push((year = { year: y, url: urls.year(y), months: [] }));
    year.months.push({ key: m.key, count: m.articleIds.length, url: urls.month(m.key) });
  }
  return years;
}
