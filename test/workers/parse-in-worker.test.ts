import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../src/stages/parse-seed.js';
import { copyFacts } from '../../src/stages/dedupe-articles.js';
import { parseInWorker } from '../../src/workers/parse-in-worker.js';
import type { SeedFile } from '../../src/model/types.js';

/** The sample seeds, the Markdown fixtures and a share of the real development set, as seed files. */
function seedFiles(): SeedFile[] {
  const from = (dir: string, ext: string, limit: number) => {
    const url = new URL(dir, import.meta.url);
    return readdirSync(url).filter((f) => f.endsWith(ext)).sort().slice(0, limit).map((f) => ({ path: `${dir.split('/').at(-2)}/${f}`, bytes: new Uint8Array(readFileSync(new URL(f, url))) }));
  };
  return [...from('../../seeds/', '.txt', 10), ...from('../fixtures/markdown/', '.md', 5), ...from('../fixtures/realset/dev/', '.txt', 30)];
}

describe('parseInWorker', () => {
  it('parses every seed exactly as the build thread does, with the same dedupe facts', async () => {
    const seeds = seedFiles();
    expect(seeds.filter((s) => s.path.endsWith('.md')).length).toBeGreaterThan(0);
    const local = seedFiles().map((s) => {
      const result = parseSeed(s);
      return { result, facts: result.articles.map(copyFacts) };
    });
    const remote = await parseInWorker(seeds);
    expect(remote).toEqual(local);
    // The bytes were moved to the worker, not copied.
    expect(seeds.every((s) => s.bytes.byteLength === 0)).toBe(true);
  }, 120_000);
});
