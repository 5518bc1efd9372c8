import type { Archive, Article } from '../model/types.js';

/** How many of the newest articles of each shared country or topic are considered. */
const candidatesPerGroup = 50;

/**
 * Up to `max` articles sharing the most countries and topics with `a`, most recent first
 * among equals. Bounded work per article, so the archive stays linear in its size.
 */
export function relatedArticles(archive: Archive, a: Article, max: number): Article[] {
  const shared = new Map<string, number>();
  const groups = [
    ...a.countries.map((c) => archive.countryByKey.get(c)),
    ...a.topics.map((t) => archive.topicByKey.get(t)),
  ];
  for (const g of groups) {
    if (!g) continue;
    for (const id of g.articleIds.slice(0, candidatesPerGroup)) {
      if (id !== a.id) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
  }
  return [...shared.entries()]
    .sort(([x, n], [y, m]) => m - n || archive.rank.get(x)! - archive.rank.get(y)!)
    .slice(0, max)
    .map(([id]) => archive.byId.get(id)!);
}
