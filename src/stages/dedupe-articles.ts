import type { MergedArticle, ParsedArticle, SourceRef } from '../model/types.js';
import { storyKey } from '../enrich/make-slug.js';
import { textKey } from '../parse/text-key.js';

/** Articles merged across seed files, and how many copies were folded in. */
export interface DedupeResult {
  readonly articles: readonly (MergedArticle & { readonly key: string })[];
  readonly duplicates: number;
}

/** Share of the longer copy's paragraphs two copies must have in common to be one story. */
const sameStoryOverlap = 0.5;

/** How many earlier stories under the same headline a copy is compared with, paragraph by paragraph. */
const overlapCandidates = 50;

/** Paragraphs shorter than this (datelines, sign-offs) do not count as shared text. */
const minSharedLength = 40;

interface Story {
  best: ParsedArticle;
  readonly sources: ParsedArticle['source'][];
  readonly paragraphs: Set<string>;
}

/**
 * Merges the copies of a story found in several seed files into one article that keeps every
 * source. Copies are the same story when their headlines match (folding case, quotes and white
 * space) and they share their first paragraph or at least half of their paragraphs, so a
 * truncated or lightly edited copy still merges while two different stories under a generic
 * headline stay apart. The longest copy is kept (ties: the first by seed path, then line), so
 * output never depends on the order files were read in. A hash map by headline: linear.
 */
export function dedupeArticles(parsed: readonly ParsedArticle[]): DedupeResult {
  const sorted = [...parsed].sort((a, b) => compareSources(a.source, b.source));
  const byHeadline = new Map<string, Story[]>();
  const byLead = new Map<string, Story>();
  const stories: Story[] = [];
  let duplicates = 0;
  for (const article of sorted) {
    const head = textKey(article.headline);
    const candidates = byHeadline.get(head) ?? [];
    // Same lead first, by key (a recurring headline such as "Today in History" can have
    // thousands of stories); the paragraph-overlap test only against the latest few.
    const lead = `${head}\n${textKey(article.paragraphs[0] ?? '')}`;
    const story = byLead.get(lead) ?? candidates.slice(-overlapCandidates).find((s) => isSameStory(s, article));
    if (story) {
      duplicates++;
      story.sources.push(article.source);
      for (const p of article.paragraphs) story.paragraphs.add(p);
      if (article.paragraphs.length > story.best.paragraphs.length) story.best = article;
      continue;
    }
    const created: Story = { best: article, sources: [article.source], paragraphs: new Set(article.paragraphs) };
    candidates.push(created);
    byHeadline.set(head, candidates);
    byLead.set(lead, created);
    stories.push(created);
  }
  const articles = stories.map(({ best, sources }) => {
    const { source: _source, ...rest } = best;
    return { ...rest, key: storyKey(best.headline, best.paragraphs[0] ?? ''), sources };
  });
  return { articles, duplicates };
}

/** Seed path, then line: the order of first appearance, independent of the order files were read. */
export function compareSources(x: SourceRef, y: SourceRef): number {
  return x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line;
}

function isSameStory(story: Story, article: ParsedArticle): boolean {
  const first = article.paragraphs[0];
  if (first !== undefined && textKey(first) === textKey(story.best.paragraphs[0] ?? '')) return true;
  // Otherwise most of the text must match: at least two real paragraphs, and half the longer copy.
  const shared = article.paragraphs.filter((p) => p.length >= minSharedLength && story.paragraphs.has(p)).length;
  return shared >= 2 && shared >= sameStoryOverlap * Math.max(article.paragraphs.length, story.best.paragraphs.length);
}
