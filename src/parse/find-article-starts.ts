import type { Block } from './split-blocks.js';
import { isNoiseLine, textKey } from './text-key.js';

/** How many non-empty lines after a headline its repeat may stand (captions and noise between). */
const repeatWindow = 12;

/** Longest line taken for a headline. */
export const maxHeadlineChars = 300;

/**
 * True when a line has the shape of a headline: short, not noise, and not ending like a
 * sentence (a lowercase letter or digit then a full stop), which tells it from a paragraph.
 */
export function isHeadlineShaped(line: string): boolean {
  const text = line.trim();
  return (
    text.length >= 3 &&
    text.length <= maxHeadlineChars &&
    !isNoiseLine(text) &&
    !/[a-z0-9\)\]][.]$/.test(text)
  );
}

/**
 * For each block, the index of the block where its first line is printed again as a headline
 * (the scrape prints every headline twice), or -1. Only headline-shaped lines count, and the
 * repeat must start its own block within a few lines.
 */
export function findHeadlineRepeats(blocks: readonly Block[]): number[] {
  // Only a headline-shaped line can be a headline or its repeat: fold just those.
  const keys = blocks.map((block) => (isHeadlineShaped(block.lines[0]!) ? textKey(block.lines[0]!) : null));
  return blocks.map((block, b) => {
    const head = block.lines[0]!;
    if (block.lines.length > 1 && !block.lines.slice(1).every(isNoiseLine)) return -1;
    if (!isHeadlineShaped(head)) return -1;
    const key = keys[b];
    if (key === null || key === undefined) return -1;
    let seen = 0;
    for (let c = b + 1; c < blocks.length && seen < repeatWindow; c++) {
      const next = blocks[c]!;
      if (keys[c] === key) return c;
      seen += next.lines.length;
    }
    return -1;
  });
}
