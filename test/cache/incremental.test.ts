/**
 * Incremental builds equal clean builds (issue: scale): random sequences of edits to a seeds
 * folder — add, edit, rename and delete seeds, a story copied into another file, a headline
 * collision, taxonomy, template and config edits, a corrupted cache — each followed by a cached build and
 * a clean build of the same inputs, compared file by file. A re-run story (same headline and
 * lead, another photo credit) in a file sorting first moves ids between stories.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, type CacheStats } from '../../src/build.js';
import type { SiteConfig } from '../../src/config.js';

const repo = new URL('../../', import.meta.url).pathname;
const pool = [
  ...readdirSync(path.join(repo, 'seeds')).map((f) => path.join(repo, 'seeds', f)),
  ...readdirSync(path.join(repo, 'test/fixtures/devset')).filter((f) => f.endsWith('.txt')).map((f) => path.join(repo, 'test/fixtures/devset', f)),
];
const articlesOf = (file: string): string[] => readFileSync(file, 'utf8').split(/\n{4,}/).filter((a) => a.trim() !== '');
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** Every file below `dir` (relative path → sha256). */
function digest(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    out.set(path.relative(dir, full), createHash('sha256').update(readFileSync(full)).digest('hex'));
  }
  return out;
}

type Edit =
  | { kind: 'add'; from: number }
  | { kind: 'edit'; file: number; article: number }
  | { kind: 'rename'; file: number }
  | { kind: 'delete'; file: number }
  | { kind: 'copy-story'; from: number; to: number }
  | { kind: 'collide'; file: number }
  | { kind: 'rerun'; file: number }
  | { kind: 'taxonomy' }
  | { kind: 'config' }
  | { kind: 'template'; which: 'card.eta' | 'assets/style.css' }
  | { kind: 'corrupt-cache'; how: 'truncate' | 'garble' | 'foreign' };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), from: fc.nat(pool.length - 1) }),
  fc.record({ kind: fc.constant('edit' as const), file: fc.nat(20), article: fc.nat(5) }),
  fc.record({ kind: fc.constant('rename' as const), file: fc.nat(20) }),
  fc.record({ kind: fc.constant('delete' as const), file: fc.nat(20) }),
  fc.record({ kind: fc.constant('copy-story' as const), from: fc.nat(20), to: fc.nat(20) }),
  fc.record({ kind: fc.constant('collide' as const), file: fc.nat(20) }),
  fc.record({ kind: fc.constant('rerun' as const), file: fc.nat(20) }),
  fc.record({ kind: fc.constant('taxonomy' as const) }),
  fc.record({ kind: fc.constant('config' as const) }),
  fc.record({ kind: fc.constant('template' as const), which: fc.constantFrom('card.eta' as const, 'assets/style.css' as const) }),
  fc.record({ kind: fc.constant('corrupt-cache' as const), how: fc.constantFrom('truncate' as const, 'garble' as const, 'foreign' as const) }),
);

/** A project folder: seeds (two samples to start), a taxonomy copy, a cache and an output. */
function project(): { root: string; seeds: string; files: () => string[] } {
  const root = mkdtempSync(path.join(tmpdir(), 'dateline-incremental-'));
  made.push(root);
  const seeds = path.join(root, 'seeds');
  mkdirSync(seeds);
  cpSync(pool[0]!, path.join(seeds, 'a.txt'));
  cpSync(pool[2]!, path.join(seeds, 'b.txt'));
  writeFileSync(path.join(root, 'taxonomy.json'), readFileSync(path.join(repo, 'data/taxonomy.json')));
  return { root, seeds, files: () => readdirSync(seeds).sort() };
}

let counter = 0;

/** The options an edit can change; `searchBundleSize` stays as the test set it. */
interface EditedConfig {
  title: string;
  pageSize: number;
  readonly searchBundleSize?: number;
}

