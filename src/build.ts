import { mkdir } from 'node:fs/promises';
import { setImmediate as tick } from 'node:timers/promises';
import path from 'node:path';
import { acquireOutputLock } from './output/output-lock.js';
import type { Article, BuildReport, Diagnostic, MergedArticle, ParsedArticle, ParsedSeed, RenderedFile, SearchRecord, SeedFile } from './model/types.js';
import type { CopyFacts } from './stages/dedupe-articles.js';
import type { PagePlan } from './views/page-views.js';
import { resolveConfig, sourceDateEpoch, type SiteConfig } from './config.js';
import { listSeeds, readSeedFile, type SeedEntry } from './stages/discover-seeds.js';
import { isSafeOutputPath, recoverOutput, writeSite, type OutputState, type WriteStats } from './stages/write-site.js';
import type { Enrichment } from './enrich/load-enrichment.js';
import { codeFingerprint, fromEnrichEntry, openBuildCache, pageKeysText, readPageKeys, fromParseEntry, taxonomyHash, toEnrichEntry, toParseEntry, usableState, type BuildCache, type BuildState, type ContentStores, type EnrichEntry, type SearchEntry } from './cache/build-cache.js';
import { fingerprintFiles } from './cache/fingerprint.js';
import type { PackStore } from './cache/pack-store.js';
import { articleRecord } from './views/article-record.js';
import { checkOutput, outputAfterWrite } from './output/output-manifest.js';
import { hashInputs, hashText, type HashMemo } from './cache/stable-hash.js';
import { bundleDir, distinctWords, searchParts, vocabularyRecord, wordsPartition, type SearchParts } from './search/search-partitions.js';
import { outputPath, urls } from './views/site-urls.js';
import { BuildError } from './errors.js';
import { availableParallelism } from 'node:os';
import { startEnrichThread, type EnrichThread } from './workers/enrich-in-worker.js';
import { parseInWorker } from './workers/parse-in-worker.js';
import { scanOutputSoon } from './workers/scan-in-worker.js';
import { startRenderThread, type RenderPage, type RenderThread } from './workers/render-in-worker.js';
import { startSearchThread, type SearchThread } from './workers/search-in-worker.js';

/** A cold build enriches in two threads from this many articles to enrich; below it a worker's start costs more than it saves. */
const workerMinArticles = 1000;

/** A cold build parses in two threads from this many seeds to parse. */
const workerMinSeeds = 400;

/** Pages a build renders itself before a render thread joins in, and pages sent to it at once. */
const threadAfterPages = 300;
const threadBatchPages = 32;

/**
 * Search bundles are shared with a second Pagefind service in a thread from this many records
 * to index (below it, starting the thread and its service costs more than it saves). Tests set
 * it to 0 or Infinity to compare the two ways.
 */
export const searchThreading = { minRecords: 400 };

/** Batches sent to the render thread and not yet answered, at most: enough that it never waits for work. */
const threadBatchesAhead = 3;

/**
 * The stages past discovery, loaded when a build has work to do: they bring in the Markdown
 * reader, the gazetteer and eta, which a build that finds nothing changed never needs (and
 * Pagefind is loaded by the search stage alone).
 */
const stages = async () => {
  const [parse, dedupe, enrich, collate, plan, render, enrichment] = await Promise.all([
    import('./stages/parse-seed.js'), import('./stages/dedupe-articles.js'), import('./stages/enrich-article.js'),
    import('./stages/collate-archive.js'), import('./stages/plan-pages.js'), import('./stages/render-pages.js'),
    import('./enrich/load-enrichment.js'),
  ]);
  return {
    parseSeed: parse.parseSeed, dedupeArticles: dedupe.dedupeArticles, copyFacts: dedupe.copyFacts, enrichArticle: enrich.enrichArticle,
    collateArchive: collate.collateArchive, planPages: plan.planPages, createRenderer: render.createRenderer, jsonListOf: render.jsonListOf,
    loadEnrichment: enrichment.loadEnrichment,
  };
};

/** Where templates live: the package's own `templates/` folder, never a seed-supplied path. */
const templatesDir = new URL('../templates/', import.meta.url).pathname;

/** A finished build in memory: every output file and the report. */
export interface BuiltArchive {
  readonly files: readonly RenderedFile[];
  readonly report: BuildReport;
  readonly articles: readonly Article[];
}

/**
 * Hooks to watch the stages run: `onStage` gets each stage's name and time (stages are
 * disjoint: their times add up to the build's), `onProgress` how far a long stage is
 * (`parse`: seeds, `enrich`: articles, `render`: pages planned so far of all).
 */
export interface BuildHooks {
  readonly onStage?: (name: string, ms: number) => void;
  readonly onProgress?: (stage: string, done: number, total: number) => void;
}

