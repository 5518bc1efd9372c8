import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, buildSite, type BuiltArchive } from '../src/build.js';

const seedsDir = new URL('../seeds/', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(new URL('fixtures/seeds.expected.json', import.meta.url), 'utf8')) as {
  files: Array<{ file: string; articles: Array<{ headline: string; captions: string[]; credit: string; paragraphs: number; countries: string[]; topics: string[]; photo_date: string | null; date: string | null; date_source: string | null }> }>;
};
const text = (b: BuiltArchive, p: string): string => {
  const f = b.files.find((x) => x.path === p);
  if (!f) throw new Error(`no file ${p}`);
  return typeof f.contents === 'string' ? f.contents : new TextDecoder().decode(f.contents);
};

describe('building the sample archive', () => {
  let built: BuiltArchive;
  beforeAll(async () => {
    built = await buildArchive({ seedsDir, search: false });
  });

  it('finds every sample article with its expected labels', () => {
    const records = (JSON.parse(text(built, 'data/articles.json')) as { articles: Array<Record<string, unknown>> }).articles;
    const all = expected.files.flatMap((f) => f.articles.map((a) => ({ ...a, file: f.file })));
    expect(records).toHaveLength(all.length);
    for (const want of all) {
      const got = records.find((r) => r.headline === want.headline);
      expect(got, want.headline).toBeDefined();
      expect(got!.captions).toEqual(want.captions);
      expect(got!.credit).toBe(want.credit);
      expect((got!.paragraphs as string[]).length).toBe(want.paragraphs);
      expect(got!.countries).toEqual(want.countries);
      expect([...(got!.topics as string[])].sort()).toEqual([...want.topics].sort());
      expect(got!.topics as string[]).toContain(want.topics[0]);
      expect(got!.photo_date).toBe(want.photo_date);
      // The caption dates the photo; a weekday in the lead anchored on it dates the article.
      expect(got!.date, want.headline).toBe(want.date);
      expect(got!.dateSource, want.headline).toBe(want.date_source);
      expect((got!.sources as Array<{ file: string }>)[0]!.file).toBe(want.file);
      expect(got!.url).toBe(`articles/${got!.slug}/`);
    }
  });

  it('writes the pages a reader browses: home, articles, countries, topics, credits, timeline', () => {
    const paths = new Set(built.files.map((f) => f.path));
    for (const p of ['index.html', 'countries/index.html', 'countries/iq/index.html', 'countries/sy/index.html', 'countries/lb/index.html',
      'topics/index.html', 'topics/conflict-war-peace/index.html', 'credits/afp/index.html', 'archive/index.html', 'archive/2025/03/index.html',
      '404.html', 'feed.xml', 'feed.json', 'countries/iq/feed.xml', 'robots.txt', 'assets/style.css', 'data/report.json']) {
      expect(paths, p).toContain(p);
    }
    const home = text(built, 'index.html');
    for (const a of built.articles) {
      expect(paths).toContain(`articles/${a.slug}/index.html`);
      expect(home).toContain(`articles/${a.slug}/index.html`);
    }
    expect(text(built, 'countries/index.html')).toMatch(/Iraq<\/a> <span class="count">2 articles/);
  });

  it('shows no TT line, no doubled caption and no doubled headline on any page', () => {
    for (const f of built.files.filter((x) => x.path.endsWith('.html'))) {
      // What a reader sees: the page without its head metadata and JSON-LD.
      const html = text(built, f.path).replace(/<script[\s\S]*?<\/script>|<meta[^>]*>|<title>[\s\S]*?<\/title>/g, '');
      expect(html, f.path).not.toMatch(/>\s*TT\s*</);
      for (const a of built.articles) {
        if (!f.path.startsWith(`articles/${a.slug}/`)) continue;
        expect(html.split(`<h1 dir="auto" data-pagefind-meta="title">`).length - 1).toBe(1);
        const caption = a.captions[0]?.replace(/\s*\([^()]*\)$/, '').replace(/'/g, '&#39;');
        if (caption) expect(html.split(caption).length - 1, f.path).toBe(1);
      }
    }
  });

  it('links internally with relative URLs only', () => {
    for (const f of built.files.filter((x) => x.path.endsWith('.html'))) {
      for (const m of text(built, f.path).matchAll(/(?:href|src)="([^"]+)"/g)) {
        expect(m[1], `${f.path}: ${m[1]}`).not.toMatch(/^\/(?!\/)/);
      }
    }
  });

  it('reports counts and no problems for the clean samples', () => {
    expect(JSON.parse(text(built, 'data/report.json'))).toEqual({ files: 2, articles: 4, duplicates: 0, merges: [], quarantined: 0, problems: [] });
  });
});

