import type { MergedArticle, ParsedArticle } from '../model/types.js';
import { storyKey } from '../enrich/make-slug.js';

/** Articles merged across seed files, and how many copies were folded in. */
export interface DedupeResult {
  readonly articles: readonly (MergedArticle & { readonly key: string })[];
  readonly duplicates: number;
}

/**
 * Merges the copies of a story found in several seed files (same headline and first paragraph,
 * compared after folding case, quotes and white space) into one article that keeps every
 * source. The copy from the first source (seed path, then line) is kept, so output never
 * depends on the order files were read in. One pass with a hash map: linear in the articles.
 */
export function dedupeArticles(parsed: readonly ParsedArticle[]): DedupeResult {
  const sorted = [...parsed].sort(
    (a, b) => (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : a.source.line - b.source.line),
  );
  const byKey = new Map<string, { article: ParsedArticle; sources: ParsedArticle['source'][] }>();
  let duplicates = 0;
  for (const article of sorted) {
    const key = storyKey(article.headline, article.paragraphs[0] ?? '');
    const seen = byKey.get(key);
    if (seen) {
      duplicates++;
      seen.sources.push(article.source);
      // The longer copy is the more complete scrape; ties keep the first.
      if (article.paragraphs.length > seen.article.paragraphs.length) seen.article = article;
      continue;
    }
    byKey.set(key, { article, sources: [article.source] });
  }
  const articles = [...byKey.entries()].map(([key, { article, sources }]) => {
    const { source: _source, ...rest } = article;
    return { ...rest, key, sources };
  });
  return { articles, duplicates };
}
