import { hash } from 'node:crypto';
import { textKey } from './text-key.js';

/** Every slug matches this: lower-case ASCII words joined by single hyphens. */
export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Longest slug, in characters. */
export const maxSlugLength = 80;

/**
 * The identity of a story, used to merge copies across seed files and as a stable id: a hash of
 * its folded headline and first paragraph.
 */
export function storyKey(headline: string, firstParagraph: string): string {
  return foldedStoryKey(textKey(headline), textKey(firstParagraph));
}

/** `storyKey` of a headline and first paragraph already folded by `textKey`. */
export function foldedStoryKey(head: string, lead: string): string {
  return hash('sha256', `${head}\n${lead}`, 'hex').slice(0, 12);
}
