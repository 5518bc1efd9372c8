/**
 * Promise 3 — output safety: hostile text in a seed's headline, caption, credit and body and in
 * the front-matter fields byline, summary, editor_note and source_url never becomes an element,
 * an attribute or a `javascript:` link in the built HTML; the JSON-LD still parses and holds the
 * text. A property test puts random strings in a headline and body and checks the page keeps its
 * shape and the text round-trips.
 */
import fc from 'fast-check';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeIllegalChars } from '../../src/parse/remove-illegal-chars.js';
import { buildArchive, type BuiltArchive } from '../../src/build.js';
import { captionWithoutCredit } from '../../src/text/text-key.js';
import { article, cleanupTemp, fileText, frontMatter, tempDir, writeSeeds } from './seed-folders.js';
import { decodeEntities, elementText, jsonLdScripts, shape, startTags } from './html-tokens.js';

const corpus = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  'javascript:alert(1)',
  '{{7*7}}',
  '<%= it %>',
  '${process.exit()}',
  "'><svg onload=alert(1)>",
  '<!--<script>alert(1)//-->',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<a href="javascript:alert(1)">x</a>',
  '</title><script>alert(1)</script>',
  '\u2028\u2029</script>',
];
// Markdown fields (summary, editor_note) also get Markdown-shaped attacks.
const markdownCorpus = ['[click](javascript:alert(1))', '<javascript:alert(1)>', '![x](javascript:alert(1))', '[x](JaVaScRiPt:alert(1) "t")', '[x]( javascript:alert(1))'];

const date = '2025-03-05';
const seedFor = (p: string, i: number): string =>
  frontMatter({
    date,
    byline: p,
    summary: p,
    editor_note: p,
    source_url: `https://example.com/story?q=${p}`,
    credit: p,
  }) +
  article(`Headline ${i} ${p}`, [`Body ${p} first paragraph.`, `Second ${p}`], `Caption ${p} (Reuters)`);

let hostile: BuiltArchive;
let plain: BuiltArchive;
let markdown: BuiltArchive;
beforeAll(async () => {
  const dir = tempDir('xss');
  const files: Record<string, string> = {};
  corpus.forEach((p, i) => (files[`xss-${String(i).padStart(2, '0')}.txt`] = seedFor(p, i)));
  files['source-url-js.txt'] = frontMatter({ date, source_url: 'javascript:alert(1)' }) + article('Source Url Attack Story', ['Body of the story.']);
  hostile = await buildArchive({ seedsDir: writeSeeds(path.join(dir, 'hostile'), files), search: false });
  plain = await buildArchive({ seedsDir: writeSeeds(path.join(dir, 'plain'), { 'plain.txt': seedFor('plain words', 0) }), search: false });
  const md: Record<string, string> = {};
  markdownCorpus.forEach((p, i) => (md[`md-${i}.txt`] = frontMatter({ summary: p, editor_note: `Note: ${p}` }) + article(`Markdown Story ${i}`, ['Body.'])));
  markdown = await buildArchive({ seedsDir: writeSeeds(path.join(dir, 'markdown'), md), search: false });
});
afterAll(cleanupTemp);

const htmlFiles = (b: BuiltArchive) => b.files.filter((f) => f.path.endsWith('.html')).map((f) => ({ path: f.path, html: fileText(b.files, f.path) }));
const unsafeUrl = (v: string): boolean => /^(?:javascript|vbscript|data):/i.test(decodeEntities(v).replace(/[\u0000-\u0020\u007F-\u009F]/g, ''));
const allowedScript = (page: string, attrs: ReadonlyArray<readonly [string, string]>): boolean => {
  const type = attrs.find(([n]) => n === 'type')?.[1];
  const src = attrs.find(([n]) => n === 'src')?.[1];
  return type === 'application/ld+json' || (page === 'search/index.html' && src !== undefined && /^\.\.\/assets\/search\.js$/.test(src));
};

/** The search page's own form (a fixed template, no seed text in it) is the one form allowed. */
const ownSearchForm = (page: string, tag: string): boolean => page === 'search/index.html' && (tag === 'form' || tag === 'input');

