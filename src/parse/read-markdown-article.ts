import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { collapseSpace } from './text-key.js';

/** The article of a Markdown seed: headline and its line, and body paragraphs as plain text. */
export interface MarkdownArticle {
  readonly headline: string | null;
  readonly line: number;
  readonly paragraphs: readonly string[];
}

const markdown = unified().use(remarkParse);

/**
 * Reads the article of a Markdown (`.md`) seed, which really is Markdown, with remark-parse:
 * the first level-1 heading is the headline (unless front matter gives one), and paragraphs,
 * other headings, list items, quotes and code become plain-text paragraphs. Raw HTML and
 * images are left out. `firstLine` is the file line of the text's first line.
 */
export function readMarkdownArticle(text: string, firstLine: number): MarkdownArticle {
  const tree = markdown.parse(text) as Root;
  let headline: string | null = null;
  let line = firstLine;
  const paragraphs: string[] = [];
  const visit = (node: RootContent): void => {
    switch (node.type) {
      case 'heading':
        if (headline === null && (node as Heading).depth === 1) {
          headline = collapseSpace(toString(node));
          line = firstLine + (node.position?.start.line ?? 1) - 1;
        } else paragraphs.push(collapseSpace(toString(node)));
        return;
      case 'paragraph':
      case 'code':
        paragraphs.push(collapseSpace(toString(node, { includeImageAlt: false })));
        return;
      case 'list':
      case 'listItem':
      case 'blockquote':
        for (const child of node.children) visit(child as RootContent);
        return;
      default:
        // html, images, thematic breaks, tables: not article prose.
        return;
    }
  };
  for (const node of tree.children) visit(node);
  return { headline, line, paragraphs: paragraphs.filter((p) => p !== '') };
}
