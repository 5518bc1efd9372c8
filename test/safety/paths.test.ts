/**
 * Promise 4 — paths: whatever a seed's front-matter `slug:` or headline says, every output path
 * is a slug path or otherwise safe, and resolves inside the output folder; articles with the same
 * headline get distinct slugs, deterministically, and neither overwrites the other.
 */
import fc from 'fast-check';
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArchive, buildSite } from '../../src/build.js';
import { maxSlugLength, slugPattern } from '../../src/text/slug.js';
import { collateArchive } from '../../src/stages/collate-archive.js';
import { isSafeOutputPath, manifestName, writeSite } from '../../src/stages/write-site.js';
import type { Article } from '../../src/model/types.js';
import { article, cleanupTemp, fileText, frontMatter, hashTree, tempDir, writeSeeds } from './seed-folders.js';

afterAll(cleanupTemp);

const hostileSlugs = [
  '../../x', '/abs', '%2e%2e%2f', 'a\\b', 'a\u0000b', '\u0000', 'a\u202Eb', '\u202E', '', '.', '..', '...', 'C:\\Windows\\x',
  'x/../../y', '~root', 'CON', 'a'.repeat(500), '北京', '-', ' ', 'index.html', '\u200B\u200F', 'a%00b', '..%2f..%2fetc',
];
const oddHeadlines = ['北京 上海 广州 深圳', 'مرحبا بالعالم العربي', '— — —', 'Zero\u200B\u200Bwidth\u200B', '\u202E\u202E\u202E', '!!! ???', '😀😀😀 🎉🎉'];

/** The article path for a slug, as the site plans it. */
const articlePath = /^articles\/([^/]+)\/index\.html$/;

function expectSafe(paths: readonly string[], out: string): void {
  for (const p of paths) {
    expect(isSafeOutputPath(p), p).toBe(true);
    const abs = path.resolve(out, p);
    expect(abs.startsWith(`${out}${path.sep}`), p).toBe(true);
    const slug = articlePath.exec(p)?.[1];
    if (p.startsWith('articles/')) {
      expect(slug, p).toBeDefined();
      expect(slug!.length).toBeLessThanOrEqual(maxSlugLength);
      expect(slugPattern.test(slug!), p).toBe(true);
    } else {
      expect(p, p).toMatch(/^[a-z0-9][a-z0-9._/-]*$/);
    }
  }
}

describe('hostile slugs and headlines', () => {
  it('every output path is safe, inside the output folder, and article paths match the slug pattern', async () => {
    const root = tempDir('paths');
    const files: Record<string, string> = {};
    hostileSlugs.forEach((slug, i) => {
      files[`slug-${String(i).padStart(2, '0')}.txt`] = frontMatter({ slug }) + article(`Slug Test Story ${i}`, [`Body of slug story ${i}.`]);
    });
    oddHeadlines.forEach((h, i) => {
      files[`headline-${i}.txt`] = article(h, [`Body of the odd headline story number ${i}.`]);
    });
    const seedsDir = writeSeeds(path.join(root, 'seeds'), files);
    const out = path.join(root, 'site', 'out');
    const result = await buildSite({ seedsDir, outDir: out, search: false });
    expect(result.articles).toHaveLength(hostileSlugs.length + oddHeadlines.length);

    // In memory: every planned path.
    const built = await buildArchive({ seedsDir, search: false });
    expectSafe(built.files.map((f) => f.path), out);
    expect(new Set(built.articles.map((a) => a.slug)).size).toBe(built.articles.length);

    // On disk: only regular files and folders, all inside `out`; nothing beside it.
    const written = [...hashTree(out).keys()];
    expect(written.sort()).toEqual([...built.files.map((f) => f.path), manifestName].sort());
    // The manifest is dateline's own dotfile; every planned path is checked.
    expectSafe(written.filter((p) => p !== manifestName), out);
    for (const p of written) expect(lstatSync(path.join(out, p)).isFile()).toBe(true);
    expect(readdirSync(path.join(root, 'site'))).toEqual(['out']);
    expect(readdirSync(root).sort()).toEqual(['seeds', 'site']);
  });

  it('bidi, zero-width and control characters in a front-matter slug never reach a path', async () => {
    const root = tempDir('slugchars');
    const seedsDir = writeSeeds(path.join(root, 'seeds'), {
      'a.txt': frontMatter({ slug: 'sa\u061Cfe\u202Egnp\u200B\u2066x\u0007y\u200Ez\u00ADw' }) + article('Bidi Slug Story', ['Body.']),
    });
    const built = await buildArchive({ seedsDir, search: false });
    expect(built.articles[0]!.slug).toBe('safegnpxyzw');
  });
});