/** How a build used its cache: hits and misses per store, pages rendered and kept, search bundles indexed. */
export interface CacheStats {
  readonly enabled: boolean;
  /** True when every input was as last time and the output intact: nothing was computed or written. */
  readonly upToDate: boolean;
  readonly parse: { readonly hits: number; readonly misses: number };
  readonly enrich: { readonly hits: number; readonly misses: number };
  /** Records of `data/articles.json` taken from the cache, and encoded anew. */
  readonly records: { readonly hits: number; readonly misses: number };
  readonly pages: { readonly rendered: number; readonly kept: number };
  readonly search: { readonly indexed: number; readonly kept: number };
}

/** A build up to its pages: the plans to render and the report. */
interface PlannedBuild {
  readonly config: SiteConfig;
  readonly plans: readonly PagePlan[];
  readonly report: BuildReport;
  readonly articles: readonly Article[];
  /** Content hashes of the archive's articles, so page keys never re-read their text. */
  readonly memo: HashMemo;
  readonly countryName: (code: string) => string;
  readonly topicName: (slug: string) => string;
  /** The archive cut into search bundles: once a build, for the search pages and the indexing. */
  readonly searchParts: SearchParts;
}

type StageRunner = <T>(name: string, run: () => T | Promise<T>) => Promise<T>;

function stageRunner(hooks: BuildHooks): StageRunner {
  return async (name, run) => {
    const start = performance.now();
    const result = await run();
    hooks.onStage?.(name, performance.now() - start);
    return result;
  };
}

/** What a build reads besides the seeds: code, templates, taxonomy and the settings pages show. */
interface Fingerprints {
  /** Code and data tables. */
  readonly code: string;
  /** Code, data, taxonomy: what enrichment depends on. */
  readonly enrich: string;
  /** Code and templates: what every page's bytes depend on besides its inputs. */
  readonly pages: string;
}

async function fingerprints(config: SiteConfig, code?: string): Promise<Fingerprints> {
  const c = code ?? (await codeFingerprint());
  // The effective templates: the built-in ones and the user's overrides, each folder hashed.
  const [taxonomy, templates] = await Promise.all([taxonomyHash(config.taxonomy), fingerprintFiles([templatesDir, ...(config.templates ? [config.templates] : [])])]);
  return { code: c, enrich: hashText(`${c}\n${taxonomy}`), pages: hashText(`${c}\n${templates}`) };
}

/** The part of the config that output depends on (not where it goes, nor the cache's place). */
function outputSettings(config: SiteConfig): string {
  const { seedsDir: _s, outDir: _o, cacheDir: _c, cache: _k, strict: _t, templates: _m, ...rest } = config;
  return JSON.stringify({ ...rest, sourceDateEpoch: process.env.SOURCE_DATE_EPOCH ?? '' });
}

/** The seeds of a build: each entry, its content hash, the bytes of those read to hash them, and what could not be read. */
interface SeedSet {
  readonly entries: readonly SeedEntry[];
  readonly problems: Diagnostic[];
  readonly hashes: ReadonlyMap<string, string>;
  readonly bytes: Map<string, Uint8Array>;
}

/**
 * Lists the seeds and hashes their content. With a cache, a seed whose size and time match the
 * last build's is not read (times are hints: a changed time costs a read, never a wrong hash).
 */
async function hashSeeds(config: SiteConfig, cache: BuildCache | null): Promise<SeedSet> {
  const listing = await listSeeds(config.seedsDir);
  const problems = [...listing.diagnostics];
  const hashes = new Map<string, string>();
  const bytes = new Map<string, Uint8Array>();
  for (const e of listing.entries) {
    const hint = cache?.seeds.get(e.path);
    if (hint && hint.size === e.size && hint.mtimeMs === e.mtimeMs) {
      hashes.set(e.path, hint.hash);
      continue;
    }
    const read = readSeedFile(config.seedsDir, e);
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    bytes.set(e.path, read.seed.bytes);
    const hash = hashText(read.seed.bytes);
    hashes.set(e.path, hash);
    cache?.seeds.set(e.path, { size: e.size, mtimeMs: e.mtimeMs, hash });
  }
  // A seed that could not be read is not part of the build: its problem says so.
  return { entries: listing.entries.filter((e) => hashes.has(e.path)), problems, hashes, bytes };
}

/** The parsed seeds of a build and the dedupe facts of every article in them. */
interface ParsedAll {
  readonly seeds: ParsedSeed[];
  readonly facts: Map<ParsedArticle, CopyFacts>;
}

