import type { Command } from './command.js';
import { printable } from './printable.js';
import { readSiteOptions } from './site-options.js';

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

Examples:
  dateline build
  dateline build --site-url https://me.github.io/news/
  dateline build --seeds archive/seeds --out public --no-search
`;

/** `dateline build`: builds the site and prints each stage, the problems and a summary. */
export const buildCommand: Command = {
  name: 'build',
  summary: 'build seeds/ into a static archive in dist/',
  usage,
  async run(argv) {
    const { values, config, positionals } = readSiteOptions(argv, { quiet: { type: 'boolean' } });
    if (values.help) {
      process.stdout.write(usage);
      return 0;
    }
    if (positionals.length > 0) {
      process.stderr.write(usage);
      return 2;
    }
    const log = (line: string): void => {
      if (!values.quiet) process.stdout.write(`${line}\n`);
    };
    // build.ts and its stages load only when a build runs, so --help and --version start as fast as node.
    const { buildSite } = await import('../build.js');
    const result = await buildSite(config, { onStage: (name, ms) => log(`✓ ${name} ${ms.toFixed(0)} ms`) });
    for (const w of result.warnings) process.stderr.write(`warning: ${printable(w)}\n`);
    for (const p of result.report.problems) process.stderr.write(`${printable(`${p.file}:${p.line}: ${p.severity}: ${p.message} [${p.rule}]`)}\n`);
    const { report, stats } = result;
    log(`${report.files} seed files → ${report.articles} articles (${report.duplicates} duplicate copies merged, ${report.quarantined} left out), ${result.fileCount} files: ${stats.written} written, ${stats.unchanged} unchanged → ${config.outDir}/`);
    const c = result.cache;
    if (c.enabled) log(c.upToDate ? 'cache: nothing changed since the last build' : `cache: parse ${c.parse.hits} hits / ${c.parse.misses} misses, enrich ${c.enrich.hits} / ${c.enrich.misses}, pages ${c.pages.rendered} rendered / ${c.pages.kept} kept, search bundles ${c.search.indexed} indexed / ${c.search.kept} kept`);
    const errors = report.problems.filter((p) => p.severity === 'error').length;
    const warnings = report.problems.length - errors;
    if (errors > 0 || (warnings > 0 && config.strict)) {
      process.stderr.write(`${errors} error(s), ${warnings} warning(s): see above or ${config.outDir}/data/report.json\n`);
      return 1;
    }
    return 0;
  },
};
