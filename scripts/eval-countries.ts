/**
 * `npx tsx scripts/eval-countries.ts`: two checks of country finding on the real dev set only
 * (holdout texts are never read), for deciding whether a rule generalises before adopting it.
 *
 * 1. k-fold cross-validation of the country options: each option is moved one step either way;
 *    on every fold the setting that scores best (F1 + first-country accuracy) on the other folds
 *    is scored on the fold left out, and the sum is set against the defaults on the same folds.
 *    A setting that only wins on the whole set, not out of fold, fits articles, not a class.
 * 2. Coverage without country names: every country name and demonym is cut from the articles,
 *    and the towns, regions and bodies left must still give the labelled countries. A gazetteer
 *    change (new names, a new table) should raise this without lowering the figures of step 1.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { defaultCountryOptions, findCountries, type CountryOptions } from '../src/enrich/find-countries.js';
import { defaultGazetteer } from '../src/enrich/gazetteer.js';
import { tokenizeArticle } from '../src/enrich/tokenize-article.js';
import { readLabelledArticles, readLabels, toMerged } from './score-labels.js';

/** Per article: true positives, false positives, false negatives, first country right (1 or 0). */
type Row = readonly [number, number, number, number];

const folds = 5;
const gazetteer = defaultGazetteer();
const labels = readLabels().filter((l) => l.set === 'real-dev');
const articles = readLabelledArticles()
  .filter((p) => p.set === 'real-dev')
  .flatMap(({ file, article }) => {
    const label = labels.find((l) => l.file === file && l.headline === article.headline);
    return label ? [{ expected: label.countries, article: toMerged(article) }] : [];
  });

function row(expected: readonly string[], got: readonly string[]): Row {
  const tp = got.filter((c) => expected.includes(c)).length;
  return [tp, got.length - tp, expected.length - tp, (got[0] ?? '') === (expected[0] ?? '') ? 1 : 0];
}

function score(rows: readonly Row[]): { p: number; r: number; f1: number; first: number } {
  const [tp, fp, fn, first] = rows.reduce((a, b) => [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]], [0, 0, 0, 0]);
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return { p, r, f1: (2 * p * r) / (p + r || 1), first: first / (rows.length || 1) };
}

const line = (s: ReturnType<typeof score>): string => `P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f1.toFixed(3)} first ${(s.first * 100).toFixed(1)}%`;
const objective = (rows: readonly Row[]): number => {
  const s = score(rows);
  return s.f1 + s.first;
};

// 1. Cross-validation of the options, one step either way from each default.
const words = articles.map((a) => tokenizeArticle(a.article));
const run = (options: CountryOptions): Row[] => articles.map((a, i) => row(a.expected, findCountries(a.article, gazetteer, options, words[i])));
const settings: Array<[string, CountryOptions]> = [['defaults', defaultCountryOptions]];
for (const [key, value] of Object.entries(defaultCountryOptions) as Array<[keyof CountryOptions, number]>) {
  const step = Number.isInteger(value) && value > 1 ? 1 : value >= 1 ? 0.5 : 0.1;
  for (const moved of [value - step, value + step]) if (moved > 0) settings.push([`${key} ${Math.round(moved * 100) / 100}`, { ...defaultCountryOptions, [key]: moved }]);
}
const results = settings.map(([name, options]) => ({ name, rows: run(options) }));
console.log(`== real dev set: ${articles.length} articles, options one step from the defaults ==`);
for (const { name, rows } of results) console.log(`${name.padEnd(20)} ${line(score(rows))}`);
const chosen: Row[] = [];
const base: Row[] = [];
const picks: string[] = [];
for (let f = 0; f < folds; f++) {
  const train = (rows: readonly Row[]): Row[] => rows.filter((_, i) => i % folds !== f);
  const test = (rows: readonly Row[]): Row[] => rows.filter((_, i) => i % folds === f);
  const best = results.reduce((a, b) => (objective(train(b.rows)) > objective(train(a.rows)) + 1e-9 ? b : a));
  picks.push(best.name);
  chosen.push(...test(best.rows));
  base.push(...test(results[0]!.rows));
}
console.log(`\n== ${folds}-fold cross-validation ==\ndefaults        ${line(score(base))}\nchosen per fold ${line(score(chosen))}  (picked: ${picks.join('; ')})`);

// 2. Coverage with every country name and demonym cut out.
const require = createRequire(import.meta.url);
const countries = require('world-countries/countries.json') as ReadonlyArray<{ name: { common: string; official: string }; altSpellings: readonly string[]; demonyms?: { eng?: { f: string; m: string } } }>;
const places = JSON.parse(readFileSync(new URL('../data/places.json', import.meta.url), 'utf8')) as { countryAliases: Record<string, string>; demonyms: Record<string, string> };
const names = new Set<string>([...Object.keys(places.countryAliases), ...Object.keys(places.demonyms).flatMap((d) => [d, `${d}s`])]);
for (const c of countries) {
  for (const n of [c.name.common, c.name.official, ...c.altSpellings.filter((a) => a.length > 1)]) names.add(n);
  for (const d of c.demonyms?.eng ? [c.demonyms.eng.m, c.demonyms.eng.f] : []) names.add(d).add(`${d}s`);
}
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const countryName = new RegExp(`(?<![A-Za-z])(?:${[...names].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![A-Za-z])`, 'g');
const cut = (text: string): string => text.replace(countryName, '');
const named = articles.filter((a) => a.expected.length > 0);
const ablated = named.map(({ expected, article }) =>
  row(expected, findCountries({ headline: cut(article.headline), paragraphs: article.paragraphs.map(cut), captions: article.captions.map(cut) }, gazetteer)),
);
const [tp, fp, fn] = ablated.reduce((a, b) => [a[0] + b[0], a[1] + b[1], a[2] + b[2]], [0, 0, 0]);
console.log(`\n== coverage without country names or demonyms (${named.length} articles tied to a country) ==\n${line(score(ablated))}  (tp ${tp}, fp ${fp}, fn ${fn})`);