/** Parses every seed, taking the cached result (and its articles' dedupe facts) of seeds whose bytes were parsed before. */
async function parseAll(config: SiteConfig, seeds: SeedSet, cache: ContentStores | null, fp: Fingerprints, hooks: BuildHooks): Promise<ParsedAll> {
  const { parseSeed, copyFacts } = await stages();
  const keys = seeds.entries.map((e) => hashText(`${fp.code}\n${seeds.hashes.get(e.path)!}`));
  const done: Array<{ result: ParsedSeed; facts: readonly CopyFacts[] } | null | undefined> = seeds.entries.map((e, i) => {
    const hit = cache?.parse.get(keys[i]!);
    return hit && hit.facts?.length === hit.result.articles.length ? { result: fromParseEntry(hit, e.path), facts: hit.facts } : undefined;
  });
  // The bytes of every seed to parse (null: it could not be read, and its problem says so).
  const misses = seeds.entries.flatMap((_, i) => (done[i] === undefined ? [i] : []));
  const bytesOf = (i: number): Uint8Array | null => {
    const e = seeds.entries[i]!;
    const known = seeds.bytes.get(e.path);
    seeds.bytes.delete(e.path);
    if (known !== undefined) return known;
    const read = readSeedFile(config.seedsDir, e);
    if ('problem' in read) {
      seeds.problems.push(read.problem);
      return null;
    }
    return read.seed.bytes;
  };
  // Many seeds to parse (a cold build): a worker thread takes the second half on the other core.
  const shared = misses.length >= workerMinSeeds && availableParallelism() > 1 ? misses.splice(misses.length >> 1) : [];
  const sent: Array<{ index: number; seed: SeedFile }> = [];
  for (const i of shared) {
    const bytes = bytesOf(i);
    if (bytes === null) done[i] = null;
    else sent.push({ index: i, seed: { path: seeds.entries[i]!.path, bytes } });
  }
  const other = sent.length > 0 ? parseInWorker(sent.map((s) => s.seed)) : null;
  // Until the worker is awaited, a failure must not surface as an unhandled rejection.
  other?.catch(() => undefined);
  for (const [n, i] of misses.entries()) {
    hooks.onProgress?.('parse', n, misses.length);
    const bytes = bytesOf(i);
    if (bytes === null) {
      done[i] = null;
      continue;
    }
    const result = parseSeed({ path: seeds.entries[i]!.path, bytes });
    done[i] = { result, facts: result.articles.map(copyFacts) };
  }
  if (other) (await other).forEach((r, n) => (done[sent[n]!.index] = r));
  const results: ParsedSeed[] = [];
  const facts = new Map<ParsedArticle, CopyFacts>();
  const made = new Set([...misses, ...shared]);
  done.forEach((d, i) => {
    if (!d) return;
    if (made.has(i)) cache?.parse.set(keys[i]!, toParseEntry(seeds.entries[i]!.path, d.result, d.facts));
    results.push(d.result);
    d.result.articles.forEach((a, j) => facts.set(a, d.facts[j]!));
  });
  return { seeds: results, facts };
}

/**
 * The build up to its page plans, stage by stage: discover seeds → parse → dedupe → enrich →
 * collate → plan. Reads the seeds folder; everything after is pure. With a cache, each stage
 * takes what it can from the last builds: the driver decides hits and misses, stages stay pure.
 */
async function planBuild(config: SiteConfig, stage: StageRunner, cache: BuildCache | null, seeds: SeedSet, fp: Fingerprints, hooks: BuildHooks): Promise<PlannedBuild> {
  // A large build with a cache (most likely an incremental one) starts its enrichment thread
  // first: its tables load on the other core while this one opens the cache, parses and dedupes.
  const early = cache && seeds.entries.length >= workerMinSeeds && availableParallelism() > 1 ? startEnrichThread({ taxonomy: config.taxonomy }) : null;
  try {
    return await planStages(config, stage, cache, seeds, fp, hooks, early);
  } finally {
    await early?.close();
  }
}

