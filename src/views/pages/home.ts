import { articleCard, pageView, type CardInput, type Names, type SiteInputs } from '../page-view.js';
import { linkTo, urls } from '../site-urls.js';

/** A group as the home page and the index pages list it. */
export interface GroupLink {
  readonly key: string;
  readonly name: string;
  readonly count: number;
}

/** Everything the home page reads. */
export interface HomePageInputs {
  readonly site: SiteInputs;
  readonly path: string;
  readonly total: string;
  readonly latest: readonly CardInput[];
  readonly names: Names;
  readonly more: boolean;
  readonly countries: readonly GroupLink[];
  readonly topics: readonly GroupLink[];
  readonly credits: readonly GroupLink[];
  readonly months: readonly GroupLink[];
}

/** The view of the home page, from its inputs alone. */
export function homePageView(inputs: HomePageInputs): unknown {
  const { site, path } = inputs;
  const groupLinks = (groups: readonly GroupLink[], urlOf: (k: string) => string) =>
    groups.map((g) => ({ name: g.name, href: linkTo(path, urlOf(g.key)), count: g.count }));
  return {
    page: pageView(site, path, urls.home, {
      title: site.title,
      jsonLd: { '@context': 'https://schema.org', '@type': 'WebSite', name: site.title, ...(site.siteUrl ? { url: site.siteUrl } : {}) },
    }),
    total: inputs.total,
    latest: inputs.latest.map((a) => articleCard(inputs.names, path, a)),
    moreHref: inputs.more ? linkTo(path, urls.archive) : null,
    countries: groupLinks(inputs.countries, urls.country),
    topics: groupLinks(inputs.topics, urls.topic),
    credits: groupLinks(inputs.credits, urls.credit),
    months: groupLinks(inputs.months, urls.month),
  };
}
