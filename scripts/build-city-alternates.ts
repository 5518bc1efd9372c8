/**
 * `npx tsx scripts/build-city-alternates.ts <cities15000.txt>`: writes `data/city-alternates.json`,
 * the other spellings English news uses for the cities of `data/cities.json` (Makkah for Mecca,
 * Bombay for Mumbai, Sanaa for Sana'a), cut from a GeoNames `cities15000.txt` dump and its
 * alternatenames column. Only plain Latin-script names of capitals and places of 500,000+ are
 * kept; names that are English words, shorter than four letters or longer than three words,
 * written in capitals (airport codes), another place's own name or given to places in two
 * countries are left out. See data/README.md for the copy of GeoNames used.
 * `test/enrich/city-alternates.test.ts` checks the table's shape and that it is still keyed the
 * way the tokenizer folds names.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { phraseKey } from '../src/enrich/gazetteer.js';

/** Where the table is written. */
export const alternateTableFile = new URL('../data/city-alternates.json', import.meta.url);

/**
 * Alternate names are taken for capitals and places of this many people: the cities foreign news
 * spells in several ways. Smaller places have mostly foreign-language forms nobody writes in English.
 */
const minPopulation = 500_000;
/** Shortest alternate name kept, in letters: shorter ones are mostly codes and collide with words. */
const minLetters = 4;
/** Longest alternate name kept, in words: longer ones are official or administrative forms. */
const maxWords = 3;

/** One row: folded alternate name, country code, population of the place. */
export type AlternateRow = [string, string, number];

/**
 * Lower-case words of the vocabulary the repository already holds (IPTC Media Topics labels and
 * definitions, taxonomy terms, the gazetteer's not-a-place list): an alternate name equal to one
 * of them (`Split`, `Mobile`, `Deal`) would be read in ordinary text.
 */
export function englishWords(): Set<string> {
  const read = (file: string): unknown => JSON.parse(readFileSync(new URL(`../data/${file}`, import.meta.url), 'utf8'));
  const words = new Set<string>();
  const addText = (text: string): void => {
    for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) words.add(w);
  };
  for (const [, , label, definition] of (read('iptc-media-topics.json') as { concepts: Array<[string, string | null, string, string]> }).concepts) {
    addText(label);
    addText(definition);
  }
  for (const topic of (read('taxonomy.json') as { topics: Array<{ terms: Record<string, number> }> }).topics) addText(Object.keys(topic.terms).join(' '));
  for (const name of (read('places.json') as { notPlaces: string[] }).notPlaces) words.add(phraseKey(name));
  return words;
}

/**
 * True for a name written in plain Latin letters, spaces, hyphens and apostrophes, starting with
 * a capital, not in capitals (airport codes) and not two forms joined by ` - ` (`Cabul - کابل`).
 */
function isPlainLatin(name: string): boolean {
  const bare = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return /^[A-Z][A-Za-z' -]+$/.test(bare) && bare !== bare.toUpperCase() && !bare.includes(' - ');
}

/** Whether an alternate name is worth matching: plain Latin, long enough, not an English word. */
export function usableAlternate(name: string, key: string, english: ReadonlySet<string>): boolean {
  if (!isPlainLatin(name) || key.replace(/ /g, '').length < minLetters || key.split(' ').filter((w) => w !== '-').length > maxWords) return false;
  return !english.has(key);
}

/**
 * The alternate-name table from the text of a GeoNames cities dump: for every place the city
 * table holds, its alternate names that are not already its own name, minus those two countries
 * share. Rows sorted by name.
 */
export function buildAlternateTable(dump: string, source: string): { source: string; licence: string; names: AlternateRow[] } {
  const english = englishWords();
  // Every place's own name, whatever its size: an alternate name that is another town's name is
  // ambiguous (a place's own name, as this dump spells it, may still be kept: Kiev for Kyiv).
  const primary = new Map<string, string>();
  const byKey = new Map<string, { codes: Set<string>; population: number; code: string }>();
  const rows = dump.split('\n').map((line) => line.split('\t')).filter((cols) => cols.length >= 15);
  for (const cols of rows) {
    for (const key of [phraseKey(cols[1]!), phraseKey(cols[2]!)]) primary.set(key, primary.has(key) && primary.get(key) !== cols[0] ? '' : cols[0]!);
  }
  for (const cols of rows) {
    const code = cols[8]!;
    const population = Number(cols[14]);
    const wanted = cols[7] === 'PPLC' || population >= minPopulation;
    for (const name of [cols[1]!, cols[2]!, ...cols[3]!.split(',')]) {
      const key = phraseKey(name);
      if ((primary.has(key) && primary.get(key) !== cols[0]) || !usableAlternate(name, key, english)) continue;
      // Every place's alternate names count for ambiguity; only the wanted places' are kept.
      const entry = byKey.get(key) ?? { codes: new Set<string>(), population: 0, code: '' };
      entry.codes.add(code);
      if (wanted && population > entry.population) Object.assign(entry, { population, code });
      byKey.set(key, entry);
    }
  }
  const names = [...byKey]
    .filter(([, e]) => e.codes.size === 1 && e.code !== '')
    .map(([key, e]): AlternateRow => [key, e.code, e.population])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { source, licence: 'GeoNames (https://www.geonames.org/), CC BY: http://creativecommons.org/licenses/by/4.0/', names };
}

/** The table serialised one row per line, so that a regenerated file diffs line by line. */
export function formatAlternateTable(table: ReturnType<typeof buildAlternateTable>): string {
  const rows = table.names.map((row) => `    ${JSON.stringify(row)}`).join(',\n');
  return `{\n  "source": ${JSON.stringify(table.source)},\n  "licence": ${JSON.stringify(table.licence)},\n  "names": [\n${rows}\n  ]\n}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npx tsx scripts/build-city-alternates.ts <cities15000.txt>');
  const bytes = readFileSync(file);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const source = `GeoNames cities15000.txt (sha256 ${sha.slice(0, 16)}): Latin-script alternate names of capitals and places of ${minPopulation}+`;
  writeFileSync(alternateTableFile, formatAlternateTable(buildAlternateTable(bytes.toString('utf8'), source)));
}
