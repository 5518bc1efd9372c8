import type { Article } from '../model/types.js';
import { countryName, topicName, type Names, type SiteInputs } from './page-view.js';
import { absoluteUrl, urls } from './site-urls.js';

/** Open Graph and Twitter card tags of an article; absolute URLs only when a site URL is set. */
export function articleOg(names: Names, a: Article): Array<{ property?: string; name?: string; content: string }> {
  const tags = [
    { property: 'og:type', content: 'article' },
    ...(a.date && a.dateSource !== 'caption' ? [{ property: 'article:published_time', content: a.date }] : []),
    ...(a.topics[0] ? [{ property: 'article:section', content: topicName(names, a.topics[0]) }] : []),
    ...[...a.countries.map((c) => countryName(names, c)), ...a.topics.map((t) => topicName(names, t))].map((t) => ({ property: 'article:tag', content: t })),
    { name: 'twitter:card', content: 'summary' },
    { name: 'twitter:title', content: a.headline },
  ];
  return tags;
}

/** schema.org NewsArticle JSON-LD of an article. */
export function articleJsonLd(site: SiteInputs, names: Names, a: Article): Record<string, unknown> {
  const url = absoluteUrl(site.siteUrl, urls.article(a.slug));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.headline.length > 110 ? `${a.headline.slice(0, 109)}…` : a.headline,
    ...(url ? { url, mainEntityOfPage: url } : {}),
    ...(a.date && a.dateSource !== 'caption' ? { datePublished: a.date } : {}),
    ...(a.captions.length > 0
      ? {
          image: {
            '@type': 'ImageObject',
            caption: a.captions[0],
            ...(a.credit ? { creditText: a.credit } : {}),
            ...(a.date && a.dateSource === 'caption' ? { dateCreated: a.date } : {}),
          },
        }
      : {}),
    ...(a.countries.length > 0
      ? { contentLocation: a.countries.map((c) => ({ '@type': 'Country', name: countryName(names, c), identifier: c })) }
      : {}),
    ...(a.topics.length > 0 ? { about: a.topics.map((t) => ({ '@type': 'Thing', name: topicName(names, t) })), keywords: a.topics.map((t) => topicName(names, t)).join(', ') } : {}),
    ...(a.meta.byline ? { author: { '@type': 'Person', name: a.meta.byline } } : {}),
    ...(a.meta.source_url ? { isBasedOn: a.meta.source_url } : {}),
    publisher: { '@type': 'Organization', name: site.title },
  };
}
