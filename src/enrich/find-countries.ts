import type { Gazetteer, PlaceEntry, PlaceKind } from './gazetteer.js';
import { tokenize, type Token } from './tokenize.js';

/** The text of an article in the zones that weigh differently. */
export interface ArticleText {
  readonly headline: string;
  readonly captions: readonly string[];
  readonly paragraphs: readonly string[];
}

/** Options for choosing an article's countries. */
export interface CountryOptions {
  /** A country is kept when its score is at least this share of the top score (default 0.3). */
  readonly minShare: number;
  /** Smallest score kept for a country after the first (default 2.5: more than one passing mention). */
  readonly minScore: number;
  /** Most countries kept (default 4). */
  readonly max: number;
}

/** Default country options. */
export const defaultCountryOptions = { minShare: 0.3, minScore: 2.5, max: 4 } satisfies CountryOptions;

/** A place name in a list of three or more (`Poland, Austria and Denmark`) counts this much. */
const enumerationFactor = 0.5;

/** One recognised place name. */
interface Mention {
  readonly code: string;
  readonly kind: PlaceKind;
  readonly weight: number;
  readonly order: number;
  readonly alternatives: readonly PlaceEntry[];
}

/** A place name as found in one zone, before the article-wide rules are applied. */
interface Found {
  /** The folded name (`lebanon`, `west bank`). */
  readonly key: string;
  readonly entries: readonly PlaceEntry[];
  readonly start: number;
  readonly end: number;
  /** `michael jordan`: the name followed a capitalised word as a person's surname does. */
  readonly personPair: string | null;
  /** The name read as a person's surname (outside the headline): not a place. */
  readonly person: boolean;
  /** `Lebanon, Pennsylvania`: the name is a town in a US state. */
  readonly usTown: boolean;
}

const kindWeight: Record<PlaceKind, number> = {
  country: 1, demonym: 0.8, capital: 0.8, region: 0.8, 'us-state': 0.6, city: 0.6,
};

const usTownEntry: PlaceEntry = { code: 'US', kind: 'city', exactCase: null, population: 0 };

/** Words that may stand between the names of a list: `Poland, the Czech Republic and Austria`. */
const listGlue = new Set(['and', 'or', 'the', 'as', 'well']);

/**
 * The ISO 3166-1 alpha-2 codes of the countries an article is about, most central first:
 * mentions are weighted by where they stand (headline, lead, body, captions) and what they are
 * (name, demonym, city), passing mentions (`UK-based`, a country in a long list, `Brussels` when
 * it stands for the EU) count little or nothing, a name read once as a person or a US town keeps
 * that reading through the article, and ambiguous names are resolved by the other places in it.
 */
