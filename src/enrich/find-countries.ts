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

/** One recognised place name. */
interface Mention {
  readonly code: string;
  readonly kind: PlaceKind;
  readonly weight: number;
  readonly order: number;
  readonly alternatives: readonly PlaceEntry[];
}

const kindWeight: Record<PlaceKind, number> = {
  country: 1, demonym: 0.8, capital: 0.8, region: 0.8, 'us-state': 0.6, city: 0.6,
};

/**
 * The ISO 3166-1 alpha-2 codes of the countries an article is about, most central first:
 * mentions are weighted by where they stand (headline, lead, body, captions) and what they are
 * (name, demonym, city), passing mentions (`UK-based`) are left out, and ambiguous names are
 * resolved by the other places in the article.
 */
export function findCountries(
  text: ArticleText,
  gazetteer: Gazetteer,
  options: CountryOptions = defaultCountryOptions,
): string[] {
  const mentions: Mention[] = [];
  let order = 0;
  const zones: Array<[string, number]> = [
    [text.headline, 4],
    ...text.paragraphs.map((p, i): [string, number] => [p, i < 2 ? 2 : 1]),
    ...text.captions.map((c): [string, number] => [c, 0.5]),
  ];
  let headlineCount = 0;
  zones.forEach(([zoneText, zoneWeight], z) => {
    for (const m of scanPlaces(tokenize(zoneText), gazetteer, z === 0)) {
      mentions.push({ ...m, weight: m.weight * zoneWeight, order: order++ });
      if (z === 0) headlineCount++;
    }
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
  // The headline says what the story is about: the first country it names leads.
  const lead = headlineCount > 0 ? resolved[0] : undefined;
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

/** Finds the place names in a token list, longest phrase first, with context rules applied. */
function scanPlaces(
  tokens: readonly Token[],
  gaz: Gazetteer,
  isHeadline: boolean,
): Array<Omit<Mention, 'order'>> {
  const found: Array<Omit<Mention, 'order'>> = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    if (!/^\p{Lu}/u.test(first.text)) continue;
    let match: { entries: readonly PlaceEntry[]; end: number } | undefined;
    for (let n = Math.min(gaz.longestPhrase, tokens.length - i); n >= 1 && !match; n--) {
      const key = tokens.slice(i, i + n).map((t) => t.key).join(' ');
      const entries = gaz.phrases.get(key);
      if (!entries) continue;
      const written = tokens.slice(i, i + n).map((t) => t.text.replace(/\./g, '')).join(' ');
      const usable = entries.filter((e) => e.exactCase === null || e.exactCase === written);
      if (usable.length > 0) match = { entries: usable, end: i + n };
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
    if (after && gaz.featureWords.has(after.key) && /^\p{Lu}/u.test(after.text)) continue;
    const name = tokens[match.end - 1]!;
    // `Michael Jordan`: a person, when a capitalised word that is not a title stands before.
    if (
      !isHeadline &&
      match.entries.some((e) => e.kind === 'country') &&
      gaz.personNames.has(name.key) &&
      before && !first.sentenceStart && /^\p{Lu}/u.test(before.text) &&
      !gaz.placeQualifiers.has(before.key) && !gaz.phrases.has(before.key)
    ) continue;
    let entries = match.entries;
    // `Lebanon, Pennsylvania`: a town in a US state.
    if (isFollowedByUsState(tokens, match.end, gaz)) entries = [{ code: 'US', kind: 'city', exactCase: null, population: 0 }];
    const primary = entries[0]!;
    found.push({ code: primary.code, kind: primary.kind, weight: kindWeight[primary.kind], alternatives: entries });
  }
  return found;
}

/** True when the tokens from `at` name a US state (the comma is not a token). */
function isFollowedByUsState(tokens: readonly Token[], at: number, gaz: Gazetteer): boolean {
  for (let n = 1; n <= 2; n++) {
    const key = tokens.slice(at, at + n).map((t) => t.key).join(' ');
    if (gaz.usStates.has(key) && /^\p{Lu}/u.test(tokens[at]?.text ?? '')) return true;
  }
  return false;
}