/** `planBuild` past its start, with the enrichment thread it started (if any). */
async function planStages(config: SiteConfig, stage: StageRunner, cache: BuildCache | null, seeds: SeedSet, fp: Fingerprints, hooks: BuildHooks, early: EnrichThread | null): Promise<PlannedBuild> {
  const { dedupeArticles, enrichArticle, collateArchive, planPages, loadEnrichment } = await stage('load stages', stages);
  const stores = cache ? await stage('open cache stores', () => cache.content()) : null;
  const parsed = await stage('parse', () => parseAll(config, seeds, stores, fp, hooks));
  const parsedSeeds = parsed.seeds;
  const diagnostics: Diagnostic[] = [...seeds.problems, ...parsedSeeds.flatMap((s) => s.diagnostics)];
  const quarantined = parsedSeeds.reduce((n, s) => n + s.quarantined, 0);
  const merged = await stage('dedupe', () => dedupeArticles(parsedSeeds.flatMap((s) => s.articles), (a) => parsed.facts.get(a)!));
  let enrichment: Enrichment | null = null;
  const enrichmentNow = (): Enrichment => (enrichment ??= loadEnrichment(config.taxonomy ?? undefined));
  // An enriched article is a function of its copies (seed bytes, path, line), the id dedupe gave
  // it and the enrichment code and tables. The id depends on other stories too (of two stories
  // under one headline and lead, the first by path takes the plain id), so it is part of the key.
  const storyKey = (a: MergedArticle & { readonly key: string }): string =>
    hashText(`${fp.enrich}\n${a.key}\n${a.sources.map((s) => `${seeds.hashes.get(s.file)}\t${s.file}\t${s.line}`).join('\n')}`);
  const keyOf = new Map<string, string>();
  const enriched = await stage('enrich', async () => {
    const keys = merged.articles.map(storyKey);
    const results: Array<{ article: Article; diagnostics: readonly Diagnostic[] } | undefined> = keys.map((key, i) => {
      const hit = stores?.enrich.get(key);
      return hit ? { article: fromEnrichEntry(hit, merged.articles[i]!), diagnostics: hit.diagnostics } : undefined;
    });
    const misses = keys.flatMap((_, i) => (results[i] === undefined ? [i] : []));
    const madeEntries = new Map<number, EnrichEntry>();
    // Many misses (a cold build): a worker thread takes the second half on the other core. A few
    // (a new seed): the early thread, its tables loaded by now, takes them all.
    const cores = availableParallelism() > 1;
    const shared = misses.length >= workerMinArticles && cores ? misses.splice(misses.length >> 1) : early ? misses.splice(0) : [];
    const thread = shared.length === 0 ? null : (early ?? startEnrichThread({ taxonomy: config.taxonomy }));
    try {
      // A thread that fails leaves its share to this one (which reports a bad taxonomy itself).
      const other = thread ? thread.enrich(shared.map((i) => merged.articles[i]!)).catch(() => null) : null;
      const here = (indexes: readonly number[]): void =>
        indexes.forEach((i, n) => {
          hooks.onProgress?.('enrich', n, indexes.length);
          results[i] = enrichArticle(merged.articles[i]!, enrichmentNow());
        });
      here(misses);
      const entries = other ? await other : null;
      if (entries) {
        shared.forEach((i, n) => {
          results[i] = { article: fromEnrichEntry(entries[n]!, merged.articles[i]!, 'now'), diagnostics: entries[n]!.diagnostics };
          // The thread's entry is what the cache keeps: it is not made again from the article.
          madeEntries.set(i, entries[n]!);
        });
      } else here(shared);
    } finally {
      if (thread !== early) await thread?.close();
    }
    const made = new Set([...misses, ...shared]);
    return results.map((r, i) => {
      const { article, diagnostics: found } = r!;
      if (made.has(i)) stores?.enrich.set(keys[i]!, madeEntries.get(i) ?? toEnrichEntry(article, found));
      keyOf.set(article.id, keys[i]!);
      for (const d of found) diagnostics.push(d);
      return article;
    });
  });
  const names = await stage('load names', () => nameTables(cache, fp, enrichmentNow));
  const countryName = (code: string): string => names.countries.get(code) ?? code;
  const topicName = (slug: string): string => names.topics.get(slug) ?? slug;
  const archive = await stage('collate', () => collateArchive(enriched, { country: countryName, topic: topicName }));
  const memo: HashMemo = new WeakMap();
  for (const a of archive.articles) memo.set(a, hashText(`${keyOf.get(a.id)}\n${a.slug}`));

  const order = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  diagnostics.sort((a, b) => order(a.file, b.file) || a.line - b.line || order(a.rule, b.rule) || order(a.message, b.message));
  const report: BuildReport = {
    files: seeds.entries.length,
    articles: archive.articles.length,
    duplicates: merged.duplicates,
    merges: merged.merges,
    quarantined,
    problems: diagnostics,
  };
  const buildDate = sourceDateEpoch(process.env.SOURCE_DATE_EPOCH) ?? archive.articles.find((a) => a.date)?.date ?? '1970-01-01';
  const parts = searchParts(archive.articles, config.searchBundleSize);
  const plans = await stage('plan pages', () => planPages({ config, archive, report, countryName, topicName, buildDate, memo, namesHash: names.hash, searchParts: parts }));
  return { config, plans, report, articles: archive.articles, memo, countryName, topicName, searchParts: parts };
}

/** Country and topic names: from the cache when enrichment was not needed, so the gazetteer stays unloaded. */
function nameTables(cache: BuildCache | null, fp: Fingerprints, enrichment: () => Enrichment): { countries: ReadonlyMap<string, string>; topics: ReadonlyMap<string, string>; hash: string } {
  let tables = cache?.names.get(fp.enrich);
  if (tables === undefined) {
    const e = enrichment();
    tables = { countries: [...e.gazetteer.countryNames], topics: e.topics.topics.map((t): [string, string] => [t.slug, t.name]) };
    cache?.names.set(fp.enrich, tables);
  }
  return { countries: new Map(tables.countries), topics: new Map(tables.topics), hash: hashText(JSON.stringify(tables)) };
}

