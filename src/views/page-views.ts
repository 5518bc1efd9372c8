import type { Article, BuildReport, SearchRecord } from '../model/types.js';
import { articleRecord } from './article-record.js';
import { feedView, type FeedInputs } from './feed-view.js';
import { articlePageView } from './pages/article.js';
import { groupsPageView } from './pages/groups.js';
import { homePageView } from './pages/home.js';
import { listPageView } from './pages/list.js';
import { searchPageView } from './pages/search.js';
import { timelinePageView } from './pages/timeline.js';

/**
 * Every view, by name: each a pure function of its page's declared inputs and nothing else, so
 * a hash of the inputs is a complete cache key for the page (with the templates and the code).
 */
export const pageViews = {
  home: homePageView,
  article: articlePageView,
  list: listPageView,
  groups: groupsPageView,
  timeline: timelinePageView,
  search: searchPageView,
  feed: (inputs: FeedInputs) => feedView(inputs),
  sitemap: (inputs: { readonly urls: readonly SitemapUrl[] }) => inputs,
  'sitemap-index': (inputs: { readonly sitemaps: readonly SitemapUrl[] }) => inputs,
  articles: (inputs: { readonly articles: readonly Article[] }) => ({ key: 'articles', items: inputs.articles.map(articleRecord) }),
  report: (inputs: { readonly report: BuildReport }) => inputs.report,
  text: (inputs: { readonly text: string }) => inputs.text,
  asset: (inputs: { readonly name: string }) => inputs.name,
};

/** One `<url>` (or `<sitemap>`) of a sitemap: an absolute URL and its last modification, `YYYY-MM-DD`. */
export interface SitemapUrl {
  readonly loc: string;
  readonly lastmod: string;
}

/** The views by name. */
export type PageViews = typeof pageViews;

/** The name of a view. */
export type ViewName = keyof PageViews;

/** One output file to produce: where it goes, the template that renders it and the view and inputs it reads. */
export type PagePlan = {
  readonly [K in ViewName]: {
    /** Output path relative to the output folder, POSIX separators, e.g. `articles/x/index.html`. */
    readonly path: string;
    /** Template name (eta, without extension), or a non-HTML renderer such as `atom` or `json-list`. */
    readonly template: string;
    readonly view: K;
    /**
     * Everything the view reads, as plain data (articles by reference). Made when the page is
     * keyed or rendered, so a large archive's inputs never sit in memory together.
     */
    readonly inputs: () => Parameters<PageViews[K]>[0];
    /** The page's entry in the search index, for pages that are searched (articles). */
    readonly search?: () => SearchRecord;
  };
}[ViewName];

/** The view of a plan from the given inputs (made by `plan.inputs()`). */
export function viewOf(plan: PagePlan, inputs: unknown): unknown {
  return (pageViews[plan.view] as (inputs: unknown) => unknown)(inputs);
}
