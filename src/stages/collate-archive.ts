import type { Archive, Article, Collection } from '../model/types.js';
import { makeSlug } from '../enrich/make-slug.js';
import { monthNames } from '../text/month-names.js';
import { compareSources } from './dedupe-articles.js';
import { copyFields } from '../model/lazy-fields.js';
import { maxSlugLength, slugPattern } from '../text/slug.js';

/** Display names for the keys collections are built on. */
export interface CollateNames {
  readonly country: (code: string) => string;
  readonly topic: (slug: string) => string;
}

/**
 * Newest first; undated articles last, in the order of their seed files and lines (the order they
 * were scraped in, not the alphabet of their headlines); ties of a date broken by headline, then
 * id, so order never depends on input order.
 */
export function compareNewestFirst(a: Article, b: Article): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  if (a.date === null) return compareSources(a.sources[0]!, b.sources[0]!) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return a.headline < b.headline ? -1 : a.headline > b.headline ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Gives every article a unique slug, sorts the archive newest first, and indexes it by country,
 * topic, credit and month. One pass per index: linear in the articles.
 *
 * Of the articles whose headlines give one slug, the first by source keeps it, and each other
 * adds its own date (`…-2024-07-10`), or, undated or on the same day as another, the start of
 * its id (`…-3fa2c1`). A suffix belongs to its article, not to its place among the others, so a
 * new article with the same headline never moves an older one, except the one whose plain slug
 * it takes by coming first: numbering them in turn (`-2`, `-3`…) moved every later one, each
 * time, with their pages, links and search bundles. Only two suffixes that still collide (a
 * headline that ends in a date, say) are numbered.
 */
export function collateArchive(input: readonly Article[], names: CollateNames): Archive {
  const bySource = [...input].sort((a, b) => compareSources(a.sources[0]!, b.sources[0]!) || (a.id < b.id ? -1 : 1));
  const firstOf = new Map<string, Article>();
  for (const a of bySource) if (!firstOf.has(a.slug)) firstOf.set(a.slug, a);
  // Every plain slug is its first article's, whatever suffix another article would make.
  const taken = new Set(firstOf.keys());
  const unique = bySource.map((article) => {
    if (firstOf.get(article.slug) === article) return article;
    // Room for the longest suffix (a date, then a number) within the slug length.
    const stem = article.slug.slice(0, maxSlugLength - 14).replace(/-$/, '');
    const own = idPart(article.id);
    const candidates = [...(article.date ? [`${stem}-${article.date}`] : []), ...(own ? [`${stem}-${own}`] : [])];
    let slug = candidates.find((c) => slugPattern.test(c) && !taken.has(c));
    if (slug === undefined) {
      const root = candidates[0] ?? stem;
      let n = 2;
      do slug = `${root}-${n++}`;
      while (taken.has(slug));
    }
    taken.add(slug);
    // A copy with its own slug; text the cache left unread stays unread.
    return Object.assign(copyFields(article), { slug });
  });
  const articles = unique.sort(compareNewestFirst);

  const group = (keysOf: (a: Article) => readonly string[], nameOf: (key: string) => string): Collection[] => {
    const map = new Map<string, string[]>();
    for (const a of articles) {
      for (const key of new Set(keysOf(a))) {
        const ids = map.get(key);
        if (ids) ids.push(a.id);
        else map.set(key, [a.id]);
      }
    }
    return [...map.entries()]
      .map(([key, articleIds]) => ({ key, name: nameOf(key), articleIds }))
      .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : x.key < y.key ? -1 : 1));
  };
  // Credit pages belong to the agency (`Reuters` for `Dalati & Nohra/Handout via Reuters`).
  // Slugging is costly and agencies repeat: key each distinct agency once.
  const keyOfCredit = new Map<string, string>();
  const creditNames = new Map<string, string>();
  for (const a of articles) {
    if (!a.agency || keyOfCredit.has(a.agency)) continue;
    const key = creditKey(a.agency);
    keyOfCredit.set(a.agency, key);
    if (!creditNames.has(key)) creditNames.set(key, a.agency);
  }
  const countries = group((a) => a.countries, names.country);
  const topics = group((a) => a.topics, names.topic);
  return {
    articles,
    byId: new Map(articles.map((a) => [a.id, a])),
    rank: new Map(articles.map((a, i) => [a.id, i])),
    countries,
    topics,
    countryByKey: new Map(countries.map((c) => [c.key, c])),
    topicByKey: new Map(topics.map((t) => [t.key, t])),
    creditKeyOf: keyOfCredit,
    credits: group((a) => (a.agency ? [keyOfCredit.get(a.agency)!] : []), (k) => creditNames.get(k) ?? k),
    months: group((a) => (a.date ? [a.date.slice(0, 7)] : []), monthName).sort((x, y) => (x.key < y.key ? 1 : -1)),
  };
}

/** The URL key of a credit: its slug. */
export function creditKey(credit: string): string {
  return makeSlug(credit, 'unknown');
}


/** `2025-03` → `March 2025`. */
export function monthName(key: string): string {
  return `${monthNames[Number(key.slice(5, 7)) - 1] ?? key} ${key.slice(0, 4)}`;
}

/** The start of an article id as a slug suffix: six letters and digits (none when the id has none). */
function idPart(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 6);
}
