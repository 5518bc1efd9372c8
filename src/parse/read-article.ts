import type { Block } from './split-blocks.js';
import { captionCredit, collapseSpace, isNoiseLine, textKey } from '../text/text-key.js';

/** The parts of one article read from its blocks. */
export interface ArticleParts {
  readonly headline: string;
  readonly line: number;
  readonly captions: readonly string[];
  readonly paragraphs: readonly string[];
}

interface Entry {
  readonly text: string;
  readonly block: number;
}

/** Shortest caption without a credit that is printed only once (`20 comments` is noise). */
const minUncreditedCaption = 20;

/** Longest line taken for a caption printed only after the headline. */
const maxCaptionChars = 1000;

/**
 * Reads one article from its blocks: the headline, the distinct captions, and the body
 * paragraphs with scrape noise (`TT`, bare numbers), the repeated headline and captions, and
 * exact repeats removed. `repeatAt` is the index of the block that repeats the headline, or -1.
 */
export function readArticle(blocks: readonly Block[], repeatAt: number): ArticleParts {
  const entries: Entry[] = blocks.flatMap((b, block) => b.lines.map((text) => ({ text, block })));
  const headline = collapseSpace(entries[0]!.text);
  const headKey = textKey(headline);
  const captions: string[] = [];
  const captionKeys = new Set<string>();
  const addCaption = (text: string): void => {
    const caption = collapseSpace(text);
    const key = textKey(caption);
    if (key !== headKey && !captionKeys.has(key)) {
      captionKeys.add(key);
      captions.push(caption);
    }
  };

  let pos = 1;
  if (repeatAt > 0) {
    // Everything between the headline and its repeat is captions or noise. A short line with
    // no credit that is not printed again (`20 comments`) is noise too.
    for (; pos < entries.length && entries[pos]!.block < repeatAt; pos++) {
      const line = entries[pos]!.text;
      if (isNoiseLine(line)) continue;
      const printedAgain = entries.filter((e) => e.text === line).length > 1;
      if (captionCredit(line) !== null || printedAgain || line.length >= minUncreditedCaption) addCaption(line);
    }
    pos++; // the repeated headline itself
  }
  // After the (repeated) headline: captions printed again and noise. A credited line not seen
  // before is a caption only when it carries the scrape's marks (printed twice in a row, or in
  // a block with TT): a lead paragraph ending in `(IMF).` is body.
  const firstAfter = repeatAt > 0 ? repeatAt : 0;
  for (; pos < entries.length; pos++) {
    const { text, block } = entries[pos]!;
    const key = textKey(text);
    if (isNoiseLine(text) || captionKeys.has(key) || key === headKey) continue;
    const next = entries[pos + 1];
    const marked =
      (next !== undefined && next.block === block && next.text === text) ||
      entries.some((e) => e.block === block && isNoiseLine(e.text));
    const newCaption = block <= firstAfter + 1 && text.length <= maxCaptionChars && captionCredit(text) !== null && marked;
    if (!newCaption) break;
    addCaption(text);
  }

  // The body: the rest, one paragraph per block.
  const bodyLines: string[][] = blocks.map(() => []);
  for (let i = pos; i < entries.length; i++) bodyLines[entries[i]!.block]!.push(entries[i]!.text);
  // A credited line printed twice as a block of its own is a further photo's caption (a gallery).
  for (const lines of bodyLines) {
    if (lines.length === 2 && lines[0] === lines[1] && captionCredit(lines[0]!) !== null) {
      addCaption(lines[0]!);
      lines.length = 0;
    }
  }
  const paragraphs = cleanParagraphs(bodyLines.flatMap(blockParagraphs), headline, captions);
  return { headline, line: blocks[0]!.line, captions, paragraphs };
}

/** Longest and shortest lines taken as part of a hard-wrapped paragraph. */
const maxWrappedLine = 100;
const minWrappedLine = 40;

/**
 * The paragraphs of one body block, noise lines left out. Scraped web text puts each
 * paragraph on one line, so each line is a paragraph; a block whose lines are short and break
 * mid-sentence was hard-wrapped instead, and is joined into one paragraph.
 */
export function blockParagraphs(lines: readonly string[]): string[] {
  const kept = lines.filter((l) => !isNoiseLine(l)).map(collapseSpace).filter((l) => l !== '');
  const inner = kept.slice(0, -1);
  // Wrapped lines are of a width (40 to 100 characters): a subheading or a list is not wrapped.
  const wrapped =
    inner.length > 0 &&
    inner.every((l) => l.length >= minWrappedLine && l.length <= maxWrappedLine) &&
    !kept.some((l) => /^(?:\d{1,3}[.)]|[-*\u2022\u2013\u2014])\s/.test(l)) &&
    inner.filter((l) => !/[.!?:;"\u201D\u2019)\]]$/.test(l)).length * 2 > inner.length;
  return wrapped ? [kept.join(' ')] : kept;
}

/**
 * Removes from body paragraphs what the scrape printed again: the headline, the captions, a
 * paragraph printed twice in a row, and a long paragraph printed again later.
 */
export function cleanParagraphs(
  paragraphs: readonly string[],
  headline: string,
  captions: readonly string[],
): string[] {
  // A body line repeating the headline may add a full stop: compare without end punctuation.
  const bare = (t: string): string => {
    const key = textKey(t);
    let end = key.length;
    while (end > 0 && '.!? '.includes(key[end - 1]!)) end--;
    return key.slice(0, end);
  };
  const skip = new Set([headline, ...captions].map(bare));
  // Folding is costly on long text: only a paragraph about as long as a headline or caption
  // can be one, so only those are folded and compared.
  const lengths = [headline, ...captions].map((t) => t.length);
  const maybeRepeat = (text: string): boolean => lengths.some((n) => Math.abs(n - text.length) <= 8 + n / 10);
  const seen = new Set<string>();
  const kept: string[] = [];
  let last = '';
  for (const text of paragraphs) {
    if (text === '' || (maybeRepeat(text) && skip.has(bare(text)))) continue;
    // A repeat is the scrape printing the same paragraph again: the same text (a copy printed
    // right after may differ in quote style, so that one is compared folded).
    const again = text === last || (text.length === last.length && textKey(text) === textKey(last));
    if (again || (seen.has(text) && text.length >= 40)) continue;
    seen.add(text);
    last = text;
    kept.push(text);
  }
  return kept;
}
