/** A bounded set of tasks in flight. */
export interface TaskPool {
  /** Starts a task; waits first while `limit` tasks are already running. A failure surfaces here or in `drain`. */
  add(start: () => Promise<void>): Promise<void>;
  /** Waits for every task still running; rejects with the first failure. */
  drain(): Promise<void>;
}

/**
 * A pool that keeps at most `limit` tasks running at once: enough to overlap I/O, flat in
 * memory. A failed task is never an unhandled rejection: it rejects the next `add` or `drain`.
 */
export function createTaskPool(limit: number): TaskPool {
  if (!Number.isInteger(limit) || limit < 1) throw new TypeError(`createTaskPool: limit must be a positive whole number, not ${limit}`);
  const running = new Set<Promise<void>>();
  // A task may fail and leave the set before anyone awaits it: keep its error for later.
  let failure: { error: unknown } | null = null;
  const check = (): void => {
    if (failure) throw failure.error;
  };
  return {
    async add(start) {
      check();
      while (running.size >= limit) await Promise.race(running).catch(() => undefined);
      check();
      const task: Promise<void> = start()
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => running.delete(task));
      running.add(task);
    },
    async drain() {
      await Promise.all(running);
      check();
    },
  };
}
