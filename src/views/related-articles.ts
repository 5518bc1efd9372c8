import type { Archive, Article, Collection } from '../model/types.js';

/** How many neighbours on each side, in each shared country or topic, are considered. */
const window = 25;

/** The archive ranks (0 = newest) of a list of article ids in archive order (ascending), by list (lists are never changed once collated). */
const ranksOfList = new WeakMap<readonly string[], Int32Array>();

function listRanks(archive: Archive, ids: readonly string[]): Int32Array {
  let ranks = ranksOfList.get(ids);
  if (ranks === undefined) {
    ranks = Int32Array.from(ids, (id) => archive.rank.get(id)!);
    ranksOfList.set(ids, ranks);
  }
  return ranks;
}

const groupRanks = (archive: Archive, g: Collection): Int32Array => listRanks(archive, g.articleIds);

/**
 * Up to `max` articles sharing the most countries and topics with `a`, most recent first among
 * equals. Candidates are `a`'s neighbours in time within each shared group, so the work per
 * article is bounded (the archive stays linear) and a new article only changes the related
 * lists of the stories just before it, not of every story on the subject.
 */
export function relatedArticles(archive: Archive, a: Article, max: number): Article[] {
  if (max <= 0) return [];
  const own = archive.rank.get(a.id)!;
  // Candidate rank → how many of `a`'s groups it shares, in an array per archive (zeroed again
  // below) rather than a Map: this runs for every article of every build.
  const shared = counterOf(archive);
  const touched: number[] = [];
  const groups = [...a.countries.map((c) => archive.countryByKey.get(c)), ...a.topics.map((t) => archive.topicByKey.get(t))];
  for (const g of groups) {
    if (!g) continue;
    // Groups are in archive order (newest first): find this article by binary search on rank.
    const ranks = groupRanks(archive, g);
    const lo = firstNotNewer(ranks.length, (i) => ranks[i]!, own);
    const end = Math.min(ranks.length, lo + 1 + window);
    for (let i = Math.max(0, lo - window); i < end; i++) {
      const r = ranks[i]!;
      if (r === own) continue;
      if (shared[r] === 0) touched.push(r);
      shared[r]!++;
    }
  }
  // The best `max` by count, then rank: a short insertion list, not a sort of every candidate.
  const best: Array<[rank: number, count: number]> = [];
  for (const r of touched) {
    const n = shared[r]!;
    shared[r] = 0;
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

/** A count per article of the archive, all zero between calls of `relatedArticles`. */
const counters = new WeakMap<Archive, Uint16Array>();

function counterOf(archive: Archive): Uint16Array {
  let counts = counters.get(archive);
  if (counts === undefined) {
    counts = new Uint16Array(archive.articles.length);
    counters.set(archive, counts);
  }
  return counts;
}

/** Where `a` stands in a list of ids in archive order (newest first), by binary search on rank. */
export function positionIn(archive: Archive, ids: readonly string[], a: Article): number {
  const ranks = listRanks(archive, ids);
  return firstNotNewer(ids.length, (i) => ranks[i]!, archive.rank.get(a.id)!);
}

/** In a list of `length` ranks in ascending order (`rankAt(i)`), the first index whose rank is not below `own`. */
function firstNotNewer(length: number, rankAt: (i: number) => number, own: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rankAt(mid) < own) lo = mid + 1;
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
