import { articleCard, pageView, type CardInput, type Names, type SiteInputs } from '../page-view.js';
import { linkTo } from '../site-urls.js';

/** A breadcrumb: a label and a site-relative URL, or null for the current page. */
export interface Crumb {
  readonly label: string;
  readonly url: string | null;
}

/** Everything one page of an article list reads. */
export interface ListPageInputs {
  readonly site: SiteInputs;
  readonly path: string;
  readonly url: string;
  readonly heading: string;
  readonly description: string;
  readonly intro: string | null;
  readonly breadcrumbs: readonly Crumb[];
  readonly feeds: { readonly atom: string; readonly json: string; readonly title: string } | null;
  readonly cards: readonly CardInput[];
  readonly names: Names;
  readonly newerUrl: string | null;
  readonly olderUrl: string | null;
}

/** The view of one page of an article list, from its inputs alone. */
export function listPageView(inputs: ListPageInputs): unknown {
  const { site, path, feeds } = inputs;
  return {
    page: pageView(site, path, inputs.url, {
      title: inputs.heading,
      description: inputs.description,
      breadcrumbs: inputs.breadcrumbs,
      feeds: feeds ? [
        { type: 'application/atom+xml', title: `${feeds.title} (Atom)`, url: feeds.atom },
        { type: 'application/feed+json', title: `${feeds.title} (JSON Feed)`, url: feeds.json },
      ] : [],
    }),
    heading: inputs.heading,
    intro: inputs.intro,
    cards: inputs.cards.map((c) => articleCard(inputs.names, path, c)),
    newer: inputs.newerUrl === null ? null : linkTo(path, inputs.newerUrl),
    older: inputs.olderUrl === null ? null : linkTo(path, inputs.olderUrl),
    feeds: feeds ? { atom: linkTo(path, feeds.atom), json: linkTo(path, feeds.json) } : null,
  };
}