function apply(p: ReturnType<typeof project>, e: Edit, config: EditedConfig): void {
  const files = p.files();
  const pick = (n: number): string | undefined => (files.length === 0 ? undefined : path.join(p.seeds, files[n % files.length]!));
  switch (e.kind) {
    case 'add':
      cpSync(pool[e.from]!, path.join(p.seeds, `added-${counter++}.txt`));
      return;
    case 'edit': {
      const f = pick(e.file);
      if (!f) return;
      const arts = articlesOf(f);
      const i = e.article % arts.length;
      // A new last paragraph: the article's text changes, its headline and lead do not.
      arts[i] = `${arts[i]!.trimEnd()}\n\nAn editor added this paragraph in edit ${counter++}, with new facts about the case.`;
      writeFileSync(f, arts.join('\n\n\n\n'));
      return;
    }
    case 'rename': {
      const f = pick(e.file);
      if (f) renameSync(f, path.join(p.seeds, `renamed-${counter++}.txt`));
      return;
    }
    case 'delete': {
      const f = pick(e.file);
      if (f && files.length > 1) rmSync(f);
      return;
    }
    case 'copy-story': {
      const from = pick(e.from);
      const to = pick(e.to);
      if (!from || !to) return;
      writeFileSync(to, `${readFileSync(to, 'utf8').trimEnd()}\n\n\n\n${articlesOf(from)[0]!}`);
      return;
    }
    case 'collide': {
      // Same headline, another story: two slugs that collide, one gets a suffix.
      const f = pick(e.file);
      if (!f) return;
      const headline = articlesOf(f)[0]!.split('\n')[0]!;
      writeFileSync(path.join(p.seeds, `collide-${counter++}.txt`), `${headline}\n\nTT\n\n${headline}\n\nA different story under the same headline, number ${counter}, told in a first paragraph of its own.\n\nIt has a second paragraph too, about something else entirely.\n`);
      return;
    }
    case 'rerun': {
      // The same story (headline and lead) with another photo credit, in a file sorting first:
      // a story of its own, which takes the plain id from the one already built.
      const f = pick(e.file);
      if (!f) return;
      const story = articlesOf(f)[0]!.replace(/\(([^()\n]*)\)$/gm, '(Archive photo $1)');
      writeFileSync(path.join(p.seeds, `0-rerun-${counter++}.txt`), story);
      return;
    }
    case 'taxonomy': {
      const file = path.join(p.root, 'taxonomy.json');
      const tax = JSON.parse(readFileSync(file, 'utf8')) as { topics: Array<{ name: string }> };
      tax.topics[counter++ % tax.topics.length]!.name += ' (edited)';
      writeFileSync(file, JSON.stringify(tax));
      return;
    }
    case 'template': {
      // A template override in the project: a card gains a comment, or the stylesheet a rule.
      const file = path.join(p.root, 'templates', e.which);
      mkdirSync(path.dirname(file), { recursive: true });
      const base = existsSync(file) ? readFileSync(file, 'utf8') : readFileSync(path.join(repo, 'templates', e.which), 'utf8');
      writeFileSync(file, e.which.endsWith('.css') ? `${base}\n/* edit ${counter++} */\n` : `${base}<!-- edit ${counter++} -->\n`);
      return;
    }
    case 'config':
      config.title = `Archive ${counter++}`;
      config.pageSize = config.pageSize === 50 ? 3 : 50;
      return;
    case 'corrupt-cache': {
      const cacheDir = path.join(p.root, 'cache');
      if (!existsSync(cacheDir)) return;
      for (const f of readdirSync(cacheDir).filter((x) => x.endsWith('.pack'))) {
        const full = path.join(cacheDir, f);
        if (e.how === 'truncate') truncateSync(full, Math.floor(readFileSync(full).length / 2));
        else if (e.how === 'foreign') writeFileSync(full, `dateline-pack/0\n${readFileSync(full).subarray(16).toString('latin1')}`);
        else {
          const bytes = readFileSync(full);
          const at = Math.floor(bytes.length / 2);
          bytes[at] = (bytes[at] ?? 0) ^ 0xff;
          writeFileSync(full, bytes);
        }
      }
      return;
    }
  }
}

