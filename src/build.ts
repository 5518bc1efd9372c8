import type { Article, BuildReport, Diagnostic, PagePlan, RenderedFile } from './model/types.js';
import { resolveConfig, sourceDateEpoch, type SiteConfig } from './config.js';
import { discoverSeeds, type DiscoveredSeeds } from './stages/discover-seeds.js';
import { parseSeeds } from './stages/parse-seed.js';
import { dedupeArticles } from './stages/dedupe-articles.js';
import { enrichArticle } from './stages/enrich-article.js';
import { collateArchive } from './stages/collate-archive.js';
import { planPages } from './stages/plan-pages.js';
import { createRenderer } from './stages/render-pages.js';
import { createSearchIndexer } from './stages/index-search.js';
import { writeSite, type WriteStats } from './stages/write-site.js';
import { createTaskPool } from './task-pool.js';
import { loadEnrichment } from './enrich/load-enrichment.js';

/** Where templates live: the package's own `templates/` folder, never a seed-supplied path. */
const templatesDir = new URL('../templates/', import.meta.url).pathname;

/** A finished build in memory: every output file and the report. */
export interface BuiltArchive {
  readonly files: readonly RenderedFile[];
  readonly report: BuildReport;
  readonly articles: readonly Article[];
}

/** Hooks to watch the stages run; `onStage` gets each stage's name and time. */
export interface BuildHooks {
  readonly onStage?: (name: string, ms: number) => void;
}

/** A build up to its pages: the plans to render and the report. */
interface PlannedBuild {
  readonly config: SiteConfig;
  readonly plans: readonly PagePlan[];
  readonly report: BuildReport;
  readonly articles: readonly Article[];
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

/**
 * The build up to its page plans, stage by stage: discover seeds → parse → dedupe → enrich →
 * collate → plan. Reads the seeds folder; everything after is pure. Problems in seeds become
 * diagnostics in the report and the build goes on.
 */
async function planBuild(config: SiteConfig, stage: StageRunner): Promise<PlannedBuild> {
  // The seeds' bytes are not needed past parsing: nothing keeps them once parsed.
  let discovered: DiscoveredSeeds | null = await stage('discover seeds', () => discoverSeeds(config.seedsDir));
  const seedCount = discovered.seeds.length;
  const discoveryProblems = discovered.diagnostics;
  const parsed = await stage('parse', () => parseSeeds(discovered!.seeds));
  discovered = null;
  const diagnostics: Diagnostic[] = [...discoveryProblems, ...parsed.diagnostics];
  const merged = await stage('dedupe', () => dedupeArticles(parsed.articles));
  const enrichment = await stage('load gazetteer and taxonomy', () => loadEnrichment(config.taxonomy ?? undefined));
  const enriched = await stage('enrich', () =>
    merged.articles.map((a) => {
      const r = enrichArticle(a, enrichment);
      for (const d of r.diagnostics) diagnostics.push(d);
      return r.article;
    }),
  );
  const countryName = (code: string): string => enrichment.gazetteer.countryNames.get(code) ?? code;
  const topicNames = new Map(enrichment.topics.topics.map((t) => [t.slug, t.name]));
  const topicName = (slug: string): string => topicNames.get(slug) ?? slug;
  const archive = await stage('collate', () => collateArchive(enriched, { country: countryName, topic: topicName }));

  const order = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  diagnostics.sort((a, b) => order(a.file, b.file) || a.line - b.line || order(a.rule, b.rule) || order(a.message, b.message));
  const report: BuildReport = {
    files: seedCount,
    articles: archive.articles.length,
    duplicates: merged.duplicates,
    quarantined: parsed.quarantined,
    problems: diagnostics,
  };
  const buildDate = sourceDateEpoch(process.env.SOURCE_DATE_EPOCH) ?? archive.articles.find((a) => a.date)?.date ?? '1970-01-01';
  const plans = await stage('plan pages', () => planPages({ config, archive, report, countryName, topicName, buildDate }));
  return { config, plans, report, articles: archive.articles };
}

/**
 * Renders the planned pages one at a time, feeding each to the search index as it goes, then
 * yields the search index's own files: a stream, so no stage holds the whole site.
 */
async function* renderSite(build: PlannedBuild, hooks: BuildHooks): AsyncGenerator<RenderedFile> {
  const renderer = createRenderer(templatesDir);
  const search = build.config.search ? await createSearchIndexer(build.config.language) : null;
  const start = performance.now();
  // Search records go to Pagefind while pages render; a bounded number are in flight at once.
  const pending = createTaskPool(64);
  for (const plan of build.plans) {
    const record = search && plan.search ? plan.search() : null;
    if (search && record) await pending.add(() => search.add(record));
    yield renderer.render(plan);
  }
  await pending.drain();
  hooks.onStage?.('render', performance.now() - start);
  if (search) {
    const indexStart = performance.now();
    const files = await search.finish();
    hooks.onStage?.('index search', performance.now() - indexStart);
    yield* files;
  }
}

/**
 * Builds the archive in memory (no disk writes): every output file and the report. Tests and
 * tools use this; `buildSite` streams the same files to disk instead.
 */
export async function buildArchive(options: Partial<SiteConfig> = {}, hooks: BuildHooks = {}): Promise<BuiltArchive> {
  const build = await planBuild(resolveConfig(options), stageRunner(hooks));
  const files: RenderedFile[] = [];
  for await (const file of renderSite(build, hooks)) files.push(file);
  return { files, report: build.report, articles: build.articles };
}

/** What `buildSite` did: the report, the archive's articles, and how many files were written. */
export interface SiteResult {
  readonly report: BuildReport;
  readonly articles: readonly Article[];
  readonly fileCount: number;
  readonly stats: WriteStats;
}

/** Builds the archive and streams it to `config.outDir`, which is replaced atomically at the end. */
export async function buildSite(options: Partial<SiteConfig> = {}, hooks: BuildHooks = {}): Promise<SiteResult> {
  const config = resolveConfig(options);
  const build = await planBuild(config, stageRunner(hooks));
  const start = performance.now();
  const projectRoot = new URL('..', import.meta.url).pathname;
  const stats = await writeSite(config.outDir, renderSite(build, hooks), { protect: [config.seedsDir, process.cwd(), projectRoot] });
  hooks.onStage?.('render and write', performance.now() - start);
  return { report: build.report, articles: build.articles, fileCount: stats.written + stats.unchanged, stats };
}
