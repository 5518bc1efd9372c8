import { describe, expect, it } from 'vitest';
import { bodyHtml, markdownHtml } from '../src/views/body-html.js';

describe('bodyHtml', () => {
  it('keeps Markdown and HTML in news prose literal, one paragraph each', () => {
    expect(bodyHtml(['*Not* emphasis, # not a heading', '1. not a list <b>bold</b>'])).toBe(
      '<p dir="auto">*Not* emphasis, # not a heading</p>\n<p dir="auto">1. not a list &#x3C;b>bold&#x3C;/b></p>',
    );
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
