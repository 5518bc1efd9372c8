import type { Article } from '../model/types.js';
import { countryName, topicName, type Names, type SiteInputs } from './page-view.js';
import { absoluteUrl, urls } from './site-urls.js';

/**
 * The article's own date, or null: the date unless it is only the photo's (`caption`). Only this
 * one is given out as a publication date (JSON-LD, Open Graph, Atom `published`, JSON Feed
 * `date_published`).
 */
export function ownDate(a: Pick<Article, 'date' | 'dateSource'>): string | null {
  return a.date !== null && a.dateSource !== 'caption' ? a.date : null;
}

/** Open Graph and Twitter card tags of an article; absolute URLs only when a site URL is set. */
export function articleOg(names: Names, a: Article): Array<{ property?: string; name?: string; content: string }> {
  const published = ownDate(a);
  const tags = [
    { property: 'og:type', content: 'article' },
    ...(published ? [{ property: 'article:published_time', content: published }] : []),
    ...(a.topics[0] ? [{ property: 'article:section', content: topicName(names, a.topics[0]) }] : []),
    ...[...a.countries.map((c) => countryName(names, c)), ...a.topics.map((t) => topicName(names, t))].map((t) => ({ property: 'article:tag', content: t })),
    { name: 'twitter:card', content: 'summary' },
    { name: 'twitter:title', content: a.headline },
  ];
  return tags;
}

/** The publisher as schema.org describes it: the site's name, its home page and its logo when configured. */
export function publisherLd(site: SiteInputs): Record<string, unknown> {
  const url = site.publisherUrl ?? site.siteUrl;
  return {
    '@type': 'Organization',
    name: site.title,
    ...(url ? { url } : {}),
    ...(site.publisherLogo ? { logo: { '@type': 'ImageObject', url: site.publisherLogo } } : {}),
  };
}

/**
 * schema.org JSON-LD of an article page (one script element each): its NewsArticle and, with a
 * site URL (breadcrumb items must be URLs), its BreadcrumbList. Follows Google's Article guidelines: a headline of at most
 * 110 characters, `datePublished` only for the article's own date, an `author` (the byline, else
 * the publisher) and a publisher with a name. There is never a photo file, so no `image`: an
 * ImageObject without a URL is invalid.
 */
export function articleJsonLd(
  site: SiteInputs,
  names: Names,
  a: Article,
  breadcrumbs: ReadonlyArray<{ readonly label: string; readonly url: string | null }>,
): Array<Record<string, unknown>> {
  const url = absoluteUrl(site.siteUrl, urls.article(a.slug));
  const published = ownDate(a);
  const publisher = publisherLd(site);
  const article = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.headline.length > 110 ? `${a.headline.slice(0, 109)}…` : a.headline,
    ...(url ? { url, mainEntityOfPage: url } : {}),
    ...(published ? { datePublished: published } : {}),
    ...(a.countries.length > 0
      ? { contentLocation: a.countries.map((c) => ({ '@type': 'Country', name: countryName(names, c), identifier: c })) }
      : {}),
    ...(a.topics.length > 0 ? { about: a.topics.map((t) => ({ '@type': 'Thing', name: topicName(names, t) })), keywords: a.topics.map((t) => topicName(names, t)).join(', ') } : {}),
    author: a.meta.byline ? { '@type': 'Person', name: a.meta.byline } : publisher,
    ...(a.meta.source_url ? { isBasedOn: a.meta.source_url } : {}),
    publisher,
  };
  if (!url) return [article];
  const trail = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: breadcrumbs.map((b, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: b.label,
      item: absoluteUrl(site.siteUrl, b.url ?? urls.article(a.slug)),
    })),
  };
  return [article, trail];
}
