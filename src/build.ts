import type { Article, BuildReport, Diagnostic, ParsedArticle, RenderedFile } from './model/types.js';
import { resolveConfig, type SiteConfig } from './config.js';
import { discoverSeeds } from './stages/discover-seeds.js';
import { parseSeed } from './stages/parse-seed.js';
import { dedupeArticles } from './stages/dedupe-articles.js';
import { enrichArticle } from './stages/enrich-article.js';
import { collateArchive } from './stages/collate-archive.js';
import { planPages } from './stages/plan-pages.js';
import { createRenderer } from './stages/render-pages.js';
import { indexSearch } from './stages/index-search.js';
import { writeSite, type WriteStats } from './stages/write-site.js';
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

/**
 * The build, stage by stage: discover seeds → parse → dedupe → enrich → collate → plan →
 * render → index search. Reads the seeds folder and returns the site in memory; `buildSite`
 * writes it. Problems in seeds become diagnostics in the report; the build goes on.
 */
export async function buildArchive(options: Partial<SiteConfig> = {}, hooks: BuildHooks = {}): Promise<BuiltArchive> {
  const config = resolveConfig(options);
  const stage = async <T>(name: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    hooks.onStage?.(name, performance.now() - start);
    return result;
  };

  const { seeds } = await stage('discover seeds', () => discoverSeeds(config.seedsDir));
  const diagnostics: Diagnostic[] = [];
  let quarantined = 0;
  const parsed = await stage('parse', () => {
    const all: ParsedArticle[] = [];
    for (const seed of seeds) {
      const result = parseSeed(seed);
      for (const a of result.articles) all.push(a);
      diagnostics.push(...result.diagnostics);
      quarantined += result.quarantined;
    }
    return all;
  });
  const merged = await stage('dedupe', () => dedupeArticles(parsed));
  const enrichment = await stage('load gazetteer and taxonomy', () => loadEnrichment(config.taxonomy ?? undefined));
  const enriched = await stage('enrich', () =>
    merged.articles.map((a) => {
      const r = enrichArticle(a, enrichment);
      diagnostics.push(...r.diagnostics);
      return r.article;
    }),
  );
  const countryName = (code: string): string => enrichment.gazetteer.countryNames.get(code) ?? code;
  const topicNames = new Map(enrichment.topics.topics.map((t) => [t.slug, t.name]));
  const topicName = (slug: string): string => topicNames.get(slug) ?? slug;
  const archive = await stage('collate', () => collateArchive(enriched, { country: countryName, topic: topicName }));

  diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.rule < b.rule ? -1 : 1)));
  const report: BuildReport = {
    files: seeds.length,
    articles: archive.articles.length,
    duplicates: merged.duplicates,
    quarantined,
    problems: diagnostics,
  };
  const buildDate = sourceDateEpoch() ?? archive.articles.find((a) => a.date)?.date ?? '1970-01-01';
  const plans = await stage('plan pages', () => planPages({ config, archive, report, countryName, topicName, buildDate }));
  const renderer = createRenderer(templatesDir);
  const pages = await stage('render', () => plans.map((p) => renderer.render(p)));
  const search = config.search ? await stage('index search', () => indexSearch(pages, config.language)) : [];
  return { files: [...pages, ...search], report, articles: archive.articles };
}

/** Builds the archive and writes it to `config.outDir` atomically. */
export async function buildSite(
  options: Partial<SiteConfig> = {},
  hooks: BuildHooks = {},
): Promise<BuiltArchive & { readonly stats: WriteStats }> {
  const config = resolveConfig(options);
  const built = await buildArchive(config, hooks);
  const start = performance.now();
  const stats = await writeSite(config.outDir, built.files);
  hooks.onStage?.('write', performance.now() - start);
  return { ...built, stats };
}

/** The build date from SOURCE_DATE_EPOCH (reproducible builds), or null when it is not set. */
function sourceDateEpoch(): string | null {
  const raw = process.env.SOURCE_DATE_EPOCH;
  if (!raw || !/^\d+$/.test(raw)) return null;
  return new Date(Number(raw) * 1000).toISOString().slice(0, 10);
}
