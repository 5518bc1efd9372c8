import type { Article, DateSource } from '../model/types.js';
import type { SiteConfig } from '../config.js';
import { monthNames } from '../text/month-names.js';
import { leadOf } from '../model/lazy-fields.js';
import { absoluteUrl, linkTo, rootOf, urls } from './site-urls.js';

/** What every page's layout reads: head metadata, site navigation and breadcrumbs. */
export interface PageView {
  readonly lang: string;
  readonly siteTitle: string;
  readonly title: string;
  readonly description: string;
  readonly canonical: string | null;
  readonly nav: {
    readonly home: string; readonly countries: string; readonly topics: string; readonly credits: string;
    readonly archive: string; readonly search: string; readonly css: string; readonly icon: string; readonly atom: string; readonly json: string;
  };
  readonly breadcrumbs: ReadonlyArray<{ readonly label: string; readonly href: string | null }>;
  readonly feeds: ReadonlyArray<{ readonly type: string; readonly title: string; readonly href: string }>;
  readonly og: ReadonlyArray<{ readonly property?: string; readonly name?: string; readonly content: string }>;
  /** JSON-LD, one script element each, already serialised with `<` escaped, so it cannot close its script element. */
  readonly jsonLd: readonly string[];
  /** The page's main content goes into the search index. */
  readonly searchable: boolean;
}

/** An article as a list entry: headline, date, chips and first lines. */
export interface ArticleCard {
  readonly headline: string;
  readonly href: string;
  readonly date: string | null;
  readonly dateLabel: string | null;
  /** Where the date came from, as a quiet note (`photo date`), or null. */
  readonly dateNote: string | null;
  readonly countries: ReadonlyArray<{ readonly name: string; readonly href: string }>;
  readonly topics: ReadonlyArray<{ readonly name: string; readonly href: string }>;
  readonly excerpt: string;
}

/** The site settings a view may read; part of every page's inputs. */
export type SiteInputs = Pick<SiteConfig, 'title' | 'description' | 'language' | 'siteUrl' | 'publisherUrl' | 'publisherLogo'>;

/** The site settings of a config, as page inputs. */
export function siteInputs(config: SiteConfig): SiteInputs {
  return {
    title: config.title, description: config.description, language: config.language, siteUrl: config.siteUrl,
    publisherUrl: config.publisherUrl, publisherLogo: config.publisherLogo,
  };
}

/** Display names of country codes and topic slugs (at least those a page shows): plain data, part of its inputs. */
export interface Names {
  readonly countries: Readonly<Record<string, string>>;
  readonly topics: Readonly<Record<string, string>>;
}

/** A country's display name from a page's names (the code when unnamed). */
export const countryName = (names: Names, code: string): string => names.countries[code] ?? code;

/** A topic's display name from a page's names (the slug when unnamed). */
export const topicName = (names: Names, slug: string): string => names.topics[slug] ?? slug;

/** What a card view reads of an article: a small part of it, so a list page's inputs stay small. */
export interface CardInput {
  readonly headline: string;
  readonly slug: string;
  readonly date: string | null;
  readonly dateSource: Article['dateSource'];
  readonly countries: readonly string[];
  readonly topics: readonly string[];
  readonly lead: string;
}

/** The card inputs of an article. */
export function cardInput(a: Article): CardInput {
  return { headline: a.headline, slug: a.slug, date: a.date, dateSource: a.dateSource, countries: a.countries, topics: a.topics, lead: leadOf(a) };
}


/** The quiet note shown beside a date on where it came from; none for a date the editor gave. */
const dateNotes: Readonly<Record<DateSource, string | null>> = {
  'front-matter': null,
  dateline: 'from the dateline',
  body: 'from the text',
  weekday: 'from the weekday in the text',
  caption: 'photo date',
};

/** The note on a date's source, or null. */
export function dateNote(source: DateSource | null): string | null {
  return source === null ? null : dateNotes[source];
}

