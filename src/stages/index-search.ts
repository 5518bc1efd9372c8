import childProcess, { type ChildProcess } from 'node:child_process';
import * as pagefind from 'pagefind';
import type { RenderedFile, SearchRecord } from '../model/types.js';
import { BuildError } from '../errors.js';
import { canonicalizeIndex } from '../search/canonical-index.js';
import { createTaskPool } from '../task-pool.js';

/** A search index being built page by page. */
export interface SearchIndexer {
  /** Adds one page's record to the index. */
  add(record: SearchRecord): Promise<void>;
  /** Finishes the index and returns its files under `pagefind/` (or `prefix`), sorted by path. */
  finish(prefix?: string): Promise<RenderedFile[]>;
}

/**
 * The exit of the running Pagefind service: it is spawned by the first index of a build and
 * shared by the others (one per search bundle), so every index must watch the same child.
 */
let serviceExit: Promise<never> | null = null;

/** Stops the Pagefind service once every index of a build is finished. */
export async function closeSearch(): Promise<void> {
  serviceExit = null;
  await pagefind.close();
}

const hint = 'run with --no-search to build without search';

/**
 * Calls `start` (which makes Pagefind launch its `pagefind --service` child) and returns the
 * child it spawned, or null when none was spawned. The pagefind package never listens for its
 * child's exit: a call to a dead service would wait for ever, and Node would exit 0 with nothing
 * written. Seeing the child is the only way to notice.
 */
function spawnedBy<T>(start: () => T): { result: T; child: ChildProcess | null } {
  const spawn = childProcess.spawn;
  let child: ChildProcess | null = null;
  childProcess.spawn = ((...args: Parameters<typeof spawn>) => (child = spawn(...args))) as typeof spawn;
  try {
    return { result: start(), child };
  } finally {
    childProcess.spawn = spawn;
  }
}

/** A promise that rejects when the child exits or fails (never, when there is no child). */
function exitOf(child: ChildProcess | null): Promise<never> {
  const exited = new Promise<never>((_, reject) => {
    const stopped = (code: number | null, signal: NodeJS.Signals | null): void =>
      reject(new Error(`the pagefind service stopped (${signal ? `signal ${signal}` : `exit code ${code}`})`));
    child?.once('exit', stopped);
    child?.once('error', (error) => reject(new Error(`the pagefind service failed: ${error.message}`)));
  });
  exited.catch(() => {}); // only a call that races it reports it
  return exited;
}

/**
 * Starts a Pagefind search index in memory, fed one record per article (its text, title,
 * country and topic filters, date sort key); the browser later loads just the index chunks a
 * query needs, so the archive's size does not weigh on a reader. Every call rejects with a
 * `BuildError` if the Pagefind service dies (a crash, a panic, a kill) instead of hanging.
 */
export async function createSearchIndexer(language: string): Promise<SearchIndexer> {
  const started = spawnedBy(() => pagefind.createIndex({ forceLanguage: language }));
  if (started.child) serviceExit = exitOf(started.child);
  const exited = serviceExit ?? exitOf(null);
  const fail = async (error: unknown): Promise<never> => {
    await closeSearch();
    throw new BuildError(`search indexing failed: ${error instanceof Error ? error.message : String(error)}`, hint, { cause: error });
  };
  const call = <T>(work: Promise<T>): Promise<T> => Promise.race([work, exited]).catch(fail);
  const { index, errors } = await call(started.result);
  if (!index) return fail(new Error(`search index could not start: ${errors.join('; ')}`));
  return {
    async add(record) {
      // A record built from the article itself, not its HTML: Pagefind parses no page.
      const added = await call(
        index.addCustomRecord({
          url: record.url,
          content: record.content,
          language,
          meta: { title: record.title, ...record.meta },
          filters: Object.fromEntries(Object.entries(record.filters).map(([k, v]) => [k, [...v]])),
          sort: { ...record.sort },
        }),
      );
      if (added.errors.length > 0) await fail(new Error(`${record.url}: ${added.errors.join('; ')}`));
    },
    async finish(prefix = 'pagefind/') {
      const { files, errors: fileErrors } = await call(index.getFiles());
      if (fileErrors.length > 0) return fail(new Error(fileErrors.join('; ')));
      await call(index.deleteIndex());
      return canonicalizeIndex(files).map((f) => ({ path: `${prefix}${f.path}`, contents: f.content }));
    },
  };
}

/**
 * Indexes one search bundle: its records, in order, in a fresh index of the running Pagefind
 * service; its files under `prefix`. The same bytes in whichever thread (and service) runs it.
 */
export async function indexBundle(language: string, records: readonly SearchRecord[], prefix: string): Promise<RenderedFile[]> {
  const indexer = await createSearchIndexer(language);
  // Calls go out many at once (the service answers them in turn): one at a time waits on each round trip.
  const pending = createTaskPool(64);
  for (const record of records) await pending.add(() => indexer.add(record));
  await pending.drain();
  return indexer.finish(prefix);
}
