/**
 * Runs one command and measures it: wall time with the harness's own clock, peak RSS with GNU
 * time (`%M`, the largest resident set of the command or any process it started).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const gnuTime = '/usr/bin/time';

/** One measured run. */
export interface TimedRun {
  readonly code: number | null;
  readonly wallMs: number;
  /** Peak resident set in KiB, or null when GNU time is not available. */
  readonly peakKiB: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let haveGnuTime: boolean | null = null;

/** True when GNU time is there, installing Debian's `time` package once if it is missing and we may. */
function ensureGnuTime(): boolean {
  if (haveGnuTime !== null) return haveGnuTime;
  if (!existsSync(gnuTime) && process.getuid?.() === 0) {
    process.stderr.write("installing Debian's time package for peak-RSS figures\n");
    try {
      execFileSync('sh', ['-c', 'apt-get install -y -qq time >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq time >/dev/null)'], { stdio: 'inherit' });
    } catch {
      // no apt: the table shows n/a for peak RSS rather than failing the benchmark
    }
  }
  haveGnuTime = existsSync(gnuTime);
  if (!haveGnuTime) process.stderr.write('GNU time (/usr/bin/time) missing: peak RSS is not measured\n');
  return haveGnuTime;
}

/** Runs `command args` in `cwd` and resolves with its exit code, output, wall time and peak RSS. */
export function timeCommand(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<TimedRun> {
  const measured = ensureGnuTime();
  const scratch = mkdtempSync(path.join(tmpdir(), 'dateline-time-'));
  const timeFile = path.join(scratch, 'time');
  const [file, argv] = measured ? [gnuTime, ['-o', timeFile, '-f', '%M', command, ...args]] : [command, [...args]];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (error) => {
      rmSync(scratch, { recursive: true, force: true });
      reject(error);
    });
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      // GNU time writes "Command exited with non-zero status N" before the figure: take the last line.
      const last = measured && existsSync(timeFile) ? readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) : undefined;
      const peak = last !== undefined ? Number(last) : Number.NaN;
      rmSync(scratch, { recursive: true, force: true });
      resolve({ code, wallMs, peakKiB: Number.isFinite(peak) ? peak : null, stdout, stderr });
    });
  });
}