/** `2025-03-05` → `5 March 2025`, written the same whatever the machine's locale or time zone. */
export function formatDate(date: string): string {
  return `${Number(date.slice(8, 10))} ${monthNames[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** JSON for a `<script>` element: `<`, `>`, `&` and line separators escaped. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The layout data of the page at `path`. */
export function pageView(
  config: SiteInputs,
  path: string,
  url: string,
  options: {
    title: string;
    description?: string;
    breadcrumbs?: ReadonlyArray<{ label: string; url: string | null }>;
    feeds?: ReadonlyArray<{ type: string; title: string; url: string }>;
    og?: ReadonlyArray<{ property?: string; name?: string; content: string }>;
    /** One JSON-LD object, or several (each its own script element). */
    jsonLd?: unknown;
    searchable?: boolean;
  },
): PageView {
  const canonical = absoluteUrl(config.siteUrl, url);
  const description = options.description ?? config.description;
  // A static host serves 404.html at whatever address was missing (`/archive/a/b/c`), so links
  // relative to 404.html would point below that address: the page came up unstyled and its
  // links led to more 404s. With a site URL it links from the site's root path instead.
  const root = url === '404.html' && config.siteUrl ? new URL(config.siteUrl).pathname : rootOf(path);
  const link = (to: string): string => linkTo(path, to, root);
  const ogBase = [
    { property: 'og:site_name', content: config.title },
    { property: 'og:title', content: options.title },
    { property: 'og:description', content: description },
    ...(canonical ? [{ property: 'og:url', content: canonical }] : []),
  ];
  return {
    lang: config.language,
    siteTitle: config.title,
    title: options.title === config.title ? config.title : `${options.title} · ${config.title}`,
    description,
    canonical,
    nav: {
      home: link(urls.home),
      countries: link(urls.countries),
      topics: link(urls.topics),
      credits: link(urls.credits),
      archive: link(urls.archive),
      search: link(urls.search),
      css: `${root}assets/style.css`,
      icon: `${root}assets/favicon.svg`,
      atom: `${root}feed.xml`,
      json: `${root}feed.json`,
    },
    breadcrumbs: (options.breadcrumbs ?? []).map((b) => ({ label: b.label, href: b.url === null ? null : link(b.url) })),
    feeds: [
      { type: 'application/atom+xml', title: `${config.title} (Atom)`, href: `${root}feed.xml` },
      { type: 'application/feed+json', title: `${config.title} (JSON Feed)`, href: `${root}feed.json` },
      ...(options.feeds ?? []).map((f) => ({ type: f.type, title: f.title, href: `${root}${f.url}` })),
    ],
    og: [...ogBase, ...(options.og ?? [{ property: 'og:type', content: 'website' }])],
    jsonLd: options.jsonLd === undefined ? [] : (Array.isArray(options.jsonLd) ? options.jsonLd : [options.jsonLd]).map(scriptJson),
    searchable: options.searchable ?? false,
  };
}

/**
 * An article as a card in a list on the page at `path`. `own` is the country or topic the whole
 * list is about: its chip would repeat on every card, so it is left off.
 */
export function articleCard(names: Names, path: string, a: CardInput, own: { kind: 'country' | 'topic'; key: string } | null = null): ArticleCard {
  const first = a.lead;
  return {
    headline: a.headline,
    href: linkTo(path, urls.article(a.slug)),
    date: a.date,
    dateLabel: a.date ? formatDate(a.date) : null,
    dateNote: a.date ? dateNote(a.dateSource) : null,
    countries: a.countries.filter((c) => !(own?.kind === 'country' && own.key === c)).map((c) => ({ name: countryName(names, c), href: linkTo(path, urls.country(c)) })),
    topics: a.topics.filter((t) => !(own?.kind === 'topic' && own.key === t)).map((t) => ({ name: topicName(names, t), href: linkTo(path, urls.topic(t)) })),
    excerpt: excerpt(first, 220),
  };
}

/** The start of a text, cut at a word boundary near `max` characters (or at `max` in text without spaces). */
function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 3);
  return `${text.slice(0, cut > max / 2 ? cut : max - 3)}…`;
}

/** `1 article`, `2 articles`. */
export function articleCount(n: number): string {
  return `${n} article${n === 1 ? '' : 's'}`;
}
