import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite } from '../../src/build.js';
import type { SiteConfig } from '../../src/config.js';

/** The sample seeds the archive is built from. */
export const seedsDir = new URL('../../seeds/', import.meta.url).pathname;

/** Repository root (screenshots go to `<root>/test-results/` and `<root>/docs/`). */
export const repoRoot = new URL('../../', import.meta.url).pathname;

/** A built sample archive in a temporary folder. */
export interface BuiltSample {
  readonly dir: string;
  /** Every output file, as a `/`-separated path relative to `dir`, sorted. */
  readonly files: readonly string[];
  read(rel: string): string;
  remove(): void;
}

/** Builds the sample archive (with search) into a fresh temporary folder. */
export async function buildSample(siteUrl: string | null, options: Partial<SiteConfig> = {}): Promise<BuiltSample> {
  const work = mkdtempSync(path.join(tmpdir(), 'dateline-site-'));
  const dir = path.join(work, 'site');
  await buildSite({ seedsDir, outDir: dir, siteUrl, search: true, ...options });
  const files = (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
  return {
    dir,
    files,
    read: (rel) => readFileSync(path.join(dir, rel), 'utf8'),
    remove: () => rmSync(work, { recursive: true, force: true }),
  };
}

/** An article as published in `data/articles.json` (the fields the tests read). */
export interface ArticleRecord {
  readonly slug: string;
  readonly url: string;
  readonly headline: string;
  readonly date: string | null;
  readonly countries: readonly string[];
  readonly topics: readonly string[];
  readonly paragraphs: readonly string[];
  readonly credit: string | null;
  readonly captions: readonly string[];
  readonly dateSource: string | null;
}

export function articleRecords(site: BuiltSample): ArticleRecord[] {
  return (JSON.parse(site.read('data/articles.json')) as { articles: ArticleRecord[] }).articles;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references eta and hast write (`&amp;`, `&#39;`, `&#x2019;`). */
export function decodeHtml(s: string): string {
  return s.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (m, dec: string, hex: string, name: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (entities[name] ?? m),
  );
}

/** The attributes of every `<name …>` start tag in generated HTML, in document order, decoded. */
export function startTags(html: string, name: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  for (const m of html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))) {
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
      attrs[a[1]!.toLowerCase()] = decodeHtml(a[2] ?? a[3] ?? a[4] ?? '');
    }
    out.push(attrs);
  }
  return out;
}