/** Element/attribute checks every page must pass, whatever the seeds said. */
function expectNoInjection(b: BuiltArchive): void {
  const banned = new Set(['img', 'svg', 'iframe', 'object', 'embed', 'math', 'form', 'input', 'base', 'style', 'video', 'audio', 'frame', 'template']);
  for (const { path: page, html } of htmlFiles(b)) {
    for (const tag of startTags(html)) {
      expect(banned.has(tag.name) && !ownSearchForm(page, tag.name), `<${tag.name}> on ${page}`).toBe(false);
      if (tag.name === 'script') expect(allowedScript(page, tag.attrs), `script ${JSON.stringify(tag.attrs)} on ${page}`).toBe(true);
      for (const [name, value] of tag.attrs) {
        expect(name.startsWith('on'), `attribute ${name} on ${page}`).toBe(false);
        expect(/[^a-z0-9-]/.test(name), `attribute name ${JSON.stringify(name)} on ${page}`).toBe(false);
        expect(name, `attribute ${name} on ${page}`).not.toBe('http-equiv');
        if (['href', 'src', 'action', 'formaction', 'srcset', 'poster'].includes(name)) {
          expect(unsafeUrl(value), `${name}="${value}" on ${page}`).toBe(false);
        }
      }
    }
    for (const json of jsonLdScripts(html)) {
      expect(() => JSON.parse(json), `JSON-LD on ${page}`).not.toThrow();
      expect(json).not.toMatch(/<\/script/i);
    }
  }
}

describe('an XSS corpus in every seed field', () => {
  it('adds no element, attribute, script or javascript: link to any page', () => {
    expect(hostile.articles).toHaveLength(corpus.length + 1);
    expectNoInjection(hostile);
  });

  it('gives no article page an element or attribute that the page of plain words lacks', async () => {
    // Markdown fields that hold only raw HTML render empty, so an element may go missing; none may be added.
    const count = (html: string): Map<string, number> => {
      const m = new Map<string, number>();
      for (const sig of shape(html).names.split(' ')) m.set(sig, (m.get(sig) ?? 0) + 1);
      return m;
    };
    const want = count(fileText(plain.files, `articles/${plain.articles[0]!.slug}/index.html`));
    const dir = tempDir('xss-one');
    for (const [i, p] of corpus.entries()) {
      // Alone in its archive, like the plain page: no neighbours or related articles.
      const one = await buildArchive({ seedsDir: writeSeeds(path.join(dir, String(i)), { 'x.txt': seedFor(p, 0) }), search: false });
      expect(one.articles).toHaveLength(1);
      for (const [sig, n] of count(fileText(one.files, `articles/${one.articles[0]!.slug}/index.html`))) {
        expect(n, `${sig} on the page of ${JSON.stringify(one.articles[0]!.headline)}`).toBeLessThanOrEqual(want.get(sig) ?? 0);
      }
    }
  });

  it('keeps the text: headline in <h1>, caption and credit on the page, and the JSON-LD parses and holds headline and byline', () => {
    corpus.forEach((p, i) => {
      const a = hostile.articles.find((x) => x.sources[0]!.file === `xss-${String(i).padStart(2, '0')}.txt`)!;
      expect(a, p).toBeDefined();
      const html = fileText(hostile.files, `articles/${a.slug}/index.html`);
      expect(elementText(html, 'h1')).toBe(a.headline);
      expect(a.headline).toBe(`Headline ${i} ${p}`.replace(/[\t \u00A0]+/g, ' ').trim());
      const ld = jsonLdScripts(html).map((j) => JSON.parse(j) as Record<string, any>).find((j) => j['@type'] === 'NewsArticle')!;
      expect(ld.headline).toBe(a.headline.length > 110 ? `${a.headline.slice(0, 109)}…` : a.headline);
      // No image object in JSON-LD since issue 10 (there is never a photo URL): the caption and
      // the credit are on the page, as text.
      expect(ld.image).toBeUndefined();
      const caption = decodeEntities(html.slice(html.indexOf('<div class="photo-caption">'), html.indexOf('</div>', html.indexOf('<div class="photo-caption">'))).replace(/<[^>]*>/g, ''));
      expect(caption).toContain(captionWithoutCredit(a.captions[0]!));
      // The photographer is set apart with " / ": put back, the credit reads as written.
      expect(caption.replace(' / ', '/')).toContain(`Photo: ${a.credit}`);
      expect(ld.author.name).toBe(p);
      expect(ld.isBasedOn).toBe(`https://example.com/story?q=${p}`);
    });
  });

  it('refuses a javascript: source_url (reported) and links to it nowhere', () => {
    expect(hostile.report.problems).toContainEqual(expect.objectContaining({ file: 'source-url-js.txt', severity: 'error', rule: 'front-matter-schema' }));
    for (const { path: page, html } of htmlFiles(hostile)) {
      for (const tag of startTags(html)) {
        for (const [name, value] of tag.attrs) if (name === 'href') expect(unsafeUrl(value), `href="${value}" on ${page}`).toBe(false);
      }
    }
  });

  it('data/articles.json and feed.json stay valid JSON holding the text', () => {
    const records = (JSON.parse(fileText(hostile.files, 'data/articles.json')) as { articles: Array<{ headline: string }> }).articles;
    expect(records.map((r) => r.headline).sort()).toEqual(hostile.articles.map((a) => a.headline).sort());
    const feed = JSON.parse(fileText(hostile.files, 'feed.json')) as { items: Array<{ title: string; content_html: string }> };
    for (const item of feed.items) {
      expect(hostile.articles.map((a) => a.headline)).toContain(item.title);
      expect(startTags(item.content_html).every((t) => t.name === 'p' && t.attrs.every(([n]) => n === 'dir'))).toBe(true);
    }
  });
});

