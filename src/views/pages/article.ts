import type { Article } from '../../model/types.js';
import { articleJsonLd, articleOg } from '../article-meta.js';
import { bodyHtml, markdownHtml } from '../body-html.js';
import { articleCard, countryName, formatDate, pageView, topicName, type CardInput, type Names, type SiteInputs } from '../page-view.js';
import { linkTo, urls } from '../site-urls.js';
import { captionWithoutCredit } from '../../parse/text-key.js';

/** Everything an article page reads: the article, its neighbours and related cards, names. */
export interface ArticlePageInputs {
  readonly site: SiteInputs;
  readonly path: string;
  readonly url: string;
  readonly article: Article;
  readonly names: Names;
  /** The URL key of the article's credit page, or null. */
  readonly creditKey: string | null;
  readonly newer: { readonly headline: string; readonly slug: string } | null;
  readonly older: { readonly headline: string; readonly slug: string } | null;
  readonly related: readonly CardInput[];
}

/** The view of an article page, from its inputs alone. */
export function articlePageView(inputs: ArticlePageInputs): unknown {
  const { site, path, url, article: a, names } = inputs;
  const first = a.countries[0];
  const neighbour = (n: ArticlePageInputs['newer']) => (n ? { headline: n.headline, href: linkTo(path, urls.article(n.slug)) } : null);
  return {
    page: pageView(site, path, url, {
      title: a.headline,
      description: a.paragraphs[0]?.slice(0, 200) ?? a.headline,
      breadcrumbs: [
        { label: 'Home', url: urls.home },
        ...(first ? [{ label: countryName(names, first), url: urls.country(first) }] : []),
        { label: a.headline, url: null },
      ],
      og: articleOg(names, a),
      jsonLd: articleJsonLd(site, names, a),
      searchable: true,
    }),
    headline: a.headline,
    date: a.date,
    dateLabel: a.date ? formatDate(a.date) : null,
    dateIsPhoto: a.dateSource === 'caption',
    figure: a.captions.length === 0 ? null : {
      captions: a.captions.map(captionWithoutCredit),
      credit: a.credit,
      creditHref: a.credit && inputs.creditKey ? linkTo(path, urls.credit(inputs.creditKey)) : null,
    },
    byline: a.meta.byline ?? null,
    sourceUrl: a.meta.source_url ?? null, // only http(s) passes the front-matter schema
    summaryHtml: a.meta.summary ? markdownHtml(a.meta.summary) : null,
    editorNoteHtml: a.meta.editor_note ? markdownHtml(a.meta.editor_note) : null,
    bodyHtml: bodyHtml(a.paragraphs),
    countries: a.countries.map((c) => ({ name: countryName(names, c), code: c, href: linkTo(path, urls.country(c)) })),
    topics: a.topics.map((t) => ({ name: topicName(names, t), slug: t, href: linkTo(path, urls.topic(t)) })),
    newer: neighbour(inputs.newer),
    older: neighbour(inputs.older),
    related: inputs.related.map((r) => articleCard(names, path, r)),
    sources: { label: a.sources.length === 1 ? 'Source' : 'Sources', refs: a.sources.map((x) => `${x.file}:${x.line}`) },
  };
}
