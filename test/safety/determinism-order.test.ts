/**
 * Promise 7 (file order, in process) — the order the seed files are read in never changes the
 * output: discoverSeeds is wrapped to hand the same seeds over in other orders.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { SeedFile } from '../../src/model/types.js';

const order = vi.hoisted(() => ({ permute: (seeds: readonly unknown[]): unknown[] => [...seeds] }));
vi.mock('../../src/stages/discover-seeds.js', async (importOriginal) => {
  const actual = (await importOriginal()) as typeof import('../../src/stages/discover-seeds.js');
  return {
    ...actual,
    discoverSeeds: async (...args: Parameters<typeof actual.discoverSeeds>) => {
      const found = await actual.discoverSeeds(...args);
      return { ...found, seeds: order.permute(found.seeds) as SeedFile[] };
    },
  };
});

import { buildArchive } from '../../src/build.js';
import { article, cleanupTemp, sampleSeedsDir, tempDir, writeSeeds } from './seed-folders.js';

afterAll(cleanupTemp);

describe('seed read order', () => {
  it('any order of the same seed files gives byte-identical output', async () => {
    const files: Record<string, string> = {};
    for (const name of readdirSync(sampleSeedsDir)) files[name] = readFileSync(path.join(sampleSeedsDir, name), 'utf8');
    files['same-a.txt'] = article('Same Headline Twice', ['The first of two different stories under one headline.']);
    files['same-b.txt'] = article('Same Headline Twice', ['The second, unrelated story printed under the same headline.']);
    files['dup-a.txt'] = article('Copied Story In Two Files', ['This story was scraped twice into two seed files.', 'Second paragraph.']);
    files['dup-b.txt'] = article('Copied Story In Two Files', ['This story was scraped twice into two seed files.', 'Second paragraph, longer in this copy.', 'A third.']);
    files['é.txt'] = article('Élan Returns to the Capital', ['A story with an accented file name.']);
    files['Z.txt'] = article('zebra crossing repainted', ['A story with an upper-case file name.']);
    const seedsDir = writeSeeds(path.join(tempDir('order'), 'seeds'), files);

    const snapshot = async (permute: (s: readonly unknown[]) => unknown[]): Promise<Map<string, string>> => {
      order.permute = permute;
      const built = await buildArchive({ seedsDir, search: false });
      return new Map(built.files.map((f) => [f.path, typeof f.contents === 'string' ? f.contents : Buffer.from(f.contents).toString('base64')]));
    };
    const reference = await snapshot((s) => [...s]);
    expect(await snapshot((s) => [...s].reverse())).toEqual(reference);
    await fc.assert(
      fc.asyncProperty(fc.infiniteStream(fc.nat()), async (stream) => {
        const got = await snapshot((s) => {
          const keyed = s.map((x) => ({ x, k: stream.next().value as number }));
          return keyed.sort((a, b) => a.k - b.k).map((e) => e.x);
        });
        expect(got).toEqual(reference);
      }),
      { numRuns: 8 },
    );
  });
});