describe('Markdown front-matter fields', () => {
  it('never produce a javascript: link or raw HTML', () => {
    expectNoInjectionExceptImages(markdown);
  });
});

/** Markdown images are allowed by the sanitiser's schema; everything else must pass. */
function expectNoInjectionExceptImages(b: BuiltArchive): void {
  for (const { path: page, html } of htmlFiles(b)) {
    for (const tag of startTags(html)) {
      expect(['script', 'svg', 'iframe', 'object', 'embed', 'form', 'base', 'style'].includes(tag.name) && !(tag.name === 'script' && allowedScript(page, tag.attrs)) && !ownSearchForm(page, tag.name), `<${tag.name}> on ${page}`).toBe(false);
      for (const [name, value] of tag.attrs) {
        expect(name.startsWith('on'), `attribute ${name} on ${page}`).toBe(false);
        if (['href', 'src', 'action'].includes(name)) expect(unsafeUrl(value), `${name}="${value}" on ${page}`).toBe(false);
      }
    }
  }
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

describe('property: random text in a headline and body', () => {
  const special = fc.constantFrom('<', '>', '&', '"', "'", '`', '</h1>', '</script>', '<!--', '-->', '&amp;', '&#x3C;', '{{', '}}', '<%', '%>', '${', '\u202E', '\u200B', 'e\u0301', '\u00A0', '\t', '\uFEFF', '\u2028', '😀', 'ﷺ', '\u0000'.slice(1));
  const chunk = fc.oneof(special, fc.string({ maxLength: 8, unit: 'binary' }), fc.string({ maxLength: 8 }));
  const text = fc.array(chunk, { maxLength: 12 }).map((parts) => parts.join('').replace(/[\r\n\u0000]/g, ' ').slice(0, 120));

  it('keeps the article page shape and round-trips the headline text (50 runs)', async () => {
    const root = tempDir('prop');
    const fm = frontMatter({ date, countries: [], topics: [], credit: 'Staff' });
    const build = async (name: string, headline: string, bodyText: string) => {
      const seedsDir = writeSeeds(path.join(root, name), { 'p.txt': fm + article(headline, [bodyText, 'Closing paragraph.']) });
      return buildArchive({ seedsDir, search: false });
    };
    const base = await build('base', 'Headline plain end', 'Body plain end.');
    const baseShape = shape(fileText(base.files, `articles/${base.articles[0]!.slug}/index.html`));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(text, async (s) => {
        const headline = `Headline ${s} end`;
        const built = await build(`run-${n++}`, headline, `Body ${s} end.`);
        expect(built.articles).toHaveLength(1);
        const html = fileText(built.files, `articles/${built.articles[0]!.slug}/index.html`);
        const got = shape(html);
        expect(got.elements).toBe(baseShape.elements);
        expect(got.attributes).toBe(baseShape.attributes);
        expect(got.names).toBe(baseShape.names);
        // The parser's normalisation: NFC, lone surrogates as U+FFFD (UTF-8), control characters
        // removed (issue 12.5), tabs/spaces/NBSP collapsed.
        const expected = removeIllegalChars(headline.replace(loneSurrogate, '\uFFFD').normalize('NFC')).replace(/[\t \u00A0]+/g, ' ').trim();
        expect(elementText(html, 'h1')).toBe(expected);
        const ld = jsonLdScripts(html).map((j) => JSON.parse(j) as { '@type': string; headline: string }).find((j) => j['@type'] === 'NewsArticle')!;
        expect(ld.headline).toBe(expected.length > 110 ? `${expected.slice(0, 109)}…` : expected);
      }),
      { numRuns: 50 },
    );
  });
});

describe('Atom feed', () => {
  /** The HTML that a feed reader renders for each `type="html"` text construct in an Atom feed. */
  const htmlConstructs = (xml: string): string[] =>
    [...xml.matchAll(/<(title|summary|content)\b[^>]*\btype="html"[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => {
      const inner = m[2]!;
      const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(inner);
      return cdata ? cdata[1]! : decodeEntities(inner);
    });

  // Regression: the feed library declares Atom titles and summaries type="html" and wrote seed text
  // into them raw, so a feed reader rendered a seed's `<script>` as markup.
  it('Atom title, summary and content typed html carry no markup from seed text', () => {
    const xml = fileText(hostile.files, 'feed.xml');
    const constructs = htmlConstructs(xml);
    expect(constructs.length).toBeGreaterThan(0);
    for (const html of constructs) {
      for (const tag of startTags(html)) expect(tag.name === 'p' && tag.attrs.every(([n]) => n === 'dir'), `<${tag.name}> in feed.xml`).toBe(true);
    }
  });
});
