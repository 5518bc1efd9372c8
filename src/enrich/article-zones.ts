import type { Tokens } from './tokenize.js';
import type { ArticleTokens } from './tokenize-article.js';

/** Where in an article a zone stands: what it weighs for countries and topics alike. */
export type ZoneKind = 'headline' | 'dateline' | 'lead' | 'body' | 'caption';

/** How much one mention counts in each kind of zone. */
export type ZoneWeights = Readonly<Record<ZoneKind, number>>;

/** One zone of an article: its tokens, what kind of zone it is, and the weight that gives it. */
export interface Zone {
  readonly tokens: Tokens;
  readonly kind: ZoneKind;
  readonly weight: number;
}

/** Paragraphs counted as the lead: the first two say what the story is. */
const leadParagraphs = 2;

/**
 * An article's zones in reading order — headline, paragraphs (the first two as the lead),
 * captions — each weighted by `weights`. The one place both country and topic finding take
 * their zones from, so that they agree on what the headline and the lead are.
 */
export function articleZones(words: ArticleTokens, weights: ZoneWeights): Zone[] {
  const zone = (tokens: Tokens, kind: ZoneKind): Zone => ({ tokens, kind, weight: weights[kind] });
  return [
    zone(words.headline, 'headline'),
    ...words.paragraphs.map((tokens, i) => zone(tokens, i < leadParagraphs ? 'lead' : 'body')),
    ...words.captions.map((tokens) => zone(tokens, 'caption')),
  ];
}
