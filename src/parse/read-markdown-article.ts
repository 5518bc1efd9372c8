import type { Heading, Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { collapseSpace } from './text-key.js';

/** The article of a Markdown seed: headline and its line, and body paragraphs as plain text. */
export interface MarkdownArticle {
  readonly headline: string | null;
  readonly line: number;
  readonly paragraphs: readonly string[];
}

/** Deepest nesting of Markdown nodes read (quotes in lists in quotes, emphasis in links...). */
export const maxMarkdownDepth = 48;

/** Markdown nested deeper than `maxMarkdownDepth`: `line` is the file line where it happens. */
export class MarkdownTooDeepError extends RangeError {
  readonly line: number;
  constructor(line: number) {
    super(`Markdown nested more than ${maxMarkdownDepth} levels deep (quotes, lists or emphasis inside each other)`);
    this.name = 'MarkdownTooDeepError';
    this.line = line;
  }
}

const markdown = unified().use(remarkParse);

/**
 * Parses Markdown with remark-parse and checks its nesting without recursion: throws a
 * `MarkdownTooDeepError` (with the file line, counted from `firstLine`) past `maxMarkdownDepth`.
 */
export function parseMarkdownTree(text: string, firstLine = 1): Root {
  const tree = markdown.parse(text) as Root;
  const stack: Array<[Nodes, number]> = [[tree, 0]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth] = top;
    if (depth > maxMarkdownDepth) throw new MarkdownTooDeepError(firstLine + (node.position?.start.line ?? 1) - 1);
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return tree;
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
