import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../src/stages/parse-seed.js';

const md = (name: string, text?: string) => ({
  path: name,
  bytes: text === undefined ? readFileSync(new URL(`../fixtures/markdown/${name}`, import.meta.url)) : new TextEncoder().encode(text),
});

describe('Markdown (.md) seeds', () => {
  it('reads one article: the # heading, front-matter captions, and the body as plain-text paragraphs', () => {
    const r = parseSeed(md('gulf-summit.md'));
    expect(r.diagnostics).toEqual([]);
    expect(r.articles).toHaveLength(1);
    const a = r.articles[0]!;
    expect(a.headline).toBe('Gulf Leaders Meet in Riyadh to Discuss Regional Security');
    expect(a.source).toEqual({ file: 'gulf-summit.md', line: 7 });
    expect(a.captions).toEqual(['Leaders pose for a photo at the summit in Riyadh, Saudi Arabia. (SPA)']);
    expect(a.paragraphs).toEqual([
      'Gulf leaders met in Riyadh on Monday for a summit on regional security and trade, officials said.',
      'Saudi Arabia hosted the talks.',
      'Qatar and the UAE sent their foreign ministers.',
      '“We share one future,” the Saudi foreign minister said.',
    ]);
    expect(a.meta.date).toBe('2025-05-12');
  });

  it('takes the headline from front matter when given, and reports a seed with none', () => {
    expect(parseSeed(md('a.md', '---\nheadline: From Front Matter\n---\nJust a paragraph.\n')).articles[0]!.headline).toBe('From Front Matter');
    const none = parseSeed(md('b.md', 'Just a paragraph, no heading.\n'));
    expect(none.articles).toEqual([]);
    expect(none.quarantined).toBe(1);
    expect(none.diagnostics).toMatchObject([{ file: 'b.md', rule: 'no-headline' }]);
  });

  it('warns when a .txt seed uses the .md-only keys', () => {
    const r = parseSeed(md('c.txt', '---\nheadline: Ignored\n---\nStory Here\n\nTT\n\nStory Here\n\nBody.\n'));
    expect(r.articles.map((a) => a.headline)).toEqual(['Story Here']);
    expect(r.diagnostics).toMatchObject([{ severity: 'warning', rule: 'front-matter-md-only' }]);
  });
});
