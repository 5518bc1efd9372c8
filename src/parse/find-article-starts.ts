import type { Block } from './split-blocks.js';
import { captionCredit, isNoiseLine, textKey } from './text-key.js';

/** How many non-empty lines after a headline its repeat may stand (captions and noise between). */
const repeatWindow = 12;

/** Longest line taken for a headline. */
export const maxHeadlineChars = 300;

/**
 * True when a line has the shape of a headline: short, not noise, and not ending like a
 * sentence (a full stop after a lowercase letter or digit, a colon, a closing quote), which
 * tells it from a paragraph.
 */
export function isHeadlineShaped(line: string): boolean {
  const text = line.trim();
  return (
    text.length >= 3 &&
    text.length <= maxHeadlineChars &&
    !isNoiseLine(text) &&
    !/[a-z0-9)\]][.]$|[:;,]$|[.!?,]["\u201D\u2019']$/.test(text)
  );
}

/** Where a headline is printed again, and whether a header (captions, noise) stands between. */
export interface HeadlineRepeat {
  /** Index of the block that repeats the headline. */
  readonly at: number;
  /**
   * Captions or scrape noise stand between the headline and its repeat: the scrape's header.
   * A bare repeat (the next block is the same line) may also be a paragraph printed twice.
   */
  readonly framed: boolean;
}

/** True for a line that can stand in an article header: noise (`TT`, `20`) or a credited caption. */
export function isHeaderLine(line: string): boolean {
  return isNoiseLine(line) || captionCredit(line) !== null;
}

/**
 * For each block, where its first line is printed again as a headline (the scrape prints every
 * headline twice, with the captions and noise between), or null. A framed repeat needs only a
 * short line; a bare one (nothing between) needs a headline-shaped line.
 */
export function findHeadlineRepeats(blocks: readonly Block[]): Array<HeadlineRepeat | null> {
  // Only a short line can be a headline or its repeat: fold just those.
  // A credited line is a caption (the same photo may run with the next story): never a headline.
  const firsts = blocks.map((block) => {
    const line = block.lines[0]!;
    return line.length <= maxHeadlineChars && !isNoiseLine(line) && captionCredit(line) === null ? line : null;
  });
  // Folding is the costly part: fold a line only when a candidate of about its length needs it.
  const folded: Array<string | undefined> = [];
  const keyOf = (i: number): string => (folded[i] ??= textKey(firsts[i]!));
  const sameText = (i: number, j: number): boolean => {
    const x = firsts[i];
    const y = firsts[j];
    if (x === null || x === undefined || y === null || y === undefined) return false;
    if (x === y) return true;
    return Math.abs(x.length - y.length) <= 4 + x.length / 10 && keyOf(i) === keyOf(j);
  };
  return blocks.map((block, b) => {
    if (firsts[b] === null) return null;
    // The headline may share its block with its captions and noise (no blank line between).
    const rest = block.lines.slice(1);
    if (!rest.every(isHeaderLine)) return null;
    let seen = 0;
    // The repeat stands in the same article: the search stops at the blank lines between articles.
    for (let c = b + 1; c < blocks.length && seen < repeatWindow && blocks[c]!.blanksBefore < 2; c++) {
      if (sameText(b, c)) {
        // Anything between (captions, noise) frames the repeat as a scrape header.
        if (rest.length > 0 || c > b + 1) return { at: c, framed: true };
        return isHeadlineShaped(block.lines[0]!) ? { at: c, framed: false } : null;
      }
      seen += blocks[c]!.lines.length;
    }
    return null;
  });
}
