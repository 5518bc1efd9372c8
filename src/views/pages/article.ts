import type { Article } from '../../model/types.js';
import { articleJsonLd, articleOg } from '../article-meta.js';
import { bodyHtml, markdownHtml } from '../body-html.js';
import { articleCard, countryName, dateNote, formatDate, pageView, topicName, type CardInput, type Names, type SiteInputs } from '../page-view.js';
import { linkTo, urls } from '../site-urls.js';
import { captionWithoutCredit } from '../../text/text-key.js';
import { findDateline } from '../../text/find-dateline.js';

/**
 * A first paragraph's dateline as printed (`BEIRUT, March 5 (Reuters)`), set apart from the text
 * after its dash, as newspapers set it; null when the paragraph opens with none.
 */
function splitDateline(paragraph: string): { dateline: string; rest: string } | null {
  const line = findDateline(paragraph);
  if (!line) return null;
  const text = paragraph.trim();
  let end = text.length - line.rest.length;
  while (end > 0 && /[\s\u2013\u2014-]/.test(text[end - 1]!)) end--;
  return { dateline: text.slice(0, end), rest: line.rest };
}

/** Everything an article page reads: the article, its neighbours and related cards, names. */
export interface ArticlePageInputs {
  readonly site: SiteInputs;
  readonly path: string;
  readonly url: string;
  readonly article: Article;
  readonly names: Names;
  /** The URL key of the article's credit page, or null. */
  readonly creditKey: string | null;
  readonly newer: Neighbour | null;
  readonly older: Neighbour | null;
  /** Newer and older within the article's main country, or null without a country. */
  readonly inCountry: { readonly newer: Neighbour | null; readonly older: Neighbour | null } | null;
  /** The side column: the main country's stories nearest in time (the archive's without a country). */
  readonly more: ReadonlyArray<Neighbour & { readonly date: string | null }>;
  /** True when `more` holds the main country's stories, false for the archive's. */
  readonly moreInCountry: boolean;
  readonly related: readonly CardInput[];
}

/** Another article, as linked from this one. */
interface Neighbour {
  readonly headline: string;
  readonly slug: string;
}

/**
 * The credit as written with its agency linked to the agency's credit page: `Dalati & Nohra/Handout
 * via ` + Reuters (linked). The photographer is named apart too.
 */
function creditView(a: Article, href: string | null) {
  if (a.credit === null) return null;
  // The photographer as named at either end of the credit (`X/Handout via Reuters`, `AP Photo/X`, `X (AFP)`).
  let rest = a.credit;
  // What is left once the photographer is taken off: no slash or parentheses around it.
  const unwrap = (t: string): string => {
    const bare = t.trim().replace(/^\/|\/$/g, '').trim();
    return bare.startsWith('(') && bare.endsWith(')') ? bare.slice(1, -1).trim() : bare;
  };
  if (a.photographer !== null && rest.startsWith(a.photographer)) rest = unwrap(rest.slice(a.photographer.length));
  else if (a.photographer !== null && rest.endsWith(a.photographer)) rest = unwrap(rest.slice(0, rest.length - a.photographer.length));
  const at = a.agency === null ? -1 : rest.lastIndexOf(a.agency);
  return {
    photographer: a.photographer,
    before: at < 0 ? `${rest} · ` : rest.slice(0, at),
    agency: a.agency ?? rest,
    after: at < 0 ? '' : rest.slice(at + a.agency!.length),
    href,
  };
}

/** The view of an article page, from its inputs alone. */
export function articlePageView(inputs: ArticlePageInputs): unknown {
  const { site, path, url, article: a, names } = inputs;
  const first = a.countries[0];
  const breadcrumbs = [
    { label: 'Home', url: urls.home },
    ...(first ? [{ label: countryName(names, first), url: urls.country(first) }] : []),
    { label: a.headline, url: null },
  ];
  const opening = a.dateline ? splitDateline(a.paragraphs[0] ?? '') : null;
  const neighbour = (n: ArticlePageInputs['newer']) => (n ? { headline: n.headline, href: linkTo(path, urls.article(n.slug)) } : null);
  return {
    page: pageView(site, path, url, {
      title: a.headline,
      description: a.paragraphs[0]?.slice(0, 200) ?? a.headline,
      breadcrumbs,
      og: articleOg(names, a),
      jsonLd: articleJsonLd(site, names, a, breadcrumbs),
      searchable: true,
    }),
    headline: a.headline,
    date: a.date,
    dateLabel: a.date ? formatDate(a.date) : null,
    dateNote: a.date ? dateNote(a.dateSource) : null,
    dateline: opening?.dateline ?? null,
    // There is never a photo file, only its caption: shown as a caption text, not an empty figure.
    caption: a.captions.length === 0 && a.credit === null ? null : {
      texts: a.captions.map(captionWithoutCredit),
      credit: creditView(a, a.credit && inputs.creditKey ? linkTo(path, urls.credit(inputs.creditKey)) : null),
    },
    byline: a.meta.byline ?? null,
    sourceUrl: a.meta.source_url ?? null, // only http(s) passes the front-matter schema
    summaryHtml: a.meta.summary ? markdownHtml(a.meta.summary) : null,
    editorNoteHtml: a.meta.editor_note ? markdownHtml(a.meta.editor_note) : null,
    bodyHtml: bodyHtml(opening ? [opening.rest, ...a.paragraphs.slice(1)] : a.paragraphs),
    countries: a.countries.map((c) => ({ name: countryName(names, c), code: c, href: linkTo(path, urls.country(c)) })),
    topics: a.topics.map((t) => ({ name: topicName(names, t), slug: t, href: linkTo(path, urls.topic(t)) })),
    newer: neighbour(inputs.newer),
    older: neighbour(inputs.older),
    inCountry: inputs.inCountry && first
      ? { name: countryName(names, first), newer: neighbour(inputs.inCountry.newer), older: neighbour(inputs.inCountry.older) }
      : null,
    more: {
      heading: inputs.moreInCountry && first ? `More on ${countryName(names, first)}` : 'Around this time',
      href: inputs.moreInCountry && first ? linkTo(path, urls.country(first)) : linkTo(path, urls.archive),
      items: inputs.more.map((m) => ({ ...neighbour(m)!, date: m.date, dateLabel: m.date ? formatDate(m.date) : null })),
    },
    related: inputs.related.map((r) => articleCard(names, path, r)),
    // Scrape file names stay in data/articles.json; the page only says where to find them.
    provenance: { copies: a.sources.length, href: linkTo(path, 'data/articles.json') },
  };
}
