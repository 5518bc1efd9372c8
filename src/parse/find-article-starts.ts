import type { Block } from './split-blocks.js';
import { captionCredit, isNoiseLine, textKey } from '../text/text-key.js';

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
 * True when the lines between a headline and its repeat look like the scrape's header: every
 * line is noise, a credited caption or printed twice on adjacent lines, or a noise line (TT)
 * stands among at most two other lines (an uncredited caption printed once). `breaks` holds the
 * indexes of lines that a blank line sets apart from the one before: a caption's second print
 * stands right under the first, while a paragraph printed twice in a body has a blank line
 * between. A pull quote printed again further down a body has ordinary paragraphs between, and
 * is not framed either.
 */
export function isHeaderRun(lines: readonly string[], breaks: ReadonlySet<number> = new Set()): boolean {
  if (lines.length === 0) return false;
  const marked = lines.map((l, i) => isHeaderLine(l) || (lines[i - 1] === l && !breaks.has(i)) || (lines[i + 1] === l && !breaks.has(i + 1)));
  if (marked.every(Boolean)) return true;
  return lines.some(isNoiseLine) && marked.filter((m) => !m).length <= 2;
}

/**
 * For each block, where its first line is printed again as a headline (the scrape prints every
 * headline twice, with the captions and noise between), or null. A framed repeat (a header
 * between) needs only a short line and may cross extra blank lines inside the header; a bare
 * one (nothing between) needs a headline-shaped line.
 */
export function findHeadlineRepeats(blocks: readonly Block[]): Array<HeadlineRepeat | null> {
  // Only a short line can be a headline or its repeat: fold just those.
  const firsts = blocks.map((block) => {
    const line = block.lines[0]!;
    return line.length <= maxHeadlineChars && !isNoiseLine(line) ? line : null;
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
    if (rest.length > 0 && !isHeaderRun(rest)) return null;
    const between: string[] = [...rest];
    // Where a blank line stands between two lines of `between` (a new block begins).
    const breaks = new Set<number>();
    for (let c = b + 1; c < blocks.length && between.length < repeatWindow; c++) {
      const next = blocks[c]!;
      // Past the blank lines between articles only while everything so far, and the block
      // beyond, is header (extra blank lines inside one article's header).
      if (next.blanksBefore >= 2 && !isHeaderRun([...between, ...(sameText(b, c) ? [] : next.lines)], new Set([...breaks, between.length]))) return null;
      if (sameText(b, c)) {
        if (between.length > 0) return isHeaderRun(between, breaks) ? { at: c, framed: true } : null;
        // A credited line repeated with nothing between is a caption printed twice, not a headline.
        return isHeadlineShaped(block.lines[0]!) && captionCredit(block.lines[0]!) === null ? { at: c, framed: false } : null;
      }
      breaks.add(between.length);
      between.push(...next.lines);
    }
    return null;
  });
}

/**
 * Index of the first line in `lines` (an article's body, in file order, blank lines left out)
 * that opens another article's header: a headline-shaped, uncredited line printed again within
 * a few lines with only header lines (captions, TT) between. -1 when there is none. Such a
 * header lost the blank lines that set it apart, so its article was read as body text.
 */
export function findBuriedHeader(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!isHeadlineShaped(line) || captionCredit(line) !== null) continue;
    const end = Math.min(lines.length, i + 2 + repeatWindow);
    for (let j = i + 2; j < end; j++) {
      if (lines[j] === line) {
        if (isHeaderRun(lines.slice(i + 1, j))) return i;
        break;
      }
    }
  }
  return -1;
}
