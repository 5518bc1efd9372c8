import { pageView, scriptJson, type SiteInputs } from '../page-view.js';
import { linkTo, rootOf, urls } from '../site-urls.js';
import type { GroupLink } from './home.js';

/** Everything the search page and the 404 page read. */
export interface SearchPageInputs {
  readonly site: SiteInputs;
  readonly path: string;
  readonly url: string;
  readonly title: string;
  readonly countries: readonly GroupLink[];
  readonly topics: readonly GroupLink[];
  /** Output folders of the search bundles (`pagefind/2025/`), the first one the main bundle. */
  readonly bundles: readonly string[];
}

/** The view of the search page or the 404 page, from its inputs alone. */
export function searchPageView(inputs: SearchPageInputs): unknown {
  const { site, path, title } = inputs;
  return {
    page: pageView(site, path, inputs.url, { title, breadcrumbs: [{ label: 'Home', url: urls.home }, { label: title, url: null }] }),
    countries: inputs.countries.map((g) => ({ name: g.name, href: linkTo(path, urls.country(g.key)) })),
    topics: inputs.topics.map((g) => ({ name: g.name, href: linkTo(path, urls.topic(g.key)) })),
    search: {
      script: linkTo(path, 'assets/search.js'),
      // The main bundle's folder, relative to the page; the script imports its pagefind.js.
      bundle: `${rootOf(path)}${inputs.bundles[0]}`,
      // Bundles besides the first, relative to the page: merged into one search.
      mergeJson: scriptJson(inputs.bundles.slice(1).map((b) => `${rootOf(path)}${b}`)),
    },
  };
}
