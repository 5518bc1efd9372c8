import { articleCard, formatDate, pageView, type ArticleCard, type CardInput, type Names, type SiteInputs } from '../page-view.js';
import { pagerPositions, pageUrlAt } from '../list-pages.js';
import { linkTo } from '../site-urls.js';
import { timelineGrid, type TimelineYearInput } from './timeline.js';

/** A breadcrumb: a label and a site-relative URL, or null for the current page. */
export interface Crumb {
  readonly label: string;
  readonly url: string | null;
}

/** A link to a neighbouring or related list (a month, a year, the undated articles of a group). */
export interface ListLink {
  readonly label: string;
  readonly url: string;
  readonly count?: number;
}

/** Everything one page of an article list reads. */
export interface ListPageInputs {
  readonly site: SiteInputs;
  readonly path: string;
  readonly url: string;
  /** The list's front page URL; numbered pages are `<base>page/N/`. */
  readonly base: string;
  readonly heading: string;
  readonly description: string;
  readonly intro: string | null;
  readonly breadcrumbs: readonly Crumb[];
  readonly feeds: { readonly atom: string; readonly json: string; readonly title: string } | null;
  readonly cards: readonly CardInput[];
  readonly names: Names;
  /** Reader's page number (1 = front, newest) and the number of pages. */
  readonly position: number;
  readonly count: number;
  /** Cards come under a heading per day (date-ordered lists); false for lists of undated articles. */
  readonly byDay: boolean;
  /** The country or topic the whole list is about: its chip is left off the cards. */
  readonly own: { readonly kind: 'country' | 'topic'; readonly key: string } | null;
  /** Previous (older) and next (newer) month or year, for the pages of the timeline. */
  readonly previous: ListLink | null;
  readonly next: ListLink | null;
  /** Sub-lists shown on the front page: a year's months, a group's undated articles. */
  readonly related: { readonly heading: string; readonly links: readonly ListLink[] } | null;
  /** The group's undated articles, listed apart (front page only). */
  readonly undated: ListLink | null;
  /** A country's or topic's timeline by year and month, on its front page. */
  readonly timeline: readonly TimelineYearInput[] | null;
}

/** Cards under a day heading (`heading` null: no day headings on this page). */
export interface DayGroup {
  readonly id: string | null;
  readonly heading: string | null;
  readonly cards: readonly ArticleCard[];
}

/** The anchor of a day's heading on a list page: `d-2025-03-05`. */
export const dayAnchor = (date: string): string => `d-${date}`;

/** Cards in runs of the same date, each run under its day's heading (undated cards under "Undated"). */
export function groupByDay(cards: readonly ArticleCard[]): DayGroup[] {
  const groups: Array<{ id: string | null; heading: string | null; cards: ArticleCard[] }> = [];
  for (const card of cards) {
    const last = groups.at(-1);
    if (last && last.id === (card.date ? dayAnchor(card.date) : null) && last.cards.length > 0) last.cards.push(card);
    else groups.push({ id: card.date ? dayAnchor(card.date) : null, heading: card.date ? formatDate(card.date) : 'Undated', cards: [card] });
  }
  return groups;
}

/** `5 March 2025`, `3 – 5 March 2025` or `28 February – 5 March 2025`: the dates a page spans. */
function dateSpan(newest: string | null, oldest: string | null): string | null {
  if (!newest || !oldest) return null;
  if (newest === oldest) return formatDate(newest);
  return `${formatDate(oldest)} – ${formatDate(newest)}`;
}

/** The view of one page of an article list, from its inputs alone. */
export function listPageView(inputs: ListPageInputs): unknown {
  const { site, path, feeds, position, count } = inputs;
  const link = (l: ListLink | null) => (l === null ? null : { label: l.label, href: linkTo(path, l.url), count: l.count ?? null });
  const cards = inputs.cards.map((c) => articleCard(inputs.names, path, c, inputs.own));
  const dated = inputs.cards.filter((c) => c.date !== null).map((c) => c.date!);
  const paged = count > 1;
  return {
    page: pageView(site, path, inputs.url, {
      title: paged ? `${inputs.heading}, page ${position} of ${count}` : inputs.heading,
      description: inputs.description,
      breadcrumbs: inputs.breadcrumbs,
      feeds: feeds ? [
        { type: 'application/atom+xml', title: `${feeds.title} (Atom)`, url: feeds.atom },
        { type: 'application/feed+json', title: `${feeds.title} (JSON Feed)`, url: feeds.json },
      ] : [],
    }),
    heading: inputs.heading,
    intro: inputs.intro,
    pageLabel: paged ? `Page ${position} of ${count}` : null,
    // The dates a page spans matter when a list has pages; on a one-page list the day headings say it.
    span: paged ? dateSpan(dated[0] ?? null, dated.at(-1) ?? null) : null,
    groups: inputs.byDay ? groupByDay(cards) : [{ id: null, heading: null, cards }],
    pager: paged ? {
      newer: position > 1 ? linkTo(path, pageUrlAt(inputs.base, position - 1, count)) : null,
      older: position < count ? linkTo(path, pageUrlAt(inputs.base, position + 1, count)) : null,
      pages: pagerPositions(position, count).map((p) => (p === null ? null : { number: p, href: linkTo(path, pageUrlAt(inputs.base, p, count)), current: p === position })),
    } : null,
    previous: link(inputs.previous),
    next: link(inputs.next),
    undated: link(inputs.undated),
    related: inputs.related ? { heading: inputs.related.heading, links: inputs.related.links.map(link) } : null,
    timeline: inputs.timeline ? timelineGrid(path, inputs.timeline) : null,
    feeds: feeds ? { atom: linkTo(path, feeds.atom), json: linkTo(path, feeds.json) } : null,
  };
}
