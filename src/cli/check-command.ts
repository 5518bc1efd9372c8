import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../model/types.js';
import { BuildError } from '../errors.js';
import type { Command } from './command.js';
import { formatProblems, type ProblemFormat } from './format-problems.js';
import { readSiteOptions } from './site-options.js';
import { UsageError } from './usage-error.js';

const usage = `Usage: dateline check [options]

Parses every seed and checks the config without building or writing anything.
Exit code: 0 clean, 1 content errors (with --strict: warnings too), 2 usage or config errors.

Options:
  --format FORMAT   text (default), json (one object) or github (workflow annotations)
  --strict          fail on warnings as well as errors
  --seeds DIR       folder of seed files (default: seeds)
  --config FILE     JSON config file (default: dateline.config.json if present)
  --taxonomy FILE   topic taxonomy JSON to check is there
  -h, --help        show this help

Examples:
  dateline check
  dateline check --strict --format json
  dateline check --format github     # in a GitHub Actions step: errors show on the pull request's lines
`;

const formats: readonly ProblemFormat[] = ['text', 'json', 'github'];

/** `dateline check`: parses the seeds and validates the config, writing nothing. */
export const checkCommand: Command = {
  name: 'check',
  summary: 'check seeds and config without writing anything',
  usage,
  async run(argv) {
    const { values, config, positionals } = readSiteOptions(argv, { format: { type: 'string', default: 'text' } });
    if (values.help) {
      process.stdout.write(usage);
      return 0;
    }
    const format = values.format as ProblemFormat;
    if (!formats.includes(format) || positionals.length > 0) {
      process.stderr.write(`error: ${positionals.length > 0 ? `unexpected argument "${positionals[0]}"` : `--format must be one of ${formats.join(', ')}`}\n\n${usage}`);
      return 2;
    }
    if (config.taxonomy !== null && !existsSync(config.taxonomy)) {
      throw new UsageError(`taxonomy file "${config.taxonomy}" does not exist`, 'fix the taxonomy path in the config file or --taxonomy');
    }
    // Only the reading and parsing stages: check stays well under a second for a few files.
    const [{ listSeeds, readSeedFile }, { parseSeed }] = await Promise.all([import('../stages/discover-seeds.js'), import('../stages/parse-seed.js')]);
    let listing;
    try {
      listing = await listSeeds(config.seedsDir);
    } catch (error) {
      if (error instanceof BuildError) throw new UsageError(error.message, error.hint, { cause: error });
      throw error;
    }
    const problems: Diagnostic[] = [...listing.diagnostics];
    for (const entry of listing.entries) {
      const read = readSeedFile(config.seedsDir, entry);
      if ('problem' in read) problems.push(read.problem);
      else problems.push(...parseSeed(read.seed).diagnostics);
    }
    // Paths as the repository sees them, so annotations land on the right file of a pull request.
    const shown = problems
      .map((p) => ({ ...p, file: path.relative(process.cwd(), path.resolve(config.seedsDir, p.file)).split(path.sep).join('/') }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));
    process.stdout.write(formatProblems(shown, listing.entries.length, format));
    const errors = shown.filter((p) => p.severity === 'error').length;
    return errors > 0 || (config.strict && shown.length > 0) ? 1 : 0;
  },
};
