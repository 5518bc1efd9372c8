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
  const shared = new Map<string, number>();
  const groups = [...a.countries.map((c) => archive.countryByKey.get(c)), ...a.topics.map((t) => archive.topicByKey.get(t))];
  for (const g of groups) {
    if (!g) continue;
    const lo = positionIn(archive, g.articleIds, a);
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

/** Where `a` stands in a list of ids in archive order (newest first), by binary search on rank. */
export function positionIn(archive: Archive, ids: readonly string[], a: Article): number {
  const own = archive.rank.get(a.id)!;
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (archive.rank.get(ids[mid]!)! < own) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The articles next to `a` in a list in archive order: the one just newer, the one just older,
 * and up to `max` others nearest in time (those two first, then alternating outwards), so a new
 * article changes only the pages of the stories just before it.
 */
export function nearestIn(archive: Archive, ids: readonly string[], a: Article, max: number): { newer: Article | null; older: Article | null; nearest: Article[] } {
  const at = positionIn(archive, ids, a);
  const get = (i: number): Article | null => (i >= 0 && i < ids.length && ids[i] !== a.id ? archive.byId.get(ids[i]!)! : null);
  const nearest: Article[] = [];
  for (let step = 1; nearest.length < max && (at - step >= 0 || at + step < ids.length); step++) {
    for (const n of [get(at + step), get(at - step)]) if (n && nearest.length < max) nearest.push(n);
  }
  return { newer: get(at - 1), older: get(at + 1), nearest };
}
