/**
 * Issue 12.8: an invisible character at the end of a caption line or after `TT` hid an
 * article's header, so the article was folded into the one before it with no report.
 */
import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../src/stages/parse-seed.js';

const invisibles = ['\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\u200E', '\u202C', '\u034F', '\uFEFF'];
const seed = (text: string) => ({ path: 'inv.txt', bytes: new TextEncoder().encode(text) });
const articleText = (headline: string, caption: string, tt: string): string =>
  [headline, '', caption, tt, '', headline, '', 'The first paragraph of the story says what happened on Monday.', '', 'A second paragraph quotes an official who spoke to reporters.', ''].join('\n');

describe('invisible characters in an article header (issue 12.8)', () => {
  for (const c of invisibles) {
    it(`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} after a caption and after TT still opens the article`, () => {
      const text = [
        articleText('Talks Resume in Geneva', 'Delegates arrive for the talks in Geneva. (AFP)', 'TT'),
        '',
        articleText('Floods Hit the Northern Valley', `Residents wade through water in the valley. (Reuters)${c}`, `TT${c}`),
      ].join('\n');
      const r = parseSeed(seed(text));
      expect(r.articles.map((a) => a.headline)).toEqual(['Talks Resume in Geneva', 'Floods Hit the Northern Valley']);
      expect(r.articles[1]!.captions).toEqual(['Residents wade through water in the valley. (Reuters)']);
      expect(r.articles.length + r.quarantined).toBe(2);
    });
  }

  it('an article header found inside a body (blank lines lost) is reported, not folded silently', () => {
    const second = articleText('Floods Hit the Northern Valley', 'Residents wade through water in the valley. (Reuters)', 'TT').replace(/\n\n/g, '\n');
    const text = `${articleText('Talks Resume in Geneva', 'Delegates arrive for the talks in Geneva. (AFP)', 'TT').trimEnd()}\n${second}`;
    const r = parseSeed(seed(text));
    const buried = r.diagnostics.filter((d) => d.rule === 'article-in-body');
    expect(buried).toEqual([expect.objectContaining({ file: 'inv.txt', line: 11, severity: 'warning' })]);
    expect(buried[0]!.message).toContain('Floods Hit the Northern Valley');
  });
});
