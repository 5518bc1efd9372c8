import type { Archive, Article } from '../model/types.js';

/** How many neighbours on each side, in each shared country or topic, are considered. */
const window = 25;

/**
 * Up to `max` articles sharing the most countries and topics with `a`, most recent first among
 * equals. Candidates are `a`'s neighbours in time within each shared group, so the work per
 * article is bounded (the archive stays linear) and a new article only changes the related
 * lists of the stories just before it, not of every story on the subject.
 */
export function relatedArticles(archive: Archive, a: Article, max: number): Article[] {
  const rankOf = archive.rank;
  const own = rankOf.get(a.id)!;
  const shared = new Map<string, number>();
  const groups = [...a.countries.map((c) => archive.countryByKey.get(c)), ...a.topics.map((t) => archive.topicByKey.get(t))];
  for (const g of groups) {
    if (!g) continue;
    // Ids are in archive order (newest first): find this article by binary search on rank.
    let lo = 0;
    let hi = g.articleIds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rankOf.get(g.articleIds[mid]!)! < own) lo = mid + 1;
      else hi = mid;
    }
    const end = Math.min(g.articleIds.length, lo + 1 + window);
    for (let i = Math.max(0, lo - window); i < end; i++) {
      const id = g.articleIds[i]!;
      if (id !== a.id) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
  }
  return [...shared.entries()]
    .sort(([x, n], [y, m]) => m - n || rankOf.get(x)! - rankOf.get(y)!)
    .slice(0, max)
    .map(([id]) => archive.byId.get(id)!);
}
