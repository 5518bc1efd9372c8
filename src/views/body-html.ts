import type { Paragraph, Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { parseMarkdownTree } from '../text/markdown-tree.js';

/**
 * HTML of an article body. Seed bodies are plain prose, not Markdown, so the mdast paragraphs
 * are built directly from the text: `*`, `#`, `1.` or `<b>` in news text stay literal, and no
 * Markdown parser runs over every body.
 */
export function bodyHtml(paragraphs: readonly string[]): string {
  // An article's body is shown on its page and in up to a few dozen feeds: made once.
  const known = made.get(paragraphs);
  if (known !== undefined) return known;
  const html = toBodyHtml(paragraphs);
  made.set(paragraphs, html);
  return html;
}

const made = new WeakMap<readonly string[], string>();

function toBodyHtml(paragraphs: readonly string[]): string {
  const tree: Root = {
    type: 'root',
    children: paragraphs.map((value): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] })),
  };
  return toHtml(toHast(tree), { characterReferences: { useNamedReferences: false } }).replace(/<p>/g, '<p dir="auto">');
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
