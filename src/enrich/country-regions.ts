import { createRequire } from 'node:module';

interface WorldCountryRegion {
  readonly cca2: string;
  readonly region: string;
  readonly subregion: string;
}

/**
 * The news regions the countries index groups by, from world-countries' UN region and
 * subregion: Western Asia and Northern Africa make one region, as newsrooms file them.
 */
function newsRegion(code: string, region: string, subregion: string): string {
  // The UN's Western Asia takes in the Caucasus and Cyprus, which news files under Europe.
  if (code === 'AM' || code === 'AZ' || code === 'GE' || code === 'CY') return 'Europe';
  if (subregion === 'Western Asia' || subregion === 'Northern Africa') return 'Middle East and North Africa';
  if (region === 'Africa') return 'Sub-Saharan Africa';
  if (subregion === 'Southern Asia' || subregion === 'Central Asia') return 'South and Central Asia';
  if (region === 'Asia') return 'East and Southeast Asia';
  if (region === 'Antarctic') return 'Antarctica';
  return region; // Americas, Europe, Oceania
}

let regions: ReadonlyMap<string, string> | null = null;

/** The region of an ISO 3166-1 alpha-2 country code (`Other` for a code world-countries lacks). */
export function countryRegion(code: string): string {
  if (regions === null) {
    const countries = createRequire(import.meta.url)('world-countries/countries.json') as readonly WorldCountryRegion[];
    regions = new Map(countries.map((c) => [c.cca2, newsRegion(c.cca2, c.region, c.subregion)]));
  }
  return regions.get(code) ?? 'Other';
}
