import type { FrontMatter, MergedArticle, ParsedArticle, SourceRef } from '../model/types.js';
import { copyFields } from '../model/lazy-fields.js';
import { hash } from 'node:crypto';
import { foldedStoryKey } from '../text/slug.js';
import { captionCredit, captionWithoutCredit, textKey } from '../text/text-key.js';
import { findDate } from '../enrich/find-date.js';

/** A story found in several seed files, as the report lists it. */
export interface Merge {
  readonly id: string;
  readonly headline: string;
  readonly sources: readonly SourceRef[];
}

/** Articles merged across seed files, how many copies were folded in, and each merge. */
export interface DedupeResult {
  readonly articles: readonly (MergedArticle & { readonly key: string })[];
  readonly duplicates: number;
  readonly merges: readonly Merge[];
}

/** Share of the shorter copy's paragraphs two copies with the same lead must have in common. */
const sameLeadOverlap = 0.5;

/** Share of the longer copy's paragraphs two copies must have in common when their leads differ. */
const sameStoryOverlap = 0.5;

/** How many earlier stories under the same headline a copy is compared with, paragraph by paragraph. */
const overlapCandidates = 50;

/** Paragraphs shorter than this (datelines, sign-offs) do not count as shared text when the leads differ. */
const minSharedLength = 40;

/**
 * What dedupe reads of one parsed copy: folded keys of its headline and lead, short hashes of
 * its paragraphs and captions, and the date and credit it gives. A pure function of the copy's
 * text (never of its path), so the build caches it beside the parse result and a rebuild does
 * not fold every paragraph of the archive again.
 */
export interface CopyFacts {
  readonly head: string;
  readonly lead: string;
  /**
   * A hash of each paragraph's folded text, in order, joined (`keyLength` characters each): one
   * string, not one a paragraph, as the cache holds the facts of every copy of the archive and a
   * build reads them all, while only a copy meeting another under its headline needs them apart.
   */
  readonly keys: string;
  /** The hashes of the paragraphs long enough to count as shared text when leads differ, joined. */
  readonly real: string;
  readonly date: string | null;
  /** The folded photo credit, or null. */
  readonly credit: string | null;
  /** Hashes of the folded captions without their credits. */
  readonly captions: readonly string[];
  /** The story's id from its headline and lead (`foldedStoryKey`), unless another story took it first. */
  readonly id: string;
}

/** Characters of a paragraph's hash in `CopyFacts`. */
const keyLength = 16;

/** A short, collision-safe key for a folded text (96 bits). One-shot: a Hash object per paragraph cost twice the hashing. */
const keyHash = (folded: string): string => hash('sha1', folded, 'base64url').slice(0, keyLength);

/** How many paragraphs a copy has: its facts hold one hash a paragraph. */
const paragraphCount = (facts: CopyFacts): number => facts.keys.length / keyLength;

/** How many of the hashes joined in `joined` are in `set`, without taking them apart into an array. */
function countIn(joined: string, set: ReadonlySet<string>): number {
  let count = 0;
  for (let i = 0; i < joined.length; i += keyLength) if (set.has(joined.slice(i, i + keyLength))) count++;
  return count;
}

/** The hashes joined in a `CopyFacts` field, apart. */
function hashesIn(joined: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < joined.length; i += keyLength) out.push(joined.slice(i, i + keyLength));
  return out;
}

/** The facts dedupe needs of a copy. */
export function copyFacts(a: ParsedArticle): CopyFacts {
  let date = a.meta.date ?? null;
  for (const p of a.paragraphs) {
    if (date) break;
    date = findDate(p);
  }
  for (const c of a.captions) {
    if (date) break;
    date = findDate(c);
  }
  const credit = a.meta.credit ?? a.captions.map(captionCredit).find((c) => c !== null) ?? null;
  const keys = a.paragraphs.map((p) => keyHash(textKey(p)));
  const head = textKey(a.headline);
  const lead = textKey(a.paragraphs[0] ?? '');
  return {
    head,
    lead,
    keys: keys.join(''),
    real: keys.filter((_, i) => a.paragraphs[i]!.length >= minSharedLength).join(''),
    date,
    credit: credit === null ? null : textKey(credit),
    captions: a.captions.map((c) => keyHash(textKey(captionWithoutCredit(c)))),
    id: foldedStoryKey(head, lead),
  };
}

/**
 * A story as dedupe finds it. Most stories have one copy: what only merging needs (the sets of
 * paragraph hashes, the captions by hash, every copy's front matter) is made when a second
 * copy under the same headline is compared or merged, not for every story of the archive.
 */
interface Story {
  best: ParsedArticle;
  bestFacts: CopyFacts;
  /** Every copy and its facts, in the order the copies were found. */
  readonly copies: Array<{ readonly article: ParsedArticle; readonly facts: CopyFacts }>;
  /** The union of the copies' paragraph hashes, and of their real ones; made on first comparison. */
  text: { readonly keys: Set<string>; readonly real: Set<string> } | null;
  readonly facts: Facts;
}

/** The paragraph hashes of a story's copies, made when first needed and kept up to date after. */
function textOf(story: Story): NonNullable<Story['text']> {
  story.text ??= { keys: new Set(story.copies.flatMap((c) => hashesIn(c.facts.keys))), real: new Set(story.copies.flatMap((c) => hashesIn(c.facts.real))) };
  return story.text;
}

/** What tells two stories apart even under one headline and lead: their date, credit and captions. */
interface Facts {
  date: string | null;
  credit: string | null;
  readonly captions: Set<string>;
}