/** What rendering reuses from the last build: its page keys and search bundles, and the output still intact. */
interface Reuse {
  readonly previous: BuildState | null;
  /** The last build's page keys by path. */
  readonly previousPages: ReadonlyMap<string, string>;
  readonly output: OutputState;
  readonly pages: Map<string, string>;
  readonly search: Map<string, SearchEntry>;
  readonly keep: Set<string>;
  /** An article's `data/articles.json` record as JSON bytes (see `recordsOf`). */
  readonly recordOf: (a: Article) => Uint8Array;
  rendered: number;
  indexed: number;
  keptBundles: number;
}

/**
 * Renders the planned pages one at a time, then the search bundles: a stream, so no stage holds
 * the whole site. With `reuse`, a page whose key (a hash of its view's inputs, the templates and
 * the code) is the last build's and whose file is intact is kept instead of rendered, and a
 * search bundle whose records hash the same is kept instead of re-indexed.
 */
async function* renderSite(build: PlannedBuild, hooks: BuildHooks, clock: StreamClock, fp: Fingerprints, reuse: Reuse | null): AsyncGenerator<RenderedFile> {
  const { createRenderer } = await stages();
  const renderer = createRenderer(templatesDir, 'dateline', build.config.templates);
  let done = 0;
  // Past the first few hundred pages to render (a cold or large build), article and list pages
  // also go to a worker thread on the other core, in batches. It is fed on demand: while fewer
  // than `threadBatchesAhead` batches wait for it, the next pages make a batch for it; otherwise
  // this thread renders them itself. This thread also keys and writes every file, so a fixed
  // share (it was half) left the worker idle for half the build.
  const threaded = availableParallelism() > 1;
  let thread: RenderThread | null = null;
  let rendered = 0;
  let batch: RenderPage[] = [];
  const inflight: Array<{ readonly files: Promise<RenderedFile[]>; settled: boolean }> = [];
  const send = (): void => {
    thread ??= startRenderThread({ templatesDir, generator: 'dateline', overridesDir: build.config.templates });
    const sent = { files: thread.render(batch), settled: false };
    // Awaited in turn below; until then a failure must not surface as an unhandled rejection.
    sent.files.then(() => (sent.settled = true), () => (sent.settled = true));
    inflight.push(sent);
    batch = [];
  };
  try {
    for (const plan of build.plans) {
      hooks.onProgress?.('render', done++, build.plans.length);
      const inputs = plan.inputs();
      if (reuse) {
        const key = hashInputs({ fp: fp.pages, template: plan.template, view: plan.view, inputs }, build.memo);
        reuse.pages.set(plan.path, key);
        if (reuse.previousPages.get(plan.path) === key && reuse.output.intact.has(plan.path)) {
          reuse.keep.add(plan.path);
          continue;
        }
        reuse.rendered++;
        if (plan.view === 'articles') {
          yield { path: plan.path, contents: await articleList((inputs as ReturnType<typeof plan.inputs>).articles, reuse.recordOf) };
          continue;
        }
      }
      const shareable = threaded && (plan.view === 'article' || plan.view === 'list') && ++rendered > threadAfterPages;
      if (shareable && inflight.length < threadBatchesAhead) {
        batch.push({ path: plan.path, template: plan.template, view: plan.view, inputs });
        if (batch.length === threadBatchPages) send();
        continue;
      }
      yield renderer.render(plan, inputs);
      if (inflight.length > 0) {
        // Writing is synchronous: the worker's answers come in only when this thread lets its
        // event loop turn, which it does after each page while the worker has batches.
        await tick();
        while (inflight[0]?.settled) yield* await inflight.shift()!.files;
      }
    }
    if (batch.length > 0) send();
    while (inflight.length > 0) yield* await inflight.shift()!.files;
  } finally {
    await (thread as RenderThread | null)?.close();
  }
  if (!build.config.search) return;
  switchPhase(clock, 'index search');
  yield* indexSearch(build, fp, reuse);
}

/**
 * Each article's record in `data/articles.json` as JSON bytes, taken from `records` by the
 * article's hash (which covers its content and the code that makes records) or encoded and kept
 * there, once a build: a build that adds a seed encodes only its articles.
 */
function recordsOf(memo: HashMemo, records: PackStore<Uint8Array>): (a: Article) => Uint8Array {
  const made = new WeakMap<Article, Uint8Array>();
  return (a) => {
    let bytes = made.get(a);
    if (bytes !== undefined) return bytes;
    const key = memo.get(a);
    bytes = key === undefined ? undefined : records.get(key);
    if (bytes === undefined) {
      bytes = Buffer.from(JSON.stringify(articleRecord(a)));
      if (key !== undefined) records.set(key, bytes);
    }
    made.set(a, bytes);
    return bytes;
  };
}

/** `data/articles.json` from each article's record bytes: the same bytes as the `articles` view renders. */
async function articleList(articles: readonly Article[], recordOf: (a: Article) => Uint8Array): Promise<Uint8Array> {
  const { jsonListOf } = await stages();
  return jsonListOf('articles', articles.map(recordOf));
}