async function compare(p: ReturnType<typeof project>, config: EditedConfig, search: boolean, step: number): Promise<{ written: number; upToDate: boolean; warnings: readonly string[]; cache: CacheStats; articles: number; search: { indexed: number; kept: number } }> {
  const templates = path.join(p.root, 'templates');
  const common: Partial<SiteConfig> = {
    seedsDir: p.seeds, taxonomy: path.join(p.root, 'taxonomy.json'), title: config.title, pageSize: config.pageSize, search, siteUrl: 'https://news.example/archive/',
    ...(existsSync(templates) ? { templates } : {}),
    ...(config.searchBundleSize === undefined ? {} : { searchBundleSize: config.searchBundleSize }),
  };
  const inc = await buildSite({ ...common, outDir: path.join(p.root, 'out'), cacheDir: path.join(p.root, 'cache') });
  const cleanOut = path.join(p.root, `clean-${step}`);
  await buildSite({ ...common, outDir: cleanOut, cache: false });
  const a = digest(path.join(p.root, 'out'));
  const b = digest(cleanOut);
  rmSync(cleanOut, { recursive: true, force: true });
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [file, hash] of b) expect(a.get(file), file).toBe(hash);
  return { written: inc.stats.written, upToDate: inc.cache.upToDate, warnings: inc.warnings, cache: inc.cache, articles: inc.report.articles, search: inc.cache.search };
}

