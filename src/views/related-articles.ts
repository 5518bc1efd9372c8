import type { Archive, Article, Collection } from '../model/types.js';

/** How many neighbours on each side, in each shared country or topic, are considered. */
const window = 25;

/** The archive ranks (0 = newest) of a group's articles, in the group's order (ascending). */
const ranksOfGroup = new WeakMap<Collection, Int32Array>();

function groupRanks(archive: Archive, g: Collection): Int32Array {
  let ranks = ranksOfGroup.get(g);
  if (ranks === undefined) {
    ranks = Int32Array.from(g.articleIds, (id) => archive.rank.get(id)!);
    ranksOfGroup.set(g, ranks);
  }
  return ranks;
}

/**
 * Up to `max` articles sharing the most countries and topics with `a`, most recent first among
 * equals. Candidates are `a`'s neighbours in time within each shared group, so the work per
 * article is bounded (the archive stays linear) and a new article only changes the related
 * lists of the stories just before it, not of every story on the subject.
 */
export function relatedArticles(archive: Archive, a: Article, max: number): Article[] {
  if (max <= 0) return [];
  const own = archive.rank.get(a.id)!;
  // Candidate rank → how many of `a`'s groups it shares.
  const shared = new Map<number, number>();
  const groups = [...a.countries.map((c) => archive.countryByKey.get(c)), ...a.topics.map((t) => archive.topicByKey.get(t))];
  for (const g of groups) {
    if (!g) continue;
    // Groups are in archive order (newest first): find this article by binary search on rank.
    const ranks = groupRanks(archive, g);
    let lo = 0;
    let hi = ranks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranks[mid]! < own) lo = mid + 1;
      else hi = mid;
    }
    const end = Math.min(ranks.length, lo + 1 + window);
    for (let i = Math.max(0, lo - window); i < end; i++) {
      const r = ranks[i]!;
      if (r !== own) shared.set(r, (shared.get(r) ?? 0) + 1);
    }
  }
  // The best `max` by count, then rank: a short insertion list, not a sort of every candidate.
  const best: Array<[rank: number, count: number]> = [];
  for (const [r, n] of shared) {
    if (best.length === max) {
      const [lr, ln] = best[max - 1]!;
      if (n < ln || (n === ln && r > lr)) continue;
      best.pop();
    }
    let at = best.length;
    while (at > 0 && (best[at - 1]![1] < n || (best[at - 1]![1] === n && best[at - 1]![0] > r))) at--;
    best.splice(at, 0, [r, n]);
  }
  return best.map(([r]) => archive.articles[r]!);
}