/** The time a file stream spends on its own work, by phase (render, index search), apart from its consumer's. */
interface StreamClock {
  phase: string;
  /** When the stream's current step (or phase) began. */
  since: number;
  readonly spent: Map<string, number>;
}

/** Charges the current step's time so far to the phase ending, and starts `phase`. */
function switchPhase(clock: StreamClock, phase: string): void {
  const now = performance.now();
  clock.spent.set(clock.phase, (clock.spent.get(clock.phase) ?? 0) + now - clock.since);
  clock.phase = phase;
  clock.since = now;
}

/**
 * Passes `source` on, charging the time of each step to the stream's current phase: rendering
 * runs inside the stream that writing consumes, so this is how their times stay disjoint.
 */
async function* timedStream(source: AsyncGenerator<RenderedFile>, clock: StreamClock): AsyncGenerator<RenderedFile> {
  for (;;) {
    clock.since = performance.now();
    const next = await source.next();
    switchPhase(clock, clock.phase);
    if (next.done) return;
    yield next.value;
  }
}

/** Reports the stream's phases, then `rest` (the consumer's part: writing) as the time left of `total`. */
function reportStream(hooks: BuildHooks, clock: StreamClock, rest: string, total: number): void {
  let streamed = 0;
  for (const [name, ms] of clock.spent) {
    hooks.onStage?.(name, ms);
    streamed += ms;
  }
  if (rest) hooks.onStage?.(rest, Math.max(0, total - streamed));
}

/**
 * The search bundles, one per partition, and the words bundle naming the words of each (see
 * `wordsPartition`); with `reuse`, only those whose records changed are indexed again.
 */
async function* indexSearch(build: PlannedBuild, fp: Fingerprints, reuse: Reuse | null): AsyncGenerator<RenderedFile> {
  const planAt = new Map(build.plans.filter((p) => p.search).map((p) => [p.path, p]));
  const members = new Map<string, Array<{ article: Article; plan: PagePlan }>>();
  const { parts, partOf } = build.searchParts;
  for (const article of build.articles) {
    const plan = planAt.get(outputPath(urls.article(article.slug)));
    if (!plan) continue;
    const part = partOf(article);
    const list = members.get(part);
    if (list) list.push({ article, plan });
    else members.set(part, [{ article, plan }]);
  }
  // Pagefind is loaded only by a build with search on.
  const { indexBundle, closeSearch } = await import('./stages/index-search.js');
  const language = build.config.language;
  // The last build's bundle of `part`, when its key was `key` and its files are intact: kept.
  const keptBundle = (part: string, key: string): SearchEntry | null => {
    const before = reuse?.previous?.search.get(part);
    return reuse && before?.key === key && before.files.every((f) => reuse.output.intact.has(f)) ? before : null;
  };
  // Each article bundle's key (a hash of its records' inputs), and whether the last build's is kept.
  const bundles = parts.map((part) => {
    const plans = members.get(part) ?? [];
    // A record is its article and the names of its countries and topics. The article is taken
    // by the hash of its data/articles.json record, which holds all a search record reads of
    // it: exact (a changed neighbour in its seed file leaves it alone), and mostly read from the
    // cache (the article's text stays unread). Without a last build to compare with, no key.
    const key = reuse === null ? '' : hashInputs({
      fp: fp.code, language,
      articles: plans.map(({ article }) => hashText(reuse.recordOf(article))),
      names: plans.map(({ article: a }) => [a.countries.map(build.countryName), a.topics.map(build.topicName)]),
    }, build.memo);
    return { part, key, kept: keptBundle(part, key), size: plans.length, records: (): SearchRecord[] => plans.map(({ plan }) => plan.search!()) };
  });
  // A Pagefind service indexes on one core. With bundles enough to share, a second service
  // runs in a search thread, and each bundle goes to the one with fewer records queued, the
  // largest bundles first; each service indexes its bundles in turn, making a bundle's records
  // only when it starts, so at most two bundles' records are held at once.
  const toIndex = bundles.filter((b) => b.kept === null);
  const shared = toIndex.length >= 2 && toIndex.reduce((n, b) => n + b.size, 0) >= searchThreading.minRecords && availableParallelism() > 1;
  let thread: SearchThread | null = null;
  let started = false;
  let stopped = false;
  const lanes = [
    { queued: 0, last: Promise.resolve() as Promise<unknown>, index: (records: SearchRecord[], prefix: string) => ((started = true), indexBundle(language, records, prefix)) },
    ...(shared ? [{ queued: 0, last: Promise.resolve() as Promise<unknown>, index: (records: SearchRecord[], prefix: string) => (thread ??= startSearchThread()).index(language, records, prefix) }] : []),
  ];
  const indexed = new Map<string, Promise<{ files: RenderedFile[]; words: string }>>();
  const words = parts.length > 1 ? distinctWords : (): string => '';
  for (const b of [...toIndex].sort((x, y) => y.size - x.size || (x.part < y.part ? -1 : 1))) {
    const lane = lanes.reduce((best, l) => (l.queued < best.queued ? l : best));
    lane.queued += b.size;
    const done = lane.last.then(async () => {
      // A build that failed meanwhile starts no service again.
      if (stopped) throw new Error('search indexing stopped');
      const records = b.records();
      return { files: await lane.index(records, bundleDir(b.part)), words: words(records) };
    });
    // Awaited in part order below; until then a failure must not surface as an unhandled rejection.
    done.catch(() => undefined);
    lane.last = done.catch(() => undefined);
    indexed.set(b.part, done);
  }
  try {
    // Kept and indexed bundles in part order. An article bundle's distinct words are kept with
    // it, so the words bundle (indexed again only when a bundle's words change) never reads the
    // records of the bundles kept.
    const vocabulary: string[] = [];
    for (const b of bundles) {
      if (b.kept) {
        for (const f of b.kept.files) reuse!.keep.add(f);
        // A cache written before words were kept: they are worked out once and kept from now on.
        const distinct = parts.length > 1 ? (b.kept.words ?? distinctWords(b.records())) : undefined;
        reuse!.search.set(b.part, distinct === undefined ? b.kept : { ...b.kept, words: distinct });
        reuse!.keptBundles++;
        vocabulary.push(distinct ?? '');
        continue;
      }
      const { files, words: distinct } = await indexed.get(b.part)!;
      if (reuse) {
        reuse.search.set(b.part, { key: b.key, files: files.map((f) => f.path), ...(parts.length > 1 ? { words: distinct } : {}) });
        reuse.indexed++;
      }
      vocabulary.push(distinct);
      yield* files;
    }
    if (parts.length > 1) {
      const key = hashInputs({ fp: fp.code, language, parts, vocabulary }, build.memo);
      const kept = keptBundle(wordsPartition, key);
      if (kept) {
        for (const f of kept.files) reuse!.keep.add(f);
        reuse!.search.set(wordsPartition, kept);
        reuse!.keptBundles++;
      } else {
        const files = await lanes[0]!.index(parts.map((part, i) => vocabularyRecord(part, vocabulary[i]!)), bundleDir(wordsPartition));
        if (reuse) {
          reuse.search.set(wordsPartition, { key, files: files.map((f) => f.path) });
          reuse.indexed++;
        }
        yield* files;
      }
    }
  } finally {
    stopped = true;
    await (thread as SearchThread | null)?.close();
    if (started) await closeSearch();
  }
}

