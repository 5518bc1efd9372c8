/**
 * Issue 12.3: when the `pagefind --service` child died, the awaited call never settled and the
 * CLI exited 0 with nothing written. Every call must now reject with a BuildError.
 */
import childProcess, { type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createSearchIndexer } from '../../src/stages/index-search.js';
import { BuildError } from '../../src/errors.js';

const record = { url: '/articles/a/', title: 'A title', content: 'Some words of the article body.', filters: {}, sort: {} };
const spawn = childProcess.spawn;
afterEach(() => {
  childProcess.spawn = spawn;
});

describe('createSearchIndexer when Pagefind fails (issue 12.3)', () => {
  it('rejects when the service child is killed after rendering, instead of never settling', async () => {
    const children: ChildProcess[] = [];
    childProcess.spawn = ((...args: Parameters<typeof spawn>) => {
      const child = spawn(...args);
      children.push(child);
      return child;
    }) as typeof spawn;
    const search = await createSearchIndexer('en');
    await search.add(record);
    expect(children).toHaveLength(1);
    children[0]!.kill('SIGKILL');
    const finished = search.finish();
    await expect(finished).rejects.toBeInstanceOf(BuildError);
    await expect(finished).rejects.toThrow(/^search indexing failed: /);
  });

  it('rejects when Pagefind panics on a language of 32 or more characters', async () => {
    const run = async (): Promise<unknown> => {
      const search = await createSearchIndexer('x'.repeat(40));
      await search.add(record);
      return search.finish();
    };
    await expect(run()).rejects.toThrow(/search indexing failed: the pagefind service stopped/);
  });

  it('still builds an index when the service runs to the end', async () => {
    const search = await createSearchIndexer('en');
    await search.add(record);
    const files = await search.finish();
    expect(files.some((f) => f.path === 'pagefind/pagefind-entry.json')).toBe(true);
  });
});
