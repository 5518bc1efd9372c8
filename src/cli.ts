#!/usr/bin/env node
import { readFileSync, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolveConfig, type SiteConfig } from './config.js';
import { BuildError } from './errors.js';

const usage = `Usage: dateline build [options]

Builds a static news archive from seed files.

Options:
  --seeds DIR       folder of *.txt seed files (default: seeds)
  --out DIR         output folder, replaced atomically (default: dist)
  --site-url URL    absolute URL the archive is served from (canonical links, feeds, sitemap)
  --config FILE     JSON config file (default: dateline.config.json if present)
  --taxonomy FILE   topic taxonomy JSON to use instead of the default
  --strict          fail (exit 1) on warnings as well as errors
  --no-search       skip the Pagefind search index
  --cache-dir DIR   build cache folder, never inside --out (default: .dateline-cache)
  --no-cache        build everything from scratch, reading and writing no cache
  --quiet           print only problems
  -h, --help        show this help
`;

/**
 * Text safe to print on a terminal: control characters (ESC, newline, C1), line separators and
 * bidi controls in a seed's file name or text are shown as `\u{…}` escapes, so that no seed can
 * colour the terminal or forge a line of the report.
 */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** Reads a JSON config file, naming the file in any error. */
function readConfigFile(file: string): Partial<SiteConfig> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BuildError(`cannot read config file ${file}`, 'check the path given to --config', { cause: error });
  }
  try {
    const data = JSON.parse(text) as unknown;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error('it must hold a JSON object');
    return data as Partial<SiteConfig>;
  } catch (error) {
    throw new BuildError(`config file ${file} is not valid: ${error instanceof Error ? error.message : String(error)}`, 'write it as a JSON object, e.g. {"siteUrl": "https://example.com/"}', { cause: error });
  }
}

/** Reads argv, runs the build and sets the exit code: the only place that does. */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      seeds: { type: 'string' },
      out: { type: 'string' },
      'site-url': { type: 'string' },
      config: { type: 'string' },
      taxonomy: { type: 'string' },
      strict: { type: 'boolean' },
      'no-search': { type: 'boolean' },
      'cache-dir': { type: 'string' },
      'no-cache': { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  if (positionals[0] !== 'build' || positionals.length > 1) {
    process.stderr.write(usage);
    return 2;
  }
  const configFile = values.config ?? (existsSync('dateline.config.json') ? 'dateline.config.json' : null);
  const fromFile = configFile ? readConfigFile(configFile) : {};
  const options: Partial<SiteConfig> = {
    ...fromFile,
    ...(values.seeds !== undefined ? { seedsDir: values.seeds } : {}),
    ...(values.out !== undefined ? { outDir: values.out } : {}),
    ...(values['site-url'] !== undefined ? { siteUrl: values['site-url'] } : {}),
    ...(values.taxonomy !== undefined ? { taxonomy: values.taxonomy } : {}),
    ...(values.strict ? { strict: true } : {}),
    ...(values['no-search'] ? { search: false } : {}),
    ...(values['cache-dir'] !== undefined ? { cacheDir: values['cache-dir'] } : {}),
    ...(values['no-cache'] ? { cache: false } : {}),
  };
  const log = (line: string): void => {
    if (!values.quiet) process.stdout.write(`${line}\n`);
  };
  try {
    resolveConfig(options);
  } catch (error) {
    throw new BuildError(`invalid options: ${error instanceof Error ? error.message.replace(/^resolveConfig: /, '') : String(error)}`, `check the flags${configFile ? ` and ${configFile}` : ''}; see dateline --help`, { cause: error });
  }
  // build.ts and its stages load only when a build runs, so --help and --version start as fast as node.
  const { buildSite } = await import('./build.js');
  const result = await buildSite(options, { onStage: (name, ms) => log(`✓ ${name} ${ms.toFixed(0)} ms`) });
  for (const w of result.warnings) process.stderr.write(`warning: ${printable(w)}\n`);
  for (const p of result.report.problems) process.stderr.write(`${printable(`${p.file}:${p.line}: ${p.severity}: ${p.message} [${p.rule}]`)}\n`);
  const { report, stats } = result;
  log(`${report.files} seed files → ${report.articles} articles (${report.duplicates} duplicate copies merged, ${report.quarantined} left out), ${result.fileCount} files: ${stats.written} written, ${stats.unchanged} unchanged → ${options.outDir ?? 'dist'}/`);
  const c = result.cache;
  if (c.enabled) log(c.upToDate ? 'cache: nothing changed since the last build' : `cache: parse ${c.parse.hits} hits / ${c.parse.misses} misses, enrich ${c.enrich.hits} / ${c.enrich.misses}, pages ${c.pages.rendered} rendered / ${c.pages.kept} kept, search bundles ${c.search.indexed} indexed / ${c.search.kept} kept`);
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.length - errors;
  if (errors > 0 || (warnings > 0 && (options.strict ?? false))) {
    process.stderr.write(`${errors} error(s), ${warnings} warning(s): see above or ${options.outDir ?? 'dist'}/data/report.json\n`);
    return 1;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof BuildError) {
      process.stderr.write(`error: ${printable(error.message)}\nhint: ${printable(error.hint)}\n`);
      if (error.cause) process.stderr.write(`cause: ${printable(error.cause instanceof Error ? error.cause.message : String(error.cause))}\n`);
    } else {
      process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exitCode = 1;
  },
);