/**
 * Builds the archive in memory (no disk writes, no cache): every output file and the report.
 * Tests and tools use this; `buildSite` streams the same files to disk instead.
 */
export async function buildArchive(options: Partial<SiteConfig> = {}, hooks: BuildHooks = {}): Promise<BuiltArchive> {
  const config = resolveConfig(options);
  const stage = stageRunner(hooks);
  const fp = await fingerprints(config);
  const seeds = await stage('discover seeds', () => hashSeeds(config, null));
  const build = await planBuild(config, stage, null, seeds, fp, hooks);
  const files: RenderedFile[] = [];
  const clock: StreamClock = { phase: 'render', since: 0, spent: new Map() };
  for await (const file of timedStream(renderSite(build, hooks, clock, fp, null), clock)) files.push(file);
  reportStream(hooks, clock, '', 0);
  return { files, report: build.report, articles: build.articles };
}

/** What `buildSite` did: the report, the archive's articles, how many files were written, and the cache's part. */
export interface SiteResult {
  readonly report: BuildReport;
  readonly articles: readonly Article[];
  readonly fileCount: number;
  readonly stats: WriteStats;
  readonly cache: CacheStats;
  /** Problems with the cache (a corrupt pack dropped): never fatal, never seed problems. */
  readonly warnings: readonly string[];
}

/**
 * Builds the archive and streams it to `config.outDir`, which is replaced atomically at the end.
 * With the cache (the default), only what changed since the last build is parsed, enriched,
 * rendered, indexed and written; a build whose inputs all match the last one writes nothing.
 */
export async function buildSite(options: Partial<SiteConfig> = {}, hooks: BuildHooks = {}): Promise<SiteResult> {
  const config = resolveConfig(options);
  // One build at a time per output folder: a second one waits (lockTimeout) or fails with exit 2.
  const lockWarnings: string[] = [];
  await mkdir(path.dirname(path.resolve(config.outDir)), { recursive: true });
  const release = await acquireOutputLock(config.outDir, { timeoutMs: config.lockTimeout * 1000, warn: (m) => lockWarnings.push(m) });
  try {
    const result = await buildLocked(config, hooks);
    return { ...result, warnings: [...lockWarnings, ...siteWarnings(config), ...result.warnings] };
  } finally {
    await release();
  }
}

/** What a build says once about its settings (never a seed problem): no site URL. */
function siteWarnings(config: SiteConfig): string[] {
  if (config.siteUrl !== null) return [];
  return [
    'no site URL: the feeds carry relative links, and there is no sitemap.xml and no canonical URL; ' +
      'give the URL the archive is served from with --site-url https://… or "siteUrl" in dateline.config.json',
  ];
}

