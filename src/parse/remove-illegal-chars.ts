/**
 * Characters no feed, sitemap or terminal should get: C0 controls other than tab and line
 * ends, DEL and the C1 controls, and the Unicode noncharacters (U+FDD0–U+FDEF and the last two
 * code points of every plane). XML 1.0 forbids most of them outright and discourages the rest.
 */
const illegal = new RegExp(
  // Without the `u` flag, so a long feed is scanned by UTF-16 unit (about a third faster): the
  // noncharacters past the first plane are matched as their surrogate pairs (high D83F, D87F …
  // DBFF, then low DFFE or DFFF).
  `[\\u0001-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF]|[${Array.from({ length: 16 }, (_, i) => `\\u${(0xd83f + i * 0x40).toString(16).toUpperCase()}`).join('')}][\\uDFFE\\uDFFF]`,
  'g',
);

/**
 * `text` without control characters and noncharacters: a vertical tab or form feed becomes a
 * space (it separated words), every other one is removed. Text without any is returned as is.
 */
export function removeIllegalChars(text: string): string {
  illegal.lastIndex = 0;
  if (!illegal.test(text)) return text;
  return text.replace(illegal, (c) => (c === '\u000B' || c === '\u000C' ? ' ' : ''));
}
