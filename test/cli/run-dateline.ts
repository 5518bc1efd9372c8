/** Runs the dateline CLI (src/cli.ts through tsx) as a child process, from any working folder. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = new URL('../../', import.meta.url).pathname;
const cli = path.join(root, 'src/cli.ts');
// tsx by path, so the CLI also runs from another working folder.
const tsx = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;

/** Starts `dateline <args>` in `cwd`; the caller reads its streams. */
export function startDateline(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
  const base = { ...process.env };
  for (const key of ['CI', 'GITHUB_ACTIONS', 'NODE_OPTIONS', 'FORCE_COLOR', 'NO_COLOR']) delete base[key];
  return spawn(process.execPath, ['--import', tsx, cli, ...args], { cwd, env: { ...base, NODE_NO_WARNINGS: '1', ...env } });
}

/** Runs `dateline <args>` in `cwd` to the end: its exit code and output. */
export function dateline(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = startDateline(args, cwd, env);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
