import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { Paragraph, Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { bodyHtml, markdownHtml } from '../src/views/body-html.js';

/** The body HTML as the mdast and hast utilities make it: what `bodyHtml` writes directly. */
function throughTrees(paragraphs: readonly string[]): string {
  const tree: Root = { type: 'root', children: paragraphs.map((value): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] })) };
  return toHtml(toHast(tree), { characterReferences: { useNamedReferences: false } }).replace(/<p>/g, '<p dir="auto">');
}

/** A deterministic random text of `length` characters drawn from those HTML and line breaks treat specially. */
function randomText(next: () => number, length: number): string {
  const alphabet = [' ', '\t', '\n', '\r', '\r\n', '<', '>', '&', '"', "'", 'a', 'Z', 'é', '😀', '\uD800', '\u0000', '\u2028', '&amp;', '<p>', '\u00a0'];
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
  return text;
}

describe('bodyHtml', () => {
  it('keeps Markdown and HTML in news prose literal, one paragraph each', () => {
    expect(bodyHtml(['*Not* emphasis, # not a heading', '1. not a list <b>bold</b>'])).toBe(
      '<p dir="auto">*Not* emphasis, # not a heading</p>\n<p dir="auto">1. not a list &#x3C;b>bold&#x3C;/b></p>',
    );
  });

  it('writes exactly what mdast-util-to-hast and hast-util-to-html make of the paragraphs, on real and random text', () => {
    const bodies: string[][] = [[], [''], ['  lead  \n\t two \r\n three\r four  ']];
    // Every paragraph of the real articles, ten at a time.
    for (const dir of ['test/fixtures/realset/dev', 'test/fixtures/realset/holdout']) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
        const lines = readFileSync(`${dir}/${file}`, 'utf8').split('\n');
        for (let i = 0; i < lines.length; i += 10) bodies.push(lines.slice(i, i + 10));
      }
    }
    let seed = 7;
    const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 3000; i++) bodies.push(Array.from({ length: 1 + (i % 4) }, () => randomText(next, i % 30)));
    expect(bodies.length).toBeGreaterThan(3500);
    for (const body of bodies) expect(bodyHtml([...body])).toBe(throughTrees(body));
  });
});

describe('markdownHtml (editor fields)', () => {
  it('renders Markdown', () => {
    expect(markdownHtml('A *short* [note](https://example.com/x).')).toBe('<p>A <em>short</em> <a href="https://example.com/x">note</a>.</p>');
  });

  it('drops raw HTML, javascript: links and images', () => {
    const html = markdownHtml('<script>alert(1)</script> [x](javascript:alert(1)) ![t](https://tracker.example/p.gif)');
    expect(html).not.toMatch(/<script|javascript:|<img/);
  });
});
