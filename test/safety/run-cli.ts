/** Runs the dateline CLI in a child process for the safety tests. */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { cliPath, repoRoot, tempDir } from './seed-folders.js';

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The CLI's argv prefix: node with tsx's loader running src/cli.ts (no npx, so the child is node itself). */
export function cliCommand(args: readonly string[]): { command: string; args: string[] } {
  return { command: process.execPath, args: ['--import', 'tsx', cliPath, ...args] };
}

/** A clean environment for a child build: no SOURCE_DATE_EPOCH, no locale or zone unless given. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['SOURCE_DATE_EPOCH', 'TZ', 'LANG', 'LC_ALL', 'LC_TIME', 'LC_COLLATE', 'LANGUAGE', 'NODE_OPTIONS']) delete env[key];
  return { ...env, ...extra };
}

/** Runs `dateline <args>` in a child process (cwd: the repository, so tsx resolves). */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = childEnv()): Promise<CliResult> {
  const { command, args: argv } = cliCommand(args);
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** An empty JSON config file, so a `dateline.config.json` in the working folder is never read. */
export function emptyConfig(): string {
  const file = path.join(tempDir('config'), 'config.json');
  writeFileSync(file, '{}\n');
  return file;
}

/** Runs `tasks` with at most `limit` at a time. */
export async function limited<T>(limit: number, tasks: ReadonlyArray<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}