export function findCountries(
  text: ArticleText,
  gazetteer: Gazetteer,
  options: CountryOptions = defaultCountryOptions,
): string[] {
  const zones: Array<[string, number]> = [
    [text.headline, 4],
    ...text.paragraphs.map((p, i): [string, number] => [p, i < 2 ? 2 : 1]),
    ...text.captions.map((c): [string, number] => [c, 0.5]),
  ];
  const tokenized = zones.map(([zoneText, zoneWeight]) => ({ tokens: tokenize(zoneText), zoneWeight }));
  const surnames = standaloneNames(tokenized.map((z) => z.tokens), gazetteer);
  const scanned = tokenized.map(({ tokens, zoneWeight }, z) => ({ tokens, zoneWeight, found: scanPlaces(tokens, gazetteer, z === 0, surnames) }));

  // One sense per article: a name read as a person or as a US town keeps that reading everywhere.
  const personPairs = new Set<string>();
  const usTowns = new Set<string>();
  scanned.forEach(({ found }, z) => {
    for (const f of found) {
      if (f.person && f.personPair && z > 0) personPairs.add(f.personPair);
      if (f.usTown) usTowns.add(f.key);
    }
  });
  let seatText: string | undefined;
  const namesInstitution = (institutions: readonly string[]): boolean => {
    seatText ??= ` ${scanned.map((s) => s.tokens.map((t) => t.key).join(' ')).join(' | ')} `;
    return institutions.some((i) => seatText!.includes(` ${i} `));
  };

  const mentions: Mention[] = [];
  let order = 0;
  let headlineCount = 0;
  // `Talks in Cairo`, `Summit at Doha`: in a headline, a venue is where, not what, the story is.
  const venues = new Set<number>();
  scanned.forEach(({ zoneWeight, found }, z) => {
    const kept = found.filter((f) => !f.person && !(f.personPair && personPairs.has(f.personPair)));
    const factors = enumerationFactors(kept, scanned[z]!.tokens);
    kept.forEach((f, k) => {
      // `Brussels` standing for the EU, `Geneva` for the UN: the seat is not what the story is about.
      const institutions = gazetteer.institutionSeats.get(f.key);
      if (institutions && namesInstitution(institutions)) return;
      const entries = f.usTown || usTowns.has(f.key) ? [usTownEntry] : f.entries;
      const primary = entries[0]!;
      mentions.push({
        code: primary.code,
        kind: primary.kind,
        weight: kindWeight[primary.kind] * zoneWeight * factors[k]!,
        order: order++,
        alternatives: entries,
      });
      if (z === 0) {
        const before = scanned[0]!.tokens[f.start - 1]?.key;
        if (before === 'in' || before === 'at') venues.add(order - 1);
        headlineCount++;
      }
    });
  });

  // An ambiguous name (Georgia, Lebanon) takes the reading the rest of the article supports.
  const support = new Map<string, number>();
  for (const m of mentions) {
    if (m.alternatives.length <= 1) support.set(m.code, (support.get(m.code) ?? 0) + m.weight);
  }
  const scores = new Map<string, { score: number; first: number }>();
  const resolved: string[] = [];
  for (const m of mentions) {
    let code = m.code;
    if (m.alternatives.length > 1) {
      const best = [...m.alternatives].sort(
        (a, b) => (support.get(b.code) ?? 0) - (support.get(a.code) ?? 0) || kindWeight[b.kind] - kindWeight[a.kind] || b.population - a.population,
      )[0]!;
      code = best.code;
    }
    resolved.push(code);
    const s = scores.get(code) ?? { score: 0, first: m.order };
    scores.set(code, { score: s.score + m.weight, first: Math.min(s.first, m.order) });
  }
  // The headline says what the story is about: the first country it names (not as a venue) leads.
  const firstNonVenue = resolved.slice(0, headlineCount).findIndex((_, i) => !venues.has(i));
  const lead = headlineCount > 0 ? resolved[firstNonVenue === -1 ? 0 : firstNonVenue] : undefined;
  const ranked = [...scores.entries()].sort(
    ([a, x], [b, y]) =>
      Number(b === lead) - Number(a === lead) || y.score - x.score || x.first - y.first || (a < b ? -1 : 1),
  );
  const top = ranked[0]?.[1].score ?? 0;
  return ranked
    .filter(([, s], i) => i === 0 || (s.score >= top * options.minShare && s.score >= options.minScore))
    .slice(0, options.max)
    .map(([code]) => code);
}

/**
 * How much each place name of a zone counts: names in a list of three or more, joined only by
 * commas and `and`/`or`, are background (`borders with Poland, Austria and Denmark`).
 */
function enumerationFactors(found: readonly Found[], tokens: readonly Token[]): number[] {
  const factors = found.map(() => 1);
  let runStart = 0;
  const close = (end: number): void => {
    if (end - runStart >= 3) for (let k = runStart; k < end; k++) factors[k] = enumerationFactor;
  };
  for (let k = 1; k <= found.length; k++) {
    const prev = found[k - 1]!;
    const next = found[k];
    let joined = false;
    if (next && next.start >= prev.end) {
      const gap = tokens.slice(prev.end, next.start);
      const hasJoin = tokens[next.start]!.afterComma || gap.some((t) => t.afterComma || t.key === 'and' || t.key === 'or');
      joined = hasJoin && gap.every((t) => listGlue.has(t.key)) && !gap.some((t) => t.afterComma && t.key !== 'and' && t.key !== 'or' && t.key !== 'the');
    }
    if (!joined) {
      close(k);
      runStart = k;
    }
  }
  return factors;
}

