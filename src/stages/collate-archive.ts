import type { Archive, Article, Collection } from '../model/types.js';
import { makeSlug } from '../enrich/make-slug.js';
import { monthNames } from '../text/month-names.js';
import { compareSources } from './dedupe-articles.js';
import { copyFields } from '../model/lazy-fields.js';

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
 * Gives every article a unique slug (collisions get `-2`, `-3`… in order of first source, so
 * neither article overwrites the other), sorts the archive newest first, and indexes it by
 * country, topic, credit and month. One pass per index: linear in the articles.
 */
export function collateArchive(input: readonly Article[], names: CollateNames): Archive {
  const bySource = [...input].sort((a, b) => compareSources(a.sources[0]!, b.sources[0]!) || (a.id < b.id ? -1 : 1));
  const taken = new Set<string>();
  // The next suffix to try for each base slug: long headlines that differ only past the
  // 80-character cut share a base, and trying -2, -3… from the start each time is quadratic.
  const nextSuffix = new Map<string, number>();
  const unique = bySource.map((article) => {
    let slug = article.slug;
    let n = nextSuffix.get(article.slug) ?? 2;
    while (taken.has(slug)) slug = `${article.slug.slice(0, 72).replace(/-$/, '')}-${n++}`;
    nextSuffix.set(article.slug, n);
    taken.add(slug);
    // A copy with its own slug; text the cache left unread stays unread.
    return slug === article.slug ? article : Object.assign(copyFields(article), { slug });
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
