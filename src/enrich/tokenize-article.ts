import type { ArticleText } from './find-countries.js';
import { tokenize, type Tokens } from './tokenize.js';

/** An article's zones, each tokenized once and shared by country and topic finding. */
export interface ArticleTokens {
  readonly headline: Tokens;
  readonly paragraphs: readonly Tokens[];
  readonly captions: readonly Tokens[];
}

/** Tokenizes the headline, paragraphs and captions of an article. */
export function tokenizeArticle(text: ArticleText): ArticleTokens {
  return {
    headline: tokenize(text.headline),
    paragraphs: text.paragraphs.map(tokenize),
    captions: text.captions.map(tokenize),
  };
}
