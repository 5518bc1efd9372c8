import type { MergedArticle, ParsedArticle, SourceRef } from '../model/types.js';
import { storyKey } from '../enrich/make-slug.js';
import { captionCredit, captionWithoutCredit, textKey } from '../parse/text-key.js';
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

interface Story {
  best: ParsedArticle;
  captions: readonly string[];
  readonly sources: ParsedArticle['source'][];
  readonly paragraphs: Set<string>;
  readonly keys: Set<string>;
  readonly facts: Facts;
}

/** What tells two stories apart even under one headline and lead: their date, credit and captions. */
interface Facts {
  date: string | null;
  credit: string | null;
  readonly captions: Set<string>;
}

function factsOf(a: ParsedArticle): Facts {
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
  return { date, credit: credit === null ? null : textKey(credit), captions: new Set(a.captions.map((c) => textKey(captionWithoutCredit(c)))) };
}

/** True when two copies say different things about the same facts: not one story, whatever their text shares. */
function conflicts(x: Facts, y: Facts): boolean {
  if (x.date && y.date && x.date !== y.date) return true;
  if (x.credit && y.credit && x.credit !== y.credit) return true;
  if (x.captions.size > 0 && y.captions.size > 0 && ![...y.captions].some((c) => x.captions.has(c))) return true;
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
 */
export function dedupeArticles(parsed: readonly ParsedArticle[]): DedupeResult {
  const sorted = [...parsed].sort((a, b) => compareSources(a.source, b.source));
  const byHeadline = new Map<string, Story[]>();
  const byLead = new Map<string, Story[]>();
  const stories: Story[] = [];
  let duplicates = 0;
  for (const article of sorted) {
    const head = textKey(article.headline);
    const candidates = byHeadline.get(head) ?? [];
    // Same lead first, by key (a recurring headline such as "Today in History" can have
    // thousands of stories); the paragraph-overlap test only against the latest few.
    const lead = `${head}\n${textKey(article.paragraphs[0] ?? '')}`;
    const facts = factsOf(article);
    const sameLead = byLead.get(lead) ?? [];
    const story = sameLead.find((s) => isSameStory(s, article, facts)) ?? candidates.slice(-overlapCandidates).find((s) => isSameStory(s, article, facts));
    if (story) {
      duplicates++;
      story.sources.push(article.source);
      for (const p of article.paragraphs) {
        story.paragraphs.add(p);
        story.keys.add(textKey(p));
      }
      story.facts.date ??= facts.date;
      story.facts.credit ??= facts.credit;
      for (const c of facts.captions) story.facts.captions.add(c);
      if (story.captions.length === 0) story.captions = article.captions;
      if (article.paragraphs.length > story.best.paragraphs.length) story.best = article;
      continue;
    }
    const created: Story = {
      best: article, captions: article.captions, sources: [article.source], paragraphs: new Set(article.paragraphs),
      keys: new Set(article.paragraphs.map(textKey)), facts,
    };
    candidates.push(created);
    byHeadline.set(head, candidates);
    sameLead.push(created);
    byLead.set(lead, sameLead);
    stories.push(created);
  }
  const taken = new Set<string>();
  const merges: Merge[] = [];
  const articles = stories.map(({ best, sources, captions }) => {
    const { source: _source, ...rest } = best;
    // Two stories under one headline and lead get ids of their own: the later one's also holds where it was found.
    let key = storyKey(best.headline, best.paragraphs[0] ?? '');
    if (taken.has(key)) key = storyKey(best.headline, `${best.paragraphs[0] ?? ''}\n${sources[0]!.file}:${sources[0]!.line}`);
    taken.add(key);
    if (sources.length > 1) merges.push({ id: key, headline: best.headline, sources });
    return { ...rest, captions: best.captions.length > 0 ? best.captions : captions, key, sources };
  });
  return { articles, duplicates, merges };
}

/** Seed path, then line: the order of first appearance, independent of the order files were read. */
export function compareSources(x: SourceRef, y: SourceRef): number {
  return x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line;
}

function isSameStory(story: Story, article: ParsedArticle, facts: Facts): boolean {
  if (conflicts(story.facts, facts)) return false;
  const keys = article.paragraphs.map(textKey);
  const shared = keys.filter((k) => story.keys.has(k)).length;
  if (keys[0] !== undefined && keys[0] === textKey(story.best.paragraphs[0] ?? '')) {
    return shared >= Math.max(1, sameLeadOverlap * Math.min(keys.length, story.best.paragraphs.length));
  }
  // The lead was edited: most of the text must match, at least two real paragraphs and half the longer copy.
  const real = article.paragraphs.filter((p) => p.length >= minSharedLength && story.paragraphs.has(p)).length;
  return real >= 2 && real >= sameStoryOverlap * Math.max(article.paragraphs.length, story.best.paragraphs.length);
}
