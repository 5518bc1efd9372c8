import { articleCard, articleCount, pageView, type CardInput, type Names, type SiteInputs } from '../page-view.js';
import { linkTo, urls } from '../site-urls.js';

/** A group as the home page and the index pages list it. */
export interface GroupLink {
  readonly key: string;
  readonly name: string;
  readonly count: number;
  /** The country's region (countries index only). */
  readonly region?: string;
}

/** Everything the home page reads. */
export interface HomePageInputs {
  readonly site: SiteInputs;
  readonly path: string;
  readonly total: string;
  readonly latest: readonly CardInput[];
  readonly names: Names;
  readonly more: boolean;
  /** The largest countries, topics and credits, and the latest months: the indexes list them all. */
  readonly countries: readonly GroupLink[];
  readonly topics: readonly GroupLink[];
  readonly credits: readonly GroupLink[];
  readonly months: readonly GroupLink[];
  /** How many of each the indexes hold. */
  readonly totals: { readonly countries: number; readonly topics: number; readonly credits: number; readonly months: number };
  readonly undated: number;
}

/** The view of the home page, from its inputs alone. */
export function homePageView(inputs: HomePageInputs): unknown {
  const { site, path, totals } = inputs;
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
    browse: [
      { id: 'browse-countries', heading: 'Countries', links: groupLinks(inputs.countries, urls.country), all: { href: linkTo(path, urls.countries), label: `All ${totals.countries} countries` } },
      { id: 'browse-topics', heading: 'Topics', links: groupLinks(inputs.topics, urls.topic), all: { href: linkTo(path, urls.topics), label: `All ${totals.topics} topics` } },
      { id: 'browse-months', heading: 'Months', links: groupLinks(inputs.months, urls.month), all: { href: linkTo(path, urls.archive), label: `All ${totals.months} months` } },
      { id: 'browse-credits', heading: 'Photo credits', links: groupLinks(inputs.credits, urls.credit), all: { href: linkTo(path, urls.credits), label: `All ${totals.credits} credits` } },
    ].filter((b) => b.links.length > 0),
    undated: inputs.undated === 0 ? null : { href: linkTo(path, urls.undated), label: `${articleCount(inputs.undated)} without a date` },
  };
}
