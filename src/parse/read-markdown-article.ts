import type { Heading, Nodes } from 'mdast';
import { collapseSpace } from '../text/text-key.js';
import { parseMarkdownTree } from '../text/markdown-tree.js';

/** The article of a Markdown seed: headline and its line, and body paragraphs as plain text. */
export interface MarkdownArticle {
  readonly headline: string | null;
  readonly line: number;
  readonly paragraphs: readonly string[];
}

/**
 * The plain text of a node, like mdast-util-to-string but without recursion: values of text,
 * code and raw nodes in document order, and image alt text when `imageAlt` is true.
 */
function plainText(node: Nodes, imageAlt: boolean): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if ('value' in n) parts.push(n.value);
    else if ('alt' in n && n.alt) {
      if (imageAlt) parts.push(n.alt);
    } else if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return parts.join('');
}

/**
 * Reads the article of a Markdown (`.md`) seed, which really is Markdown, with remark-parse:
 * the first level-1 heading is the headline (unless front matter gives one), and paragraphs,
 * other headings, list items, quotes and code become plain-text paragraphs. Raw HTML and
 * images are left out. `firstLine` is the file line of the text's first line. Throws a
 * `MarkdownTooDeepError` for Markdown nested past `maxMarkdownDepth`; nothing recurses, so no
 * input overflows the stack.
 */
export function readMarkdownArticle(text: string, firstLine: number): MarkdownArticle {
  const tree = parseMarkdownTree(text, firstLine);
  let headline: string | null = null;
  let line = firstLine;
  const paragraphs: string[] = [];
  // Document order without recursion: children are pushed last-first.
  const stack: Nodes[] = [...tree.children].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    switch (node.type) {
      case 'heading':
        if (headline === null && (node as Heading).depth === 1) {
          headline = collapseSpace(plainText(node, true));
          line = firstLine + (node.position?.start.line ?? 1) - 1;
        } else paragraphs.push(collapseSpace(plainText(node, true)));
        break;
      case 'paragraph':
      case 'code':
        paragraphs.push(collapseSpace(plainText(node, false)));
        break;
      case 'list':
      case 'listItem':
      case 'blockquote':
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
        break;
      default:
        // html, images, thematic breaks, tables: not article prose.
        break;
    }
  }
  return { headline, line, paragraphs: paragraphs.filter((p) => p !== '') };
}