/** True when two copies say different things about the same facts: not one story, whatever their text shares. */
function conflicts(x: Facts, y: CopyFacts): boolean {
  if (x.date && y.date && x.date !== y.date) return true;
  if (x.credit && y.credit && x.credit !== y.credit) return true;
  if (x.captions.size > 0 && y.captions.length > 0 && !y.captions.some((c) => x.captions.has(c))) return true;
  return false;
}

/**
 * Merges the copies of a story found in several seed files into one article that keeps every
 * source. Copies are one story when their headlines match (folding case, quotes and white
 * space), they give no conflicting date, photo credit or caption, and they share their body:
 * the same lead and half the shorter copy's paragraphs, or, when the lead was edited, at least
 * two real paragraphs and half the longer copy. So a truncated or lightly edited copy merges,
 * while two stories under one headline and lead (a story re-run years later with another photo)
 * stay two articles, with ids of their own. The longest copy is kept (ties: the first by seed
 * path, then line), and captions only another copy had are kept too; output never depends on
 * the order files were read in. Hash maps by headline and lead: linear.
 *
 * `factsOf` gives each copy's facts (the build passes cached ones); by default they are computed.
 */
export function dedupeArticles(parsed: readonly ParsedArticle[], factsOf: (a: ParsedArticle) => CopyFacts = copyFacts): DedupeResult {
  const sorted = parsed.map((article) => ({ article, facts: factsOf(article) })).sort((a, b) => compareSources(a.article.source, b.article.source));
  const byHeadline = new Map<string, Story[]>();
  const byLead = new Map<string, Story[]>();
  const stories: Story[] = [];
  let duplicates = 0;
  for (const { article, facts } of sorted) {
    const candidates = byHeadline.get(facts.head) ?? [];
    // Same lead first, by key (a recurring headline such as "Today in History" can have
    // thousands of stories); the paragraph-overlap test only against the latest few.
    const lead = `${facts.head}\n${facts.lead}`;
    const sameLead = byLead.get(lead) ?? [];
    const story = sameLead.find((s) => isSameStory(s, facts)) ?? candidates.slice(-overlapCandidates).find((s) => isSameStory(s, facts));
    if (story) {
      duplicates++;
      story.copies.push({ article, facts });
      const text = textOf(story);
      for (const k of hashesIn(facts.keys)) text.keys.add(k);
      for (const k of hashesIn(facts.real)) text.real.add(k);
      story.facts.date ??= facts.date;
      story.facts.credit ??= facts.credit;
      for (const c of facts.captions) story.facts.captions.add(c);
      // Paragraph counts from the facts (one hash a paragraph): the text of a cached copy stays unread.
      if (paragraphCount(facts) > paragraphCount(story.bestFacts)) {
        story.best = article;
        story.bestFacts = facts;
      }
      continue;
    }
    const created: Story = {
      best: article, bestFacts: facts, copies: [{ article, facts }], text: null,
      facts: { date: facts.date, credit: facts.credit, captions: new Set(facts.captions) },
    };
    candidates.push(created);
    byHeadline.set(facts.head, candidates);
    sameLead.push(created);
    byLead.set(lead, sameLead);
    stories.push(created);
  }
  const taken = new Set<string>();
  const merges: Merge[] = [];
  const articles = stories.map(({ best, bestFacts, copies }) => {
    const sources = copies.map((c) => c.article.source);
    // Two stories under one headline and lead get ids of their own: the later one's also holds where it was found.
    let key = bestFacts.id;
    if (taken.has(key)) {
      const where = textKey(`${sources[0]!.file}:${sources[0]!.line}`);
      key = foldedStoryKey(bestFacts.head, bestFacts.lead ? `${bestFacts.lead} ${where}` : where);
    }
    taken.add(key);
    // The kept copy's fields but its source, copied so that text the cache left unread stays unread.
    if (copies.length === 1) return Object.assign(copyFields(best, ['source']), { meta: { ...best.meta }, captions: [...best.captions], key, sources });
    merges.push({ id: key, headline: best.headline, sources });
    // Nothing only one copy had is lost: the kept copy's captions first, then any other copy's
    // (each once, by folded text, in the order the copies were found); front matter fields the
    // kept copy lacks come from the others (the first copy that has one).
    const [first, ...others] = copies;
    const captions = new Map(first!.article.captions.map((c, i) => [first!.facts.captions[i]!, c]));
    for (const { article, facts } of others) article.captions.forEach((c, i) => { if (!captions.has(facts.captions[i]!)) captions.set(facts.captions[i]!, c); });
    const own = new Set(bestFacts.captions);
    const more = [...captions].filter(([k]) => !own.has(k)).map(([, c]) => c);
    const meta = Object.assign({}, ...copies.map((c) => c.article.meta).reverse(), best.meta) as FrontMatter;
    return Object.assign(copyFields(best, ['source']), { meta, captions: [...best.captions, ...more], key, sources });
  });
  return { articles, duplicates, merges };
}

/** Seed path, then line: the order of first appearance, independent of the order files were read. */
export function compareSources(x: SourceRef, y: SourceRef): number {
  return x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line;
}

function isSameStory(story: Story, facts: CopyFacts): boolean {
  if (conflicts(story.facts, facts)) return false;
  const text = textOf(story);
  const paragraphs = paragraphCount(facts);
  const bestParagraphs = paragraphCount(story.bestFacts);
  const shared = countIn(facts.keys, text.keys);
  if (paragraphs > 0 && facts.lead === story.bestFacts.lead) {
    return shared >= Math.max(1, sameLeadOverlap * Math.min(paragraphs, bestParagraphs));
  }
  // The lead was edited: most of the text must match, at least two real paragraphs and half the longer copy.
  const real = countIn(facts.real, text.real);
  return real >= 2 && real >= sameStoryOverlap * Math.max(paragraphs, bestParagraphs);
}