describe('building from disk', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'dateline-build-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('merges the same article found in two seed files, keeping both sources', async () => {
    const seeds = path.join(work, 'dup-seeds');
    mkdirSync(seeds);
    cpSync(path.join(seedsDir, '000_67fd7bee9bb774d1.txt'), path.join(seeds, 'a.txt'));
    // The copy has CRLF endings and trailing spaces: still the same story.
    writeFileSync(path.join(seeds, 'b.txt'), readFileSync(path.join(seedsDir, '000_67fd7bee9bb774d1.txt'), 'utf8').replace(/\n/g, ' \r\n'));
    const built = await buildArchive({ seedsDir: seeds, search: false });
    expect(built.report).toMatchObject({ files: 2, articles: 2, duplicates: 2 });
    for (const a of built.articles) expect(a.sources.map((s) => s.file)).toEqual(['a.txt', 'b.txt']);
  });

  it('writes dist/ and, rebuilt unchanged, rewrites nothing', async () => {
    const out = path.join(work, 'dist');
    const first = await buildSite({ seedsDir, outDir: out, search: false });
    expect(first.stats.written).toBe(first.fileCount);
    const second = await buildSite({ seedsDir, outDir: out, search: false });
    expect(second.stats).toMatchObject({ written: 0, unchanged: second.fileCount });
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('<h1>Dateline news archive</h1>');
  });
});

describe('a new article leaves older list pages alone', () => {
  it('keeps page/1/ of a topic byte-for-byte while the page count stays, and its stories when a page is added', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'dateline-stable-'));
    try {
      const seeds = path.join(work, 'seeds');
      cpSync(seedsDir, seeds, { recursive: true });
      const story = (day: number, place: string): string =>
        `---\ndate: 2026-01-0${day}\ntopics: [conflict-war-peace]\n---\nMilitants Attack Army Post Near ${place}\n\nTT\n\nMilitants Attack Army Post Near ${place}\n\nMilitants attacked an army post near ${place} on Monday, killing two soldiers, the military said.\n`;
      const build = () => buildArchive({ seedsDir: seeds, search: false, pageSize: 2 });
      const page = 'topics/conflict-war-peace/page/1/index.html';
      const cards = (html: string): string[] => [...html.matchAll(/<h3 dir="auto"><a href="[^"]*">([^<]*)<\/a>/g)].map((m) => m[1]!);
      // The samples' two dated articles on the topic and two more: two pages of two.
      writeFileSync(path.join(seeds, 'zz_1.txt'), story(1, 'Mosul'));
      writeFileSync(path.join(seeds, 'zz_2.txt'), story(2, 'Homs'));
      const before = await build();
      expect(text(before, page)).toContain('Page 2 of 2');
      // A fifth: the front page takes it (3 articles), page/1/ keeps every byte.
      writeFileSync(path.join(seeds, 'zz_3.txt'), story(3, 'Aleppo'));
      const after = await build();
      expect(after.articles).toHaveLength(before.articles.length + 1);
      expect(text(after, page)).toBe(text(before, page));
      expect(text(after, 'topics/conflict-war-peace/index.html')).not.toBe(text(before, 'topics/conflict-war-peace/index.html'));
      // A sixth makes a third page: page/1/ is now page 3 of 3, with the same stories.
      writeFileSync(path.join(seeds, 'zz_4.txt'), story(4, 'Raqqa'));
      const third = await build();
      expect(text(third, page)).toContain('Page 3 of 3');
      expect(cards(text(third, page))).toEqual(cards(text(before, page)));
      expect(cards(text(before, page))).toHaveLength(2);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('reproducible output with search on', () => {
  it('builds the same bytes twice, the Pagefind bundle included (its hash-ordered filters are sorted)', async () => {
    const one = await buildArchive({ seedsDir, search: true });
    const two = await buildArchive({ seedsDir, search: true });
    const bytes = (b: BuiltArchive) => new Map(b.files.map((f) => [f.path, Buffer.from(f.contents)]));
    expect(bytes(two)).toEqual(bytes(one));
    // A bundle per year of the samples (2025, 2020) and one for the undated article, each with
    // one filter file per filter (country, topic, year), and the words bundle with its one (bundle).
    const filterFiles = one.files.map((f) => /^pagefind\/([^/]+)\/filter\//.exec(f.path)?.[1]).filter((b) => b !== undefined);
    expect(filterFiles.sort()).toEqual(['2020', '2020', '2020', '2025', '2025', '2025', 'undated', 'undated', 'undated', 'words']);
  });
});

describe('a Markdown seed beside text seeds', () => {
  it('builds its article like any other', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'dateline-md-'));
    try {
      const seeds = path.join(work, 'seeds');
      cpSync(seedsDir, seeds, { recursive: true });
      cpSync(new URL('fixtures/markdown/gulf-summit.md', import.meta.url).pathname, path.join(seeds, 'gulf-summit.md'));
      const built = await buildArchive({ seedsDir: seeds, search: false });
      const a = built.articles.find((x) => x.sources[0]!.file === 'gulf-summit.md')!;
      expect(a.headline).toBe('Gulf Leaders Meet in Riyadh to Discuss Regional Security');
      expect(a.countries[0]).toBe('SA');
      expect(a.credit).toBe('SPA');
      expect(a.date).toBe('2025-05-12');
      expect(text(built, `articles/${a.slug}/index.html`)).not.toContain('<script>alert');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