describe('incremental builds', () => {
  it('equal a clean build of the same inputs after any sequence of edits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 2, maxLength: 5 }), async (edits) => {
        const p = project();
        const config = { title: 'Dateline news archive', pageSize: 50 };
        let step = 0;
        await compare(p, config, false, step++);
        for (const e of edits) {
          apply(p, e, config);
          const r = await compare(p, config, false, step++);
          if (e.kind === 'corrupt-cache' && existsSync(path.join(p.root, 'cache'))) expect(r.warnings.join('\n')).toMatch(/cache pack .* dropped/);
        }
      }),
      { numRuns: 12, seed: 20261128, endOnFailure: true },
    );
  }, 600_000);

  it('with search: an edit re-indexes only the edited article\'s year bundle (and the words bundle if a word is new), and the result equals a clean build', async () => {
    const p = project();
    const config = { title: 'Dateline news archive', pageSize: 50 };
    const cold = await compare(p, config, true, 0);
    expect(cold.search.indexed).toBeGreaterThan(1);
    apply(p, { kind: 'add', from: 3 }, config);
    await compare(p, config, true, 1);
    // One article's paragraph changes: its year's bundle is indexed again, and the words bundle
    // (one small record per bundle), every other bundle is kept.
    apply(p, { kind: 'edit', file: 0, article: 1 }, config);
    const edited = await compare(p, config, true, 2);
    expect(edited.search.indexed).toBe(2);
    expect(edited.search.kept).toBeGreaterThan(0);
    // Its last two paragraphs trade places: its year's bundle again, but no word is new, so
    // the words bundle is kept too.
    const file = path.join(p.seeds, p.files()[0]!);
    const stories = articlesOf(file);
    const blocks = stories[1]!.trimEnd().split('\n\n');
    blocks.push(...blocks.splice(-2).reverse());
    stories[1] = blocks.join('\n\n');
    writeFileSync(file, stories.join('\n\n\n\n'));
    const swapped = await compare(p, config, true, 3);
    expect(swapped.search).toEqual({ indexed: 1, kept: edited.search.indexed + edited.search.kept - 1 });
  }, 300_000);

  it('with search in bundles of two records: years cut into months and undated articles spread, as seeds come and go, equal a clean build', async () => {
    const p = project();
    const config: EditedConfig = { title: 'Dateline news archive', pageSize: 50, searchBundleSize: 2 };
    const cold = await compare(p, config, true, 0);
    const bundles = (): string[] => readdirSync(path.join(p.root, 'out', 'pagefind')).sort();
    expect(bundles().some((b) => /^\d{4}-\d\d$/.test(b))).toBe(true);
    expect(bundles().some((b) => /^undated-\d$/.test(b))).toBe(true);
    // Each edit crosses sizes (a year cut finer, the undated articles over more bundles) or not.
    let step = 1;
    for (const e of [{ kind: 'add', from: 3 }, { kind: 'add', from: 5 }, { kind: 'edit', file: 0, article: 1 }, { kind: 'delete', file: 1 }] as const) {
      apply(p, e, config);
      const r = await compare(p, config, true, step++);
      // An edit changes one article: its bundle and at most the words bundle are indexed again.
      if (e.kind === 'edit') expect(r.search.indexed).toBeLessThanOrEqual(2);
    }
    expect(cold.search.indexed).toBeGreaterThan(4);
  }, 300_000);

  it('a new seed encodes only its own articles for data/articles.json', async () => {
    const p = project();
    const config = { title: 'Dateline news archive', pageSize: 50 };
    await compare(p, config, false, 0);
    const before = readdirSync(p.seeds).length;
    apply(p, { kind: 'add', from: 3 }, config);
    expect(readdirSync(p.seeds).length).toBe(before + 1);
    const { cache, articles } = await compare(p, config, false, 1);
    const added = articlesOf(path.join(p.seeds, p.files().find((f) => f.startsWith('added-'))!)).length;
    expect(cache.records.misses).toBeGreaterThan(0);
    expect(cache.records.misses).toBeLessThanOrEqual(added);
    expect(cache.records.hits).toBe(articles - cache.records.misses);
  }, 120_000);

  it('a story re-run under the same headline and lead in an earlier file moves the later one to its own id, as a clean build does', async () => {
    const p = project();
    const config = { title: 'Dateline news archive', pageSize: 50 };
    const headline = 'Earthquake Damages Hundreds of Buildings Near Doha';
    const story = (date: string, credit: string): string => {
      const caption = `Rescuers search the rubble in Doha, Qatar, ${date} (${credit})`;
      return [
        headline, '', caption, caption, 'TT', '', headline, '', caption, caption, '',
        'An earthquake damaged hundreds of buildings near Doha on Tuesday, the civil defence said.', '',
        `Officials said the quake, the strongest felt in the city since records began, struck at dawn on ${date}.`, '',
        'Schools were closed while engineers inspected their buildings for damage.', '',
      ].join('\n');
    };
    writeFileSync(path.join(p.seeds, 'm-later.txt'), story('March 3, 2021', 'Reuters'));
    await compare(p, config, false, 0);
    // A file that sorts first brings the 2017 story: it takes the plain id, the 2021 one gets its own.
    writeFileSync(path.join(p.seeds, 'c-earlier.txt'), story('May 9, 2017', 'AFP'));
    const r = await compare(p, config, false, 1);
    const records = (JSON.parse(readFileSync(path.join(p.root, 'out/data/articles.json'), 'utf8')) as { articles: Array<{ id: string; headline: string; date: string }> }).articles;
    const doha = records.filter((a) => a.headline === headline);
    expect(doha.map((a) => a.date).sort()).toEqual(['2017-05-09', '2021-03-03']);
    expect(new Set(records.map((a) => a.id)).size).toBe(records.length);
    expect(r.articles).toBe(records.length);
  }, 120_000);

  it('a rebuild with nothing changed writes nothing and computes nothing', async () => {
    const p = project();
    const config = { title: 'Dateline news archive', pageSize: 50 };
    await compare(p, config, false, 0);
    const again = await compare(p, config, false, 1);
    expect(again.upToDate).toBe(true);
    expect(again.written).toBe(0);
  }, 120_000);
});
