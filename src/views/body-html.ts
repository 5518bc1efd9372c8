import type { Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { trimLines } from 'trim-lines';
import { parseMarkdownTree } from '../text/markdown-tree.js';

/**
 * HTML of an article body. Seed bodies are plain prose, not Markdown: each paragraph is one
 * `<p>` of its text, so `*`, `#`, `1.` or `<b>` in news text stay literal. The HTML is the one
 * mdast-util-to-hast and hast-util-to-html make of such paragraphs (a test compares them on
 * real and random text), written directly: through the two trees it cost about a twentieth of
 * a cold build's time, for a body that needs only two characters escaped. Line breaks inside
 * a paragraph are trimmed by trim-lines, as mdast-util-to-hast does (linear, where a regular
 * expression for it is quadratic on a long run of spaces).
 */
export function bodyHtml(paragraphs: readonly string[]): string {
  // An article's body is shown on its page and in up to a few dozen feeds: made once.
  const known = made.get(paragraphs);
  if (known !== undefined) return known;
  const html = paragraphs.map((p) => `<p dir="auto">${escapeText(/[\r\n]/.test(p) ? trimLines(p) : p)}</p>`).join('\n');
  made.set(paragraphs, html);
  return html;
}

const made = new WeakMap<readonly string[], string>();

/** The characters text in HTML must escape, and their references (hexadecimal, as hast-util-to-html writes them). */
const references: Readonly<Record<string, string>> = { '<': '&#x3C;', '&': '&#x26;' };

/** Text as HTML element content: `<` and `&` escaped, so it can never open a tag or a reference. */
function escapeText(text: string): string {
  return text.replace(/[<&]/g, (c) => references[c]!);
}

/** GitHub's sanitising schema without images: an archive page never loads a third party's image. */
const schema: Schema = { ...defaultSchema, tagNames: (defaultSchema.tagNames ?? []).filter((t) => t !== 'img') };

/**
 * HTML of a short Markdown text written by an editor (front-matter `summary`, `editor_note`).
 * Raw HTML in it is dropped, links are sanitised (no `javascript:` URLs) and images are left out.
 * Parsing already checked these fields under a time budget; Markdown nested too deep for the
 * (recursive) HTML writers is shown as plain text instead.
 */
export function markdownHtml(text: string): string {
  let tree: Root;
  try {
    tree = parseMarkdownTree(text);
  } catch {
    return bodyHtml([text]);
  }
  return toHtml(sanitize(toHast(tree), schema));
}
