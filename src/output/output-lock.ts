import { hostname } from 'node:os';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BuildError } from '../errors.js';

/** What a lock file holds: who holds the lock. */
interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
}

/** The lock file of an output folder: beside it, since the folder itself is replaced by rename. */
export function lockPath(outDir: string): string {
  const out = path.resolve(outDir);
  return path.join(path.dirname(out), `.${path.basename(out)}.lock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the exclusive lock on an output folder, so two builds never write it at once: the lock
 * file holds this process's pid and host. A lock whose process is gone (a killed build) is
 * stale and taken over, reported through `warn`. While another live build holds it, waits up to
 * `timeoutMs` (0: not at all), then fails with a BuildError whose exit code is 2. Returns the
 * function that releases the lock.
 */
export async function acquireOutputLock(outDir: string, options: { timeoutMs?: number; warn?: (message: string) => void } = {}): Promise<() => Promise<void>> {
  const file = lockPath(outDir);
  const me: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  const deadline = Date.now() + (options.timeoutMs ?? 0);
  for (;;) {
    try {
      await writeFile(file, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      return async () => {
        await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new BuildError(`cannot lock the output folder "${outDir}": ${(error as Error).message}`, 'check that the folder above it exists and is writable', { cause: error });
      }
    }
    const owner = await readFile(file, 'utf8').then((t) => JSON.parse(t) as LockOwner, () => null);
    if (owner === null || (owner.host === me.host && !alive(owner.pid))) {
      // Stale: move it aside under a name of our own (only one taker wins the rename), then retry.
      const aside = `${file}.stale-${process.pid}`;
      if (await rename(file, aside).then(() => true, () => false)) {
        await rm(aside, { force: true });
        options.warn?.(`took over the lock of "${outDir}" left by a build that is gone (pid ${owner?.pid ?? 'unknown'})`);
      }
      continue;
    }
    if (Date.now() >= deadline) {
      throw new BuildError(
        `another build (pid ${owner.pid} on ${owner.host}, since ${owner.started}) is writing "${outDir}"`,
        'wait for it to finish, or pass --lock-timeout SECONDS to wait for it',
        { exitCode: 2 },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
