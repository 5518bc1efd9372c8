/**
 * The countries index groups countries under their regions, each region with its count of
 * articles: an article about two countries of one region (the samples' Lebanon and Syria visit)
 * counts once for the region, not once for each country.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArchive, buildSite } from '../../src/build.js';
import { countryRegion } from '../../src/enrich/country-regions.js';
import { collateArchive } from '../../src/stages/collate-archive.js';
import { planPages } from '../../src/stages/plan-pages.js';
import { resolveConfig } from '../../src/config.js';

const repo = new URL('../../', import.meta.url).pathname;
const out = mkdtempSync(path.join(tmpdir(), 'dateline-regions-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('region counts on the countries index', () => {
  it('count each article once per region, however many of its countries the region holds', async () => {
    const result = await buildSite({ seedsDir: path.join(repo, 'seeds'), outDir: out, search: false, cache: false });
    const distinct = new Map<string, number>();
    const summed = new Map<string, number>();
    for (const a of result.articles) {
      for (const c of a.countries) summed.set(countryRegion(c), (summed.get(countryRegion(c)) ?? 0) + 1);
      for (const r of new Set(a.countries.map(countryRegion))) distinct.set(r, (distinct.get(r) ?? 0) + 1);
    }
    // The samples hold an article about two countries of one region: the two counts differ there.
    expect([...distinct].some(([r, n]) => summed.get(r) !== n)).toBe(true);
    const html = readFileSync(path.join(out, 'countries/index.html'), 'utf8');
    const shown = new Map([...html.matchAll(/<h2 id="region-\d+">([^<]+) <span class="count">(\d+) articles?<\/span><\/h2>/g)].map((m) => [m[1]!, Number(m[2])]));
    expect(shown).toEqual(distinct);
  });

  it('are an input of the index by region only: the index by count does not change with them', async () => {
    const seedsDir = path.join(repo, 'seeds');
    const built = await buildArchive({ seedsDir, search: false });
    const names = { country: (c: string) => c, topic: (t: string) => t };
    const plans = planPages({ config: resolveConfig({ seedsDir }), archive: collateArchive(built.articles, names), report: built.report, countryName: names.country, topicName: names.topic, buildDate: '2025-01-01' });
    const inputsOf = (p: string): Record<string, unknown> => plans.find((x) => x.path === p)!.inputs() as Record<string, unknown>;
    expect(inputsOf('countries/index.html').regionCounts).toBeDefined();
    expect('regionCounts' in inputsOf('countries/by-count/index.html')).toBe(false);
  });
});
