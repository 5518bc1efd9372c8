/**
 * Issue 12.5: control characters and noncharacters in a seed made every feed holding the
 * article invalid XML, and ESC or a newline in a file name reached the terminal through the
 * report. Issue 12.11: Atom titles were escaped twice and a topic name with `<` broke Atom.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { xml2js, type Element } from 'xml-js';
import { buildArchive } from '../../src/build.js';
import { decodeSeed } from '../../src/parse/decode-seed.js';
import { createRenderer } from '../../src/stages/render-pages.js';
import type { FeedView } from '../../src/views/feed-view.js';
import { article, cleanupTemp, repoRoot, seedText, tempDir, writeSeeds } from './seed-folders.js';
import { emptyConfig, runCli } from './run-cli.js';

afterAll(cleanupTemp);

const controls = ['\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\u007F', '\u0085', '\u009F', '\uFDD0', '\uFDEF', '\uFFFE', '\uFFFF', '\u{1FFFE}', '\u{10FFFF}'];
const body = ['A first paragraph that tells what happened in the town on Monday.', 'A second paragraph with more of the story and a quote from an official.'];

function strictXml(xml: string): Element {
  return xml2js(xml, { compact: false }) as Element;
}

describe('control characters (issue 12.5)', () => {
  it('decoding removes each of them with a warning naming the file and line', () => {
    for (const c of controls) {
      const decoded = decodeSeed('c.txt', new TextEncoder().encode(`Headline\n\nSome${c}text here.\n`));
      expect(decoded.lines[2], JSON.stringify(c)).toMatch(/^Some ?text here\.$/);
      expect(decoded.diagnostics).toEqual([expect.objectContaining({ file: 'c.txt', line: 3, severity: 'warning', rule: 'control-character' })]);
    }
  });

  it('every feed and sitemap of an article full of them parses as strict XML', async () => {
    const dir = writeSeeds(path.join(tempDir('controls'), 'seeds'), {
      'a.txt': seedText(article(`Ministers Meet${controls.join('')} Today`, body.map((p) => `${p}${controls.join('')}`), `A caption\u0001 (AFP)`)),
    });
    const built = await buildArchive({ seedsDir: dir, search: false, siteUrl: 'https://news.example/' });
    expect(built.articles).toHaveLength(1);
    expect(built.articles[0]!.headline).toBe('Ministers Meet Today');
    const xml = built.files.filter((f) => f.path.endsWith('.xml'));
    expect(xml.length).toBeGreaterThan(2);
    for (const f of xml) expect(() => strictXml(String(f.contents)), f.path).not.toThrow();
    expect(built.report.problems.every((p) => p.rule === 'control-character' && p.file === 'a.txt')).toBe(true);
  });

  it('a file name holding ESC or a newline cannot colour the terminal or forge a report line', async () => {
    const dir = writeSeeds(path.join(tempDir('names'), 'seeds'), {
      'good.txt': article('A Good Article Headline', body),
      'evil\u001b[31m.txt': 'Only one line that is not an article.\n',
      'forged\nsecret.txt:1: error: forged [x].txt': 'Only one line that is not an article.\n',
    });
    const out = path.join(tempDir('names-out'), 'dist');
    const run = await runCli(['build', '--seeds', dir, '--out', out, '--no-search', '--config', emptyConfig()]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    expect(run.stderr).toContain('evil\\u{1b}[31m.txt:1: error:');
    expect(run.stderr.split('\n').filter((l) => l.startsWith('secret.txt'))).toEqual([]);
  });
});

describe('Atom escaping (issue 12.11)', () => {
  const renderer = createRenderer(path.join(repoRoot, 'templates'));
  const view: FeedView = {
    title: 'A & B <c>',
    id: 'urn:x', link: 'https://news.example/', updated: '2025-01-01T00:00:00Z', atomUrl: 'https://news.example/feed.xml', jsonUrl: 'https://news.example/feed.json',
    author: { name: 'News & <co>', url: null }, language: 'en',
    items: [{ id: 'urn:a', title: 'A & B <c>', link: 'https://news.example/a/', date: '2025-01-01T00:00:00Z', published: null, summary: 'S & <s>', contentHtml: '<p>x</p>', categories: ['Arms <control> & trade'] }],
  };
  // The Atom writer gets this exact view: rendered through an identity view ('sitemap' returns its inputs).
  const feed = strictXml(String(renderer.render({ path: 'feed.xml', template: 'atom', view: 'sitemap', inputs: () => view as never }).contents));
  const root = feed.elements!.find((e) => e.name === 'feed')!;
  const child = (e: Element, name: string): Element => e.elements!.find((c) => c.name === name)!;
  const text = (e: Element): string => e.elements!.map((c) => c.text ?? c.cdata ?? '').join('');

  it('the feed title (plain text) reads back exactly as written, escaped once', () => {
    expect(text(child(root, 'title'))).toBe('A & B <c>');
  });

  it('an entry title (type="html") reads back as the HTML of the text, escaped once', () => {
    const entry = child(root, 'entry');
    expect(child(entry, 'title').attributes).toMatchObject({ type: 'html' });
    expect(text(child(entry, 'title'))).toBe('A &amp; B &lt;c&gt;');
  });

  it('a topic name with < and & is a well-formed category label', () => {
    expect(child(child(root, 'entry'), 'category').attributes).toMatchObject({ label: 'Arms <control> & trade' });
  });
});
