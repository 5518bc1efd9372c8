/**
 * The countries index groups countries under their regions, each region with its count of
 * articles: an article about two countries of one region (the samples' Lebanon and Syria visit)
 * counts once for the region, not once for each country.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { countryRegion } from '../../src/enrich/country-regions.js';

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
});
