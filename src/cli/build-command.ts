import type { Command } from './command.js';
import { createBuildReporter, type ReportMode } from './build-reporter.js';
import { readSiteOptions } from './site-options.js';

const usage = `Usage: dateline build [options]

Builds a static news archive from seed files. On a terminal it shows a progress bar per long
stage; in CI (CI set) or through a pipe, one plain line per stage.

Options:
  --seeds DIR       folder of *.txt seed files (default: seeds)
  --out DIR         output folder, replaced atomically (default: dist)
  --site-url URL    absolute URL the archive is served from (canonical links, feeds, sitemap)
  --config FILE     JSON config file (default: dateline.config.json if present)
  --taxonomy FILE   topic taxonomy JSON to use instead of the default
  --templates DIR   template overrides: a file there (article.eta, assets/style.css…) replaces
                    the built-in one of the same name (default: templates if present)
  --strict          fail (exit 1) on warnings as well as errors
  --no-search       skip the Pagefind search index
  --cache-dir DIR   build cache folder, never inside --out (default: .dateline-cache)
  --no-cache        build everything from scratch, reading and writing no cache
  --lock-timeout S  wait up to S seconds for another build of the same --out (default 0: exit 2 at once)
  --quiet           print only problems
  --json            print one JSON object (counts, problems, stats, cache, stage times, total_ms)
  -h, --help        show this help

Examples:
  dateline build
  dateline build --site-url https://me.github.io/news/
  dateline build --seeds archive/seeds --out public --no-search
  dateline build --templates my-theme --json
`;

/** `dateline build`: builds the site and prints each stage, the problems and a summary. */
export const buildCommand: Command = {
  name: 'build',
  summary: 'build seeds/ into a static archive in dist/',
  usage,
  async run(argv) {
    const { values, config, positionals } = readSiteOptions(argv, { quiet: { type: 'boolean' }, json: { type: 'boolean' } });
    if (values.help) {
      process.stdout.write(usage);
      return 0;
    }
    if (positionals.length > 0) {
      process.stderr.write(usage);
      return 2;
    }
    const mode: ReportMode = values.json ? 'json' : values.quiet ? 'quiet' : process.stdout.isTTY && process.stderr.isTTY && !process.env.CI ? 'tty' : 'plain';
    const reporter = createBuildReporter(mode, config);
    const start = performance.now();
    // build.ts and its stages load only when a build runs, so --help and --version start as fast as node.
    const { buildSite } = await import('../build.js');
    let result;
    try {
      result = await buildSite(config, reporter.hooks);
    } catch (error) {
      reporter.abort();
      throw error;
    }
    return reporter.finish(result, performance.now() - start);
  },
};
