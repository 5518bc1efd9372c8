/**
 * Issue 12.2: one hostile `.md` seed took the build down (a stack overflow on nested quotes) or
 * held it for minutes (quadratic remark-parse inputs). Each must now be left out with a
 * `file:line` error while every other seed's articles are read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSeed, parseSeeds } from '../../src/stages/parse-seed.js';
import { defaultDecodeLimits } from '../../src/parse/decode-seed.js';
import { readMarkdownArticle } from '../../src/parse/read-markdown-article.js';

const seed = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });
const good = { path: 'good.txt', bytes: readFileSync(new URL('../../seeds/000_67fd7bee9bb774d1.txt', import.meta.url)) };
const goodCount = parseSeed(good).articles.length;

describe('hostile Markdown seeds (issue 12.2)', () => {
  it('nested-quote stack overflow: 10 KB of > is refused as too deep, not a RangeError', () => {
    const text = `# Deep\n\n${'>'.repeat(10_000)} text\n`;
    expect(() => readMarkdownArticle(text, 1)).toThrow(/nested more than/);
    const r = parseSeeds([seed('deep.md', text), good]);
    expect(r.articles).toHaveLength(goodCount);
    expect(r.quarantined).toBe(1);
    expect(r.diagnostics).toEqual([expect.objectContaining({ file: 'deep.md', line: 3, severity: 'error', rule: 'markdown-too-deep' })]);
  });

  it('quadratic emphasis run: a parse over its time budget is stopped and the file left out', () => {
    const text = `# Slow\n\n${'*a_'.repeat(20_000)}\n`;
    const r = parseSeeds([seed('slow.md', text), good], { ...defaultDecodeLimits, markdownBudgetMs: 300 });
    expect(r.articles).toHaveLength(goodCount);
    expect(r.quarantined).toBe(1);
    expect(r.diagnostics).toEqual([expect.objectContaining({ file: 'slow.md', line: 1, rule: 'markdown-budget' })]);
    // The worker was replaced: the next Markdown seed is read as usual.
    expect(parseSeed(seed('after.md', '# After\n\nA body paragraph.\n')).articles).toHaveLength(1);
  });

  it('a Markdown seed over 256 KiB is refused before it is parsed', () => {
    const text = `# Big\n\n${'A plain paragraph of text.\n\n'.repeat(12_000)}`;
    const r = parseSeed(seed('big.md', text));
    expect(r.articles).toEqual([]);
    expect(r.quarantined).toBe(1);
    expect(r.diagnostics).toEqual([expect.objectContaining({ file: 'big.md', line: 1, rule: 'markdown-too-large' })]);
  });

  it('upper-case .MD seeds are Markdown too', () => {
    const r = parseSeed(seed('NOTE.MD', '# Upper Case Markdown\n\nA *body* paragraph.\n'));
    expect(r.articles[0]?.paragraphs).toEqual(['A body paragraph.']);
  });

  it('a hostile summary is left out with an error naming its line; the article builds', () => {
    const text = `---\ndate: 2025-01-02\nsummary: "${'>'.repeat(1500)} x"\n---\n# Headline Here\n\nBody paragraph.\n`;
    const r = parseSeed(seed('summary.md', text));
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]!.meta.summary).toBeUndefined();
    expect(r.articles[0]!.meta.date).toBe('2025-01-02');
    expect(r.diagnostics).toEqual([expect.objectContaining({ file: 'summary.md', line: 3, rule: 'markdown-too-deep' })]);
  });
});

describe('Markdown seeds refused whole (found by the fuzz campaign)', () => {
  it('a .md seed with a stray NUL byte counts as one quarantined article, so nothing is lost silently', () => {
    const r = parseSeed(seed('nul.md', '# A Headline\n\nA short body.\n\u0000\n'));
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['binary-file']);
    expect(r.articles.length + r.quarantined).toBe(1);
  });
});
