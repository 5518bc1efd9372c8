/**
 * Promise 7 — determinism: builds of the same seeds in child processes with different time
 * zones, locales and file creation orders are byte-identical (every path and byte); with
 * SOURCE_DATE_EPOCH set, the build date comes from it and never from the clock.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/build.js';
import { article, cleanupTemp, fileText, frontMatter, hashTree, sampleSeedsDir, tempDir, writeSeeds } from './seed-folders.js';
import { childEnv, emptyConfig, runCli } from './run-cli.js';

/** Seeds that exercise ordering: collisions, duplicates, accents and case, undated and dated articles. */
function seedFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(sampleSeedsDir)) files[name] = readFileSync(path.join(sampleSeedsDir, name), 'utf8');
  const headlines = ['Élan Returns to the Capital', 'elan returns to the capital', 'Zebra Crossing Repainted', 'İstanbul Ferry Timetable Changes', 'istanbul ferry fares rise', 'Ångström Institute Opens', 'apple harvest begins early'];
  headlines.forEach((h, i) => {
    files[`order-${i}.txt`] = article(h, [`Story ${i} about ${h.toLowerCase()}, written on 1 March 2024.`, `More detail on story ${i}.`], `A photo for story ${i}. (AFP)`);
  });
  files['same-a.txt'] = article('Same Headline Twice', ['The first of two different stories under one headline.']);
  files['same-b.txt'] = article('Same Headline Twice', ['The second, unrelated story printed under the same headline.']);
  files['dup-a.txt'] = article('Copied Story In Two Files', ['This story was scraped twice into two seed files.', 'Second paragraph.']);
  files['sub/dup-b.txt'] = article('Copied Story In Two Files', ['This story was scraped twice into two seed files.', 'Second paragraph.']);
  files['undated.txt'] = article('A Story With No Date', ['Nothing in this text is a calendar date.']);
  files['fm.txt'] = frontMatter({ date: '2024-12-31', countries: ['IQ'], byline: 'Zoë' }) + article('New Year Story', ['Written for the last day of the year.']);
  return files;
}

/** Writes the seeds into a fresh folder in the given order of creation. */
function seedsInOrder(label: string, reverse: boolean): string {
  const entries = Object.entries(seedFiles());
  if (reverse) entries.reverse();
  const dir = path.join(tempDir(label), 'seeds');
  for (const [name, text] of entries) writeSeeds(dir, { [name]: text });
  return dir;
}

let config: string;
beforeAll(() => {
  config = emptyConfig();
});
afterAll(cleanupTemp);

const diff = (a: Map<string, string>, b: Map<string, string>): string[] =>
  [...new Set([...a.keys(), ...b.keys()])].filter((p) => a.get(p) !== b.get(p)).sort();

describe('byte-identical builds', () => {
  it('different TZ, LANG/LC_ALL and seed creation order give the same paths and bytes', async () => {
    const envs: Array<Record<string, string>> = [
      { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
      { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
      { TZ: 'Etc/GMT+12', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', LC_COLLATE: 'de_DE.UTF-8' },
    ];
    const outs = await Promise.all(
      envs.map(async (env, i) => {
        const seeds = seedsInOrder(`det-${i}`, i % 2 === 1);
        const out = path.join(tempDir(`det-out-${i}`), 'site');
        const r = await runCli(['build', '--seeds', seeds, '--out', out, '--no-search', '--quiet', '--config', config], childEnv(env));
        expect(r.code, r.stderr).toBe(0);
        return hashTree(out);
      }),
    );
    expect(outs[0]!.size).toBeGreaterThan(20);
    for (const other of outs.slice(1)) expect(diff(outs[0]!, other)).toEqual([]);
  });

  it('with SOURCE_DATE_EPOCH, child builds in different zones agree and the build date comes from it', async () => {
    const epoch = '1700000000'; // 2023-11-14T22:13:20Z: already 15 November in Kiritimati
    const seeds = path.join(tempDir('sde'), 'seeds');
    writeSeeds(seeds, { 'undated.txt': article('A Story With No Date', ['Nothing in this text is a calendar date.']) });
    const outs = await Promise.all(
      ['UTC', 'Pacific/Kiritimati'].map(async (TZ, i) => {
        const out = path.join(tempDir(`sde-out-${i}`), 'site');
        const r = await runCli(['build', '--seeds', seeds, '--out', out, '--no-search', '--quiet', '--config', config], childEnv({ TZ, SOURCE_DATE_EPOCH: epoch }));
        expect(r.code, r.stderr).toBe(0);
        return { out, hashes: hashTree(out) };
      }),
    );
    expect(diff(outs[0]!.hashes, outs[1]!.hashes)).toEqual([]);
    const atom = readFileSync(path.join(outs[0]!.out, 'feed.xml'), 'utf8');
    expect(atom).toContain('<updated>2023-11-14T00:00:00.000Z</updated>');
    const json = JSON.parse(readFileSync(path.join(outs[0]!.out, 'feed.json'), 'utf8')) as { items: Array<{ date_modified: string }> };
    expect(json.items.map((i) => i.date_modified)).toEqual(['2023-11-14T00:00:00.000Z']);
  });
});

describe('the build date in process', () => {
  const today = (): string => new Date().toISOString().slice(0, 10);
  const saved = process.env.SOURCE_DATE_EPOCH;
  afterAll(() => {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  });

  it('comes from SOURCE_DATE_EPOCH when set, for every undated article and feed', async () => {
    process.env.SOURCE_DATE_EPOCH = String(Date.UTC(2001, 8, 9) / 1000);
    const seedsDir = writeSeeds(path.join(tempDir('sde-in'), 'seeds'), { 'u.txt': article('Undated Story Here', ['No date in this text.']) });
    const built = await buildArchive({ seedsDir, search: false });
    const all = built.files.map((f) => (typeof f.contents === 'string' ? f.contents : '')).join('\n');
    expect(fileText(built.files, 'feed.xml')).toContain('2001-09-09T00:00:00.000Z');
    expect(all).not.toContain(today());
  });

  it('never comes from the clock when SOURCE_DATE_EPOCH is not set', async () => {
    delete process.env.SOURCE_DATE_EPOCH;
    const seedsDir = writeSeeds(path.join(tempDir('no-sde'), 'seeds'), { 'u.txt': article('Undated Story Here', ['No date in this text.']) });
    const built = await buildArchive({ seedsDir, search: false });
    const all = built.files.map((f) => (typeof f.contents === 'string' ? f.contents : '')).join('\n');
    expect(all).not.toContain(today());
    expect(fileText(built.files, 'feed.xml')).toContain('1970-01-01T00:00:00.000Z');
  });
});
