#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { BuildError } from './errors.js';
import type { Command } from './cli/command.js';
import { printable } from './cli/printable.js';
import { UsageError } from './cli/usage-error.js';

/** Each command's module, loaded only when that command runs (serve never loads init, --help loads no stage). */
const commands: Readonly<Record<string, () => Promise<Command>>> = {
  build: async () => (await import('./cli/build-command.js')).buildCommand,
  check: async () => (await import('./cli/check-command.js')).checkCommand,
  serve: async () => (await import('./cli/serve-command.js')).serveCommand,
  init: async () => (await import('./cli/init-command.js')).initCommand,
};

const summaries = `Usage: dateline <command> [options]

Commands:
  build    build seeds/ into a static archive in dist/
  check    check seeds and config without writing anything (exit 1 on errors)
  serve    build, serve on http://127.0.0.1:4000 and reload open pages on every change
  init     scaffold a new archive repository: seeds, config, workflow, README

  dateline <command> --help   a command's options and examples
  dateline --version          the version

`;

/** The package's version, from its package.json. */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** Reads the command name and runs it; returns the exit code. */
async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    process.stdout.write(`dateline ${version()}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    // The build's flags come with the overview: build is what most runs are.
    process.stdout.write(summaries + (await commands.build!()).usage);
    return name === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(`error: unknown command "${printable(name)}"\n\n${summaries}`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--version')) {
    process.stdout.write(`dateline ${version()}\n`);
    return 0;
  }
  return command.run(rest);
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
    // The only place that sets the exit code: 2 for misuse and bad config, 1 for a failed build.
    process.exitCode = error instanceof UsageError ? 2 : error instanceof BuildError ? error.exitCode : 1;
  },
);
