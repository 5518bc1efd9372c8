/** What `textKey` folds: quotes to straight ones, dashes and minus to `-`; format characters to nothing. */
const folds: Readonly<Record<string, string>> = Object.fromEntries([
  ...[...'\u2018\u2019\u201A\u201B\u2032\u0060\u00B4'].map((c) => [c, "'"]),
  ...[...'\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB'].map((c) => [c, '"']),
  ...[...'\u2010\u2011\u2012\u2013\u2014\u2015\u2212'].map((c) => [c, '-']),
]);

/**
 * A comparison key for scraped text: case, quote style, dash style and white space folded, so
 * that a headline printed with straight quotes matches its copy printed with curly ones. Every
 * line of every seed is keyed, so each step runs only where it changes something: Unicode
 * folding in one pass on lines that are not plain ASCII, white space only where it is not
 * already single spaces.
 */
export function textKey(text: string): string {
  const folded = /[^\x00-\x7F]/.test(text)
    ? text.normalize('NFKC').replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2010-\u2015\u2212\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, (c) => folds[c] ?? '')
    : text.includes('`') ? text.replace(/`/g, "'") : text;
  const lower = folded.toLowerCase();
  // White space other than a space, or two spaces (the same lines as two white space characters, tested faster).
  return /[^\S ]| {2}/.test(lower) ? lower.replace(/\s+/g, ' ').trim() : lower.trim();
}

/** Collapses runs of white space inside a line of prose to one space. */
export function collapseSpace(text: string): string {
  return /[\t\u00A0]| {2}/.test(text) ? text.replace(/[\t \u00A0]+/g, ' ').trim() : text.trim();
}

/**
 * Scrape noise that stands alone on a line: `TT`, a bare number, a rule of dashes or bullets,
 * or the placeholder of a line dropped for its length (NUL, which decoded seeds never hold).
 */
export function isNoiseLine(line: string): boolean {
  return /^(?:[A-Z]{1,3}|\d{1,4}|[-\u2013\u2014*\u2022\u00B7|=_]{1,20}|\u0000)$/.test(line.trim());
}

/**
 * Where a caption's final parenthesised credit starts and what it holds, or null: the last
 * `(...)` before any trailing dots and spaces, with at most one level of nesting (inner groups of
 * up to 60 characters) and 120 parts. A scan from the end, linear in the caption: the regular
 * expression it replaces was quadratic on long runs of `(`.
 */
function finalCredit(caption: string): { readonly start: number; readonly text: string } | null {
  let end = caption.length;
  while (end > 0 && (caption[end - 1] === '.' || /\s/.test(caption[end - 1]!))) end--;
  if (caption[end - 1] !== ')') return null;
  let units = 0;
  for (let i = end - 2; i >= 0; i--) {
    const c = caption[i]!;
    if (c === '(') return units >= 1 ? { start: i, text: caption.slice(i + 1, end - 1) } : null;
    if (c === ')') {
      // An inner group: back to its `(` over at most 60 characters that are not parentheses.
      let j = i - 1;
      while (j >= 0 && j >= i - 61 && caption[j] !== '(' && caption[j] !== ')') j--;
      if (j < 0 || caption[j] !== '(' || i - j - 1 > 60) return null;
      i = j;
    }
    if (++units > 120) return null;
  }
  return null;
}

/** The credit in a caption's final parentheses, e.g. `(AFP)` or `(Dalati & Nohra/Handout via Reuters)`. */
export function captionCredit(caption: string): string | null {
  // One level of nesting is allowed: `(Photo by Jane Doe (AFP))`.
  const found = finalCredit(caption);
  return found ? collapseSpace(found.text) : null;
}

/** A caption without its final parenthesised credit, which is shown apart. */
export function captionWithoutCredit(caption: string): string {
  const found = finalCredit(caption);
  return found ? caption.slice(0, found.start).trimEnd() : caption.trimEnd();
}