/** `buildSite` once it holds the output folder's lock. */
async function buildLocked(config: SiteConfig, hooks: BuildHooks): Promise<SiteResult> {
  const stage = stageRunner(hooks);
  const out = path.resolve(config.outDir);
  const cacheDir = path.resolve(config.cacheDir);
  if (config.cache && (cacheDir === out || cacheDir.startsWith(`${out}${path.sep}`))) {
    throw new BuildError(`refusing to write the archive to "${config.outDir}": the build cache "${config.cacheDir}" would be inside it`, 'choose a cache folder outside the output, e.g. --cache-dir .dateline-cache');
  }
  // First of all, put back a site a killed build left aside: even a build that fails next keeps it online.
  await stage('recover output', () => recoverOutput(out));
  // The output's thousands of files are looked at, half in a worker thread when many, which starts now.
  const scanning = scanOutputSoon(out);
  const cache = config.cache ? await stage('open cache', () => openBuildCache(cacheDir)) : null;
  const fp = await stage('fingerprint', () => fingerprints(config, cache?.code));
  const seeds = await stage('discover seeds', () => hashSeeds(config, cache));
  const buildKey = hashText([
    fp.pages, fp.enrich, outputSettings(config), JSON.stringify(seeds.problems),
    ...seeds.entries.map((e) => `${e.path}\t${seeds.hashes.get(e.path)}`),
  ].join('\n'));
  // The last build's state is found by what it wrote (the manifest's digest): one cache may
  // serve several output folders, and a page is only reused from the very output it describes.
  let previous: BuildState | null = null;
  const output = await stage('check output', async () =>
    checkOutput(out, await scanning(), isSafeOutputPath, (digest) => {
      previous = usableState(cache?.state.get(digest));
      return previous?.hints;
    }),
  );
  const stats = async (upToDate: boolean, reuse: Reuse | null): Promise<CacheStats> => {
    const stores = cache && !upToDate ? await cache.content() : null;
    return {
    enabled: cache !== null,
    upToDate,
    parse: stores ? { ...stores.parse.stats } : { hits: 0, misses: 0 },
    enrich: stores ? { ...stores.enrich.stats } : { hits: 0, misses: 0 },
    records: stores ? { ...stores.records.stats } : { hits: 0, misses: 0 },
    pages: { rendered: reuse?.rendered ?? 0, kept: reuse?.keep.size ?? 0 },
    search: { indexed: reuse?.indexed ?? 0, kept: reuse?.keptBundles ?? 0 },
    };
  };
  // Nothing changed and the output is as the last build left it: done, without a write.
  const last = previous as BuildState | null;
  if (cache && last && last.buildKey === buildKey && output.files.size > 0 && output.intact.size === output.files.size) {
    // A restored folder (new times and inodes) was verified by its bytes: remember its new hints.
    if (output.rehashed > 0) cache.state.set(output.digest, { ...last, hints: output.hints });
    await stage('save cache', () => cache.save());
    return { report: last.report, articles: [], fileCount: output.files.size, stats: { written: 0, unchanged: output.files.size, deleted: 0, mode: 'in-place' }, cache: await stats(true, null), warnings: cache.warnings };
  }
  const build = await planBuild(config, stage, cache, seeds, fp, hooks);
  const reuse: Reuse | null = cache
    ? { previous: last, previousPages: last ? readPageKeys(last.pages) : new Map(), output, pages: new Map(), search: new Map(), keep: new Set(), recordOf: recordsOf(build.memo, (await cache.content()).records), rendered: 0, indexed: 0, keptBundles: 0 }
    : null;
  const start = performance.now();
  const projectRoot = new URL('..', import.meta.url).pathname;
  const clock: StreamClock = { phase: 'render', since: 0, spent: new Map() };
  const written = await writeSite(config.outDir, timedStream(renderSite(build, hooks, clock, fp, reuse), clock), {
    protect: [config.seedsDir, process.cwd(), projectRoot],
    outside: [config.seedsDir],
    ...(reuse ? { keep: reuse.keep } : {}),
    previous: output,
  });
  reportStream(hooks, clock, 'write', performance.now() - start);
  if (cache && reuse) {
    await stage('save cache', async () => {
      // The new output's digest and hints: kept files still match their old hints, new ones are looked at once.
      const now = outputAfterWrite(out, written.manifest, written.fresh, output, written.digest);
      cache.state.set(now.digest, { buildKey, report: build.report, pages: pageKeysText(reuse.pages), search: reuse.search, hints: now.hints });
      await cache.save();
    });
  }
  return { report: build.report, articles: build.articles, fileCount: written.written + written.unchanged, stats: { written: written.written, unchanged: written.unchanged, deleted: written.deleted, mode: written.mode }, cache: await stats(false, reuse), warnings: cache?.warnings ?? [] };
}
