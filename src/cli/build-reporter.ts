import { createRequire } from 'node:module';
import type { SingleBar } from 'cli-progress';
import type { BuildHooks, SiteResult } from '../build.js';
import type { SiteConfig } from '../config.js';
import { printable } from './printable.js';

/**
 * How a build talks: `tty` draws a progress bar per long stage and colours; `plain` prints one
 * line per stage and no animation (CI, a pipe); `quiet` only problems; `json` one object on
 * stdout at the end and nothing else there.
 */
export type ReportMode = 'tty' | 'plain' | 'quiet' | 'json';

/** What each long stage counts, for its bar. */
const units: Readonly<Record<string, string>> = { parse: 'seed files parsed', enrich: 'articles enriched', render: 'pages rendered and written' };

/**
 * A bar appears only for a stage still running after this long: short stages stay one line.
 * DATELINE_PROGRESS_DELAY_MS sets it (tests use 0, so a bar is drawn whatever the machine's speed).
 */
const barDelayMs = Number(process.env.DATELINE_PROGRESS_DELAY_MS ?? 400);

/** Watches a build through its hooks, then prints the problems, the summary and the next step. */
export interface BuildReporter {
  readonly hooks: BuildHooks;
  /** Prints the end of the build (stderr: problems; stdout: summary or the JSON object) and returns the exit code. */
  finish(result: SiteResult, totalMs: number): number;
  /** Takes down a bar left drawn when the build threw. */
  abort(): void;
}

/** The colours of a report that is not on a terminal: none. */
const plain = (text: string | number): string => String(text);
const plainColours = { bold: plain, cyan: plain, dim: plain, green: plain, red: plain, yellow: plain };

/** A reporter for `mode`, writing to the process's stdout and stderr. */
export function createBuildReporter(mode: ReportMode, config: SiteConfig): BuildReporter {
  // The progress bar and colours are loaded on a terminal only: in CI and pipes they are never drawn.
  const require = createRequire(import.meta.url);
  const Bar = mode === 'tty' ? (require('cli-progress') as typeof import('cli-progress')).SingleBar : null;
  const pc = mode === 'tty' ? (require('picocolors') as typeof import('picocolors')) : null;
  const colour = pc ? pc.createColors(pc.isColorSupported) : plainColours;
  const stages = new Map<string, number>();
  const out = (line: string): void => {
    if (mode === 'tty' || mode === 'plain') process.stdout.write(`${line}\n`);
  };
  let bar: { stage: string; bar: SingleBar | null; since: number } | null = null;
  const stopBar = (): void => {
    bar?.bar?.stop();
    bar = null;
  };
  const hooks: BuildHooks = {
    onStage(name, ms) {
      if (bar?.stage === name) stopBar();
      stages.set(name, (stages.get(name) ?? 0) + ms);
      out(`${colour.green('✓')} ${name} ${ms.toFixed(0)} ms`);
    },
    ...(mode === 'tty'
      ? {
          onProgress(stage: string, done: number, total: number) {
            if (bar?.stage !== stage) {
              stopBar();
              bar = { stage, bar: null, since: performance.now() };
            }
            if (!bar.bar) {
              if (performance.now() - bar.since < barDelayMs) return;
              bar.bar = new Bar!({
                format: `  ${stage} ${colour.cyan('{bar}')} {value}/{total} ${units[stage] ?? ''} · {rate}/s · {eta_formatted} left`,
                barsize: 24, clearOnComplete: true, hideCursor: true, etaBuffer: 50, fps: 8,
              });
              bar.bar.start(total, done, { rate: '…' });
            }
            const seconds = (performance.now() - bar.since) / 1000;
            bar.bar.update(done, { rate: seconds > 0 ? Math.round(done / seconds).toLocaleString('en') : '…' });
          },
        }
      : {}),
  };
  return {
    hooks,
    abort: stopBar,
    finish(result, totalMs) {
      stopBar();
      const { report, stats, cache } = result;
      const errors = report.problems.filter((p) => p.severity === 'error').length;
      const warnings = report.problems.length - errors;
      // What no stage counted (loading modules, hashing the settings): so the stages add up to the total.
      const counted = [...stages.values()].reduce((a, b) => a + b, 0);
      const other = Math.max(0, totalMs - counted);
      const failed = errors > 0 || (warnings > 0 && config.strict);
      if (mode === 'json') {
        // Hits are parse and enrich lookups answered by the cache; an up-to-date build answers
        // every seed at once without opening those stores, so each seed counts as one hit.
        const hits = cache.upToDate ? report.files : cache.parse.hits + cache.enrich.hits;
        const misses = cache.parse.misses + cache.enrich.misses;
        process.stdout.write(`${JSON.stringify({
          report: { files: report.files, articles: report.articles, duplicates: report.duplicates, quarantined: report.quarantined, errors, warnings },
          problems: report.problems,
          fileCount: result.fileCount,
          stats,
          cache: { ...cache, hits, misses },
          warnings: result.warnings,
          stages: Object.fromEntries([...stages, ['other', other] as const].map(([k, v]) => [k, Math.round(v)])),
          total_ms: Math.round(totalMs),
          outDir: config.outDir,
        })}\n`);
        return failed ? 1 : 0;
      }
      for (const w of result.warnings) process.stderr.write(`${colour.yellow('warning:')} ${printable(w)}\n`);
      for (const p of report.problems) {
        const severity = p.severity === 'error' ? colour.red(p.severity) : colour.yellow(p.severity);
        process.stderr.write(`${printable(`${p.file}:${p.line}: `)}${severity}${printable(`: ${p.message} [${p.rule}]`)}\n`);
      }
      if (other >= 1) out(`${colour.dim('·')} other ${other.toFixed(0)} ms`);
      out(`${report.files} seed files → ${report.articles} articles (${report.duplicates} duplicate copies merged, ${report.quarantined} left out), ${result.fileCount} files: ${stats.written} written, ${stats.unchanged} unchanged → ${config.outDir}/`);
      if (cache.enabled) out(colour.dim(cache.upToDate ? 'cache: nothing changed since the last build' : `cache: parse ${cache.parse.hits} hits / ${cache.parse.misses} misses, enrich ${cache.enrich.hits} / ${cache.enrich.misses}, pages ${cache.pages.rendered} rendered / ${cache.pages.kept} kept, search bundles ${cache.search.indexed} indexed / ${cache.search.kept} kept`));
      const problems = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
      out(`${colour.bold(`done in ${(totalMs / 1000).toFixed(1)} s`)}: ${report.articles} articles, ${report.duplicates} duplicates merged, ${errors || warnings ? colour.yellow(problems) : problems}, ${stats.written} files written, ${stats.unchanged} unchanged`);
      if (failed) {
        process.stderr.write(`${colour.red(problems)}: see above or ${config.outDir}/data/report.json\n`);
        return 1;
      }
      out(`next: open ${config.outDir}/index.html, or run ${colour.cyan('dateline serve')} to preview with search and live reload`);
      return 0;
    },
  };
}
