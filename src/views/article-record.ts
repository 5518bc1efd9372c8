import type { Article } from '../model/types.js';
import { urls } from './site-urls.js';

/** An article as published in `data/articles.json`: a public interface, so fields are only added, never renamed. */
export function articleRecord(a: Article): Record<string, unknown> {
  return {
    id: a.id,
    slug: a.slug,
    url: urls.article(a.slug),
    headline: a.headline,
    captions: a.captions,
    credit: a.credit,
    date: a.date,
    dateSource: a.dateSource,
    photo_date: a.photoDate,
    dateline: a.dateline,
    agency: a.agency,
    photographer: a.photographer,
    countries: a.countries,
    topics: a.topics,
    topicEvidence: a.topicEvidence,
    countryEvidence: a.countryEvidence,
    paragraphs: a.paragraphs,
    sources: a.sources,
    ...(a.meta.byline ? { byline: a.meta.byline } : {}),
    ...(a.meta.source_url ? { source_url: a.meta.source_url } : {}),
  };
}