describe('isSafeOutputPath', () => {
  const unsafe = [
    '', '/abs', '../x', 'a/../../x', 'a/..', '..', '.', './a', 'a/./b', 'a//b', 'a/', 'a\\b', '..\\x', 'a\u0000b', '%2e%2e%2f', 'a/%2e%2e/b',
    'a\u202Eb', 'a\u2066b', 'a\u2069b', 'a\u200Eb', 'a\u200Fb', 'a\u061Cb', 'a\nb', 'a\rb', 'a\tb', 'a\u0085b', 'a\u001Fb', 'a\u007Fb', 'a\u2028b',
  ];
  for (const p of unsafe) it(`refuses ${JSON.stringify(p)}`, () => expect(isSafeOutputPath(p)).toBe(false));

  const safe = ['index.html', '404.html', 'articles/some-slug/index.html', 'archive/2025/03/index.html', 'pagefind/fragment/en_3a1b2c.pf_fragment', 'data/report.json', 'assets/style.css'];
  for (const p of safe) it(`accepts ${p}`, () => expect(isSafeOutputPath(p)).toBe(true));

  it('property: whatever it accepts resolves strictly inside the output folder', () => {
    const root = path.resolve('/srv/site/out');
    const part = fc.oneof(fc.constantFrom('..', '.', '', 'a', '%2e', '\\', '\u0000', '\u202E', '~', ' '), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), (parts) => {
        const rel = parts.join('/');
        if (!isSafeOutputPath(rel)) return;
        const abs = path.resolve(root, rel);
        expect(abs.startsWith(`${root}${path.sep}`)).toBe(true);
        expect(path.relative(root, abs).split(path.sep).includes('..')).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('writeSite refuses an unsafe path and writes nothing outside the output folder', async () => {
    const root = tempDir('unsafe-write');
    const out = path.join(root, 'out');
    await expect(writeSite(out, [{ path: 'index.html', contents: 'ok' }, { path: '../evil.html', contents: 'x' }])).rejects.toThrow(/refusing to write/);
    expect(readdirSync(root).filter((e) => !e.startsWith('.out.staging-'))).toEqual([]);
  });
});

describe('articles with the same headline', () => {
  // Same headline, different stories (no shared paragraph, so they are not merged as copies).
  const same = (where: string, what: string): string =>
    article('Same Headline On Two Stories', [`A story from the ${where} of the country about ${what}.`, `Officials in the ${where} said more on ${what} would follow.`]);
  const seeds = {
    'a.txt': same('north', 'the harvest'),
    'b.txt': same('south', 'a new school'),
    'c.txt': same('east', 'the river bridge'),
  };

  it('get distinct slugs (the first by source the plain one, the others their own date or id), each page its own text, the same on every build', async () => {
    const root = tempDir('same');
    const seedsDir = writeSeeds(path.join(root, 'seeds'), seeds);
    const runs = await Promise.all([0, 1].map(() => buildArchive({ seedsDir, search: false })));
    const slugsOf = (b: (typeof runs)[number]) => Object.fromEntries(b.articles.map((a) => [a.sources[0]!.file, a.slug]));
    const own = (file: string): string => {
      const a = runs[0]!.articles.find((x) => x.sources[0]!.file === file)!;
      return `same-headline-on-two-stories-${a.date ?? a.id.slice(0, 6)}`;
    };
    expect(slugsOf(runs[0]!)).toEqual({ 'a.txt': 'same-headline-on-two-stories', 'b.txt': own('b.txt'), 'c.txt': own('c.txt') });
    expect(slugsOf(runs[1]!)).toEqual(slugsOf(runs[0]!));
    for (const a of runs[0]!.articles) {
      const html = fileText(runs[0]!.files, `articles/${a.slug}/index.html`);
      expect(html).toContain(a.paragraphs[0]!);
      for (const other of runs[0]!.articles) if (other !== a) expect(html).not.toContain(other.paragraphs[0]!);
    }
    const out = path.join(root, 'out');
    await buildSite({ seedsDir, outDir: out, search: false });
    expect([...hashTree(out).keys()].filter((p) => p.startsWith('articles/')).sort()).toEqual(
      runs[0]!.articles.map((a) => `articles/${a.slug}/index.html`).sort(),
    );
  });

  it('keep their slugs when a new seed with the same headline comes first: only the plain slug changes hands', async () => {
    const root = tempDir('same-new');
    const seedsDir = writeSeeds(path.join(root, 'seeds'), seeds);
    const before = await buildArchive({ seedsDir, search: false });
    writeSeeds(seedsDir, { '0-new.txt': same('west', 'a new port') });
    const after = await buildArchive({ seedsDir, search: false });
    const slugOf = (b: typeof before, file: string): string => b.articles.find((a) => a.sources[0]!.file === file)!.slug;
    expect(slugOf(after, '0-new.txt')).toBe('same-headline-on-two-stories');
    // The article that had the plain slug takes its own suffix; the others keep theirs.
    expect(slugOf(after, 'a.txt')).not.toBe(slugOf(before, 'a.txt'));
    expect(slugOf(after, 'b.txt')).toBe(slugOf(before, 'b.txt'));
    expect(slugOf(after, 'c.txt')).toBe(slugOf(before, 'c.txt'));
    expect(new Set(after.articles.map((a) => a.slug)).size).toBe(4);
  });

  // Regression: collate-archive.ts suffixed a colliding slug as `${slug.slice(0, 72)}-${n}`, which
  // gave `--2` (not a slug) when character 72 was a hyphen.
  it('a colliding 80-character slug cut at a hyphen still gets a valid, distinct slug', () => {
    const slug = `${'a'.repeat(30)}-${'b'.repeat(40)}-${'c'.repeat(7)}`;
    expect(slug[71]).toBe('-');
    const mk = (id: string, line: number): Article => ({
      id, slug, headline: 'H', captions: [], credit: null, date: null, dateSource: null, countries: [], topics: [],
      topicEvidence: [], countryEvidence: [], paragraphs: ['p'], sources: [{ file: 'a.txt', line }], meta: {},
    }) as unknown as Article;
    const archive = collateArchive([mk('one', 1), mk('two', 9), mk('three', 12)], { country: (c) => c, topic: (t) => t });
    for (const a of archive.articles) {
      expect(a.slug, a.slug).toMatch(slugPattern);
      expect(a.slug.length).toBeLessThanOrEqual(maxSlugLength);
    }
    expect(new Set(archive.articles.map((a) => a.slug)).size).toBe(3);
  });
});
