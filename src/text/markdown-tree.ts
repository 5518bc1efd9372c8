import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

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
