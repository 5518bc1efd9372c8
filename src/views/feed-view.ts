import type { Article } from '../model/types.js';
import { countryName, topicName, type Names, type SiteInputs } from './page-view.js';
import { absoluteUrl, urls } from './site-urls.js';
import { bodyHtml } from './body-html.js';
import { ownDate } from './article-meta.js';

/** What the Atom and JSON Feed renderers read. */
export interface FeedView {
  readonly title: string;
  readonly id: string;
  readonly link: string;
  readonly updated: string;
  readonly atomUrl: string;
  readonly jsonUrl: string;
  /** The feed's author (RFC 4287 wants one at feed or entry level): the publisher. */
  readonly author: { readonly name: string; readonly url: string | null };
  readonly language: string;
  readonly items: ReadonlyArray<{
    readonly id: string; readonly title: string; readonly link: string; readonly date: string;
    /** The article's own date (never a photo date alone), or null. */
    readonly published: string | null;
    readonly summary: string; readonly contentHtml: string; readonly categories: readonly string[];
  }>;
}

/** Everything a feed reads. */
export interface FeedInputs {
  readonly site: SiteInputs;
  readonly names: Names;
  /** The build's date, for undated articles. */
  readonly buildDate: string;
  /** Site-relative folder of the feed (`''` for the site's own feed). */
  readonly base: string;
  readonly title: string;
  readonly articles: readonly Article[];
}

/**
 * A feed of articles at `<base>feed.xml|json`. Links are absolute with a site URL and relative to
 * the feed without one; ids are stable URNs; undated articles carry the build date, never "now",
 * as the date they were last updated, and only an article's own date is its publication date.
 */
export function feedView({ site, names, buildDate, base, title, articles }: FeedInputs): FeedView {
  const up = '../'.repeat(base.split('/').length - 1);
  const link = (url: string): string => absoluteUrl(site.siteUrl, url) ?? `${up}${url}${url === '' || url.endsWith('/') ? 'index.html' : ''}`;
  const updated = articles.reduce((d, a) => (a.date && a.date > d ? a.date : d), '0000-00-00');
  return {
    title,
    id: absoluteUrl(site.siteUrl, base) ?? `urn:dateline:feed:${base || 'all'}`,
    link: link(base),
    updated: `${updated === '0000-00-00' ? buildDate : updated}T00:00:00Z`,
    atomUrl: link(`${base}feed.xml`),
    jsonUrl: link(`${base}feed.json`),
    author: { name: site.title, url: site.publisherUrl ?? site.siteUrl },
    language: site.language,
    items: articles.map((a) => ({
      id: `urn:dateline:article:${a.id}`,
      title: a.headline,
      link: link(urls.article(a.slug)),
      date: `${a.date ?? buildDate}T00:00:00Z`,
      published: ownDate(a) === null ? null : `${ownDate(a)}T00:00:00Z`,
      summary: a.paragraphs[0] ?? '',
      contentHtml: bodyHtml(a.paragraphs),
      categories: [...a.countries.map((c) => countryName(names, c)), ...a.topics.map((t) => topicName(names, t))],
    })),
  };
}