/** Finds the place names in a token list, longest phrase first, with context rules applied. */
function scanPlaces(tokens: readonly Token[], gaz: Gazetteer, isHeadline: boolean, surnames: ReadonlySet<string>): Found[] {
  const found: Found[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    if (!first.capital) continue;
    const lengths = gaz.startLengths.get(first.key);
    if (!lengths) continue;
    let match: { key: string; entries: readonly PlaceEntry[]; end: number } | undefined;
    const pair = i + 1 < tokens.length && gaz.startPairs.has(`${first.key} ${tokens[i + 1]!.key}`);
    for (const n of lengths) {
      if (i + n > tokens.length || (n > 1 && !pair)) continue;
      const span = tokens.slice(i, i + n);
      const key = n === 1 ? first.key : span.map((t) => t.key).join(' ');
      const entries = gaz.phrases.get(key);
      if (!entries) continue;
      const written = span.map((t) => t.text.replace(/\./g, '')).join(' ');
      const usable = entries.filter((e) => e.exactCase === null || e.exactCase === written);
      if (usable.length > 0) {
        match = { key, entries: usable, end: i + n };
        break;
      }
    }
    if (!match) continue;
    const start = i;
    const before = tokens[start - 1];
    const after = tokens[match.end];
    const afterNext = tokens[match.end + 1];
    i = match.end - 1;
    // `UK-based monitor`, `Qatar-funded school`: the place is not what the story is about.
    if (after?.key === '-' && afterNext && gaz.passingSuffixes.has(afterNext.key)) continue;
    // `Jordan River`, `Lebanon Valley College`: a feature named after the place.
    if (after && after.capital && gaz.featureWords.has(after.key)) continue;
    const name = tokens[match.end - 1]!;
    // `Michael Jordan`: a person, when a capitalised word that is not a title stands before.
    const personPair =
      match.end - start === 1 &&
      match.entries.some((e) => e.kind === 'country') &&
      gaz.personNames.has(name.key) &&
      before && before.capital && !first.sentenceStart && !first.afterComma && before.key !== '-' &&
      !gaz.placeQualifiers.has(before.key) && !gaz.phrases.has(before.key)
        ? `${before.key} ${name.key}`
        : givenName(name, after, gaz, surnames, match.end - start === 1 && match.entries.some((e) => e.kind === 'country'));
    found.push({
      key: match.key,
      entries: match.entries,
      start,
      end: match.end,
      personPair,
      person: personPair !== null && (!isHeadline || personPair.startsWith(`${name.key} `)),
      usTown: isFollowedByUsState(tokens, match.end, gaz, match.entries),
    });
  }
  return found;
}

/**
 * True when the tokens from `at` name a US state after a comma (`Lebanon, Pennsylvania`,
 * `Charlotte, N.C.`), unless the state's name is also a country the place is in (`Tbilisi, Georgia`).
 */
function isFollowedByUsState(tokens: readonly Token[], at: number, gaz: Gazetteer, place: readonly PlaceEntry[]): boolean {
  const next = tokens[at];
  if (!next || !next.afterComma || !next.capital) return false;
  if (gaz.usStateAbbreviations.has(next.key) && /\.$|^[A-Z]{2}$/.test(next.text)) return true;
  for (let n = 1; n <= 2; n++) {
    const key = tokens.slice(at, at + n).map((t) => t.key).join(' ');
    if (!gaz.usStates.has(key)) continue;
    const countries = (gaz.phrases.get(key) ?? []).filter((e) => e.kind === 'country').map((e) => e.code);
    return !place.some((e) => countries.includes(e.code));
  }
  return false;
}

/**
 * `Israel Santos`, `Georgia Whitman`: a country name used as a given name. News names a person
 * in full once and by surname after, so a name such as Israel or Georgia followed by a
 * capitalised word that the article also uses on its own (`Santos said`) is a person. Returns
 * the `name surname` pair, or null.
 */
function givenName(name: Token, after: Token | undefined, gaz: Gazetteer, surnames: ReadonlySet<string>, isCountryName: boolean): string | null {
  if (!isCountryName || !after || !after.capital || !gaz.personNames.has(name.key)) return null;
  if (gaz.featureWords.has(after.key) || gaz.placeQualifiers.has(after.key)) return null;
  return surnames.has(after.key) ? `${name.key} ${after.key}` : null;
}

/**
 * Capitalised words the article uses on their own, away from a name that can be a given name:
 * the surnames of people introduced earlier (`Santos` in `Santos scored twice`).
 */
function standaloneNames(zones: ReadonlyArray<readonly Token[]>, gaz: Gazetteer): Set<string> {
  const names = new Set<string>();
  for (const tokens of zones) {
    tokens.forEach((t, i) => {
      if (!t.capital || (i > 0 && gaz.personNames.has(tokens[i - 1]!.key))) return;
      names.add(t.key);
    });
  }
  return names;
}
