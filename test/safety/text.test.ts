/**
 * Promise 5 — text: output is NFC, bidi and zero-width controls in a headline never reach its
 * slug, and Arabic text renders inside an element with dir="auto".
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/build.js';
import { makeSlug } from '../../src/enrich/make-slug.js';
import { slugPattern } from '../../src/text/slug.js';
import { article, cleanupTemp, fileText, frontMatter, tempDir, writeSeeds } from './seed-folders.js';
import { elementText, tokenizeHtml } from './html-tokens.js';

afterAll(cleanupTemp);

const seeds = (label: string, files: Record<string, string>): string => writeSeeds(path.join(tempDir(label), 'seeds'), files);

describe('NFC normalisation', () => {
  const nfd = 'Cafe\u0301 Owners in Sa\u0303o Paulo Protest Rent Rise';
  const nfc = nfd.normalize('NFC');

  it('a decomposed headline, caption and body are published composed (NFC) in every output file', async () => {
    const built = await buildArchive({
      seedsDir: seeds('nfd', {
        'a.txt': article(nfd, ['Owners of the cafe\u0301s met on Monday in Sa\u0303o Paulo.', 'They asked for a freeze.'], 'A cafe\u0301 in the old town. (AFP)'),
      }),
      search: false,
    });
    const a = built.articles[0]!;
    expect(a.headline).toBe(nfc);
    expect(a.slug).toBe('cafe-owners-in-sao-paulo-protest-rent-rise');
    expect(elementText(fileText(built.files, `articles/${a.slug}/index.html`), 'h1')).toBe(nfc);
    for (const f of built.files) {
      const text = typeof f.contents === 'string' ? f.contents : new TextDecoder().decode(f.contents);
      if (f.path.endsWith('.css')) continue;
      expect(text === text.normalize('NFC'), `${f.path} is not NFC`).toBe(true);
    }
  });

  it('the same story written composed in one seed and decomposed in another is one article', async () => {
    const body = ['Owners of the cafes met on Monday to protest a sharp rise in rents.', 'They asked for a freeze.'];
    const built = await buildArchive({ seedsDir: seeds('nfc-dedupe', { 'a.txt': article(nfc, body), 'b.txt': article(nfd, body) }), search: false });
    expect(built.articles).toHaveLength(1);
    expect(built.report.duplicates).toBe(1);
  });

  it('front-matter text written with YAML escapes is published NFC too', async () => {
    const built = await buildArchive({
      seedsDir: seeds('nfc-fm', { 'a.txt': `---\nbyline: "Jose\\u0301 Pe\\u0301rez"\ncredit: "Agence Fran\\u0327aise"\n---\n${article('Byline Story', ['Body.'])}` }),
      search: false,
    });
    const a = built.articles[0]!;
    expect(a.meta.byline).toBe('José Pérez'.normalize('NFC'));
    expect(a.meta.byline).toBe(a.meta.byline!.normalize('NFC'));
    expect(a.credit).toBe(a.credit!.normalize('NFC'));
    const html = fileText(built.files, `articles/${a.slug}/index.html`);
    expect(html === html.normalize('NFC')).toBe(true);
  });
});

describe('bidi and zero-width controls in a headline', () => {
  const controls = ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2060', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF', '\u061C', '\u00AD', '\u180E', '\u034F'];

  for (const c of controls) {
    it(`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} inside a word does not reach (or split) the slug`, () => {
      const clean = 'Election Results Announced Today';
      const dirty = `Elec${c}tion Res${c}ults ${c}Announced Today${c}`;
      expect(makeSlug(dirty, 'x')).toBe(makeSlug(clean, 'x'));
    });
  }

  it('a headline full of them builds a page whose slug is plain ASCII and whose headline text keeps them', async () => {
    const headline = '\u202EElec\u200Btion\u202C Re\u2066sults\u2069 \u061CAnnounced\u200F Today';
    const built = await buildArchive({ seedsDir: seeds('bidi', { 'a.txt': article(headline, ['The results were announced on Monday.']) }), search: false });
    const a = built.articles[0]!;
    expect(a.slug).toBe('election-results-announced-today');
    expect(a.slug).toMatch(slugPattern);
    for (const f of built.files) expect(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\u061C]/u.test(f.path), f.path).toBe(false);
    expect(elementText(fileText(built.files, `articles/${a.slug}/index.html`), 'h1')).toBe(headline);
  });
});

describe('right-to-left text', () => {
  const headline = 'مجلس الأمن يناقش الوضع في المنطقة';
  const caption = 'أعضاء المجلس خلال الجلسة يوم الاثنين (AFP)';
  const body = ['عقد مجلس الأمن جلسة طارئة يوم الاثنين لمناقشة الوضع.', 'وقال المندوبون إن المحادثات ستستمر.'];

  it('an Arabic headline renders in <h1 dir="auto">, and every Arabic text on every page sits in a dir element', async () => {
    const built = await buildArchive({
      seedsDir: seeds('rtl', { 'ar.txt': article(headline, body, caption), 'en.txt': frontMatter({ date: '2025-03-04' }) + article('Council Meets Again', ['The council met again.']) }),
      search: false,
    });
    const a = built.articles.find((x) => x.headline === headline)!;
    expect(a).toBeDefined();
    const page = fileText(built.files, `articles/${a.slug}/index.html`);
    const h1 = tokenizeHtml(page).find((t) => t.type === 'start' && t.name === 'h1');
    expect(h1 && h1.type === 'start' ? Object.fromEntries(h1.attrs).dir : null).toBe('auto');
    expect(elementText(page, 'h1')).toBe(headline);

    const voids = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
    const arabic = /\p{Script=Arabic}/u;
    let checked = 0;
    for (const f of built.files.filter((x) => x.path.endsWith('.html'))) {
      const stack: Array<{ name: string; dir: string | null }> = [];
      for (const t of tokenizeHtml(fileText(built.files, f.path))) {
        if (t.type === 'start' && !voids.has(t.name)) stack.push({ name: t.name, dir: Object.fromEntries(t.attrs).dir ?? null });
        else if (t.type === 'end') {
          const at = stack.map((s) => s.name).lastIndexOf(t.name);
          if (at !== -1) stack.length = at;
        } else if (t.type === 'text' && arabic.test(t.raw)) {
          const inner = stack.at(-1)?.name;
          if (inner === 'title' || inner === 'script') continue; // cannot carry dir
          checked++;
          expect(stack.some((s) => s.dir === 'auto' || s.dir === 'rtl'), `${f.path}: "${t.raw.trim().slice(0, 40)}" in <${stack.map((s) => s.name).join('> <')}>`).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(3);
  });
});
