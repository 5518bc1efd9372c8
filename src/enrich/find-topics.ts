import type { TopicEvidence } from '../model/types.js';
import type { ArticleText } from './find-countries.js';
import { indexPhrases, type PhraseTrie } from './phrase-index.js';
import { capital, sentenceStart, tokenize, type Tokens } from './tokenize.js';
import { tokenizeArticle, type ArticleTokens } from './tokenize-article.js';
import { articleZones, type ZoneWeights } from './article-zones.js';
import { foldPlural } from './fold-plural.js';

/** One topic of a taxonomy: its slug, display name and weighted terms. */
export interface TopicDefinition {
  readonly slug: string;
  readonly name: string;
  readonly terms: Readonly<Record<string, number>>;
  /** The IPTC Media Topics qcodes the topic stands for (`medtop:16000000`): it draws their concepts' labels as terms. */
  readonly iptc?: string;
}

/** A taxonomy compiled for matching: every term phrase keyed by its stemmed tokens. */
export interface TopicMatcher {
  readonly topics: readonly TopicDefinition[];
  /** Stemmed phrase → the topics it counts for (empty for a blocker phrase, which only stops shorter matches). */
  readonly phrases: ReadonlyMap<string, ReadonlyArray<{ readonly topic: number; readonly weight: number; readonly term: string }>>;
  /** `phrases` as a word trie: matching walks it from each word instead of joining keys. */
  readonly trie: PhraseTrie<ReadonlyArray<{ readonly topic: number; readonly weight: number; readonly term: string }>>;
  /** Stemmed word → the topics it counts for when it names a party or a body (`Labour`), not its subject. */
  readonly names: ReadonlyMap<string, ReadonlyArray<{ readonly topic: number; readonly weight: number; readonly term: string }>>;
}

/** Options for compiling a taxonomy. */
export interface CompileOptions {
  /**
   * Phrases matched and then ignored, so that their words count for no topic: multi-word place
   * names (`West Bank` is not a bank, `Red Sea` not a sea story), or a taxonomy's `ignore` list.
   */
  readonly blockers?: Iterable<string>;
  /**
   * One-word terms that, written with a capital on their own inside a sentence, name a party
   * or a body, with the topics they then count for: `{"Labour": {"politics-government": 2}}`
   * (the Labour party is politics; labour is work). A taxonomy's `names`.
   */
  readonly names?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** Options for choosing topics. */
export interface TopicOptions {
  /** A further topic is kept when it scores at least this share of the main one (default 0.3). */
  readonly minShare: number;
  /** Smallest score of a further topic (default 6: on the real dev set 8–10 gained only 0.01 F1, within noise, and lost second topics elsewhere). */
  readonly minScore: number;
  /**
   * Fewest distinct terms of a further topic (default 3): a second subject the article is really
   * about shows in several words; one word said often (`tourists`, `music`, `jobs`) is a passing
   * mention. On the real dev set this took topics F1 from 0.70 to 0.73 at the same recall.
   */
  readonly minTerms: number;
  /** Most topics kept (default 2: editors tag a main topic and at most one more). */
  readonly max: number;
}

/** Default topic options. */
export const defaultTopicOptions = { minShare: 0.3, minScore: 6, minTerms: 3, max: 2 } satisfies TopicOptions;

/** The stemmed words of a token list, dashes left out. */
function stemmedKeys(tokens: Tokens): string[] {
  const keys: string[] = [];
  for (const key of tokens.keys) if (key !== '-') keys.push(foldPlural(key));
  return keys;
}

/**
 * Whether word `t` is written as part of a proper name inside a sentence (`Steve Jobs`, `the
 * Labour Party`): capitalised, not opening the sentence, after another capitalised word. Such a
 * word names a person or a body, not the subject (`jobs`, `labour`).
 */
function isNameWord(tokens: Tokens, t: number): boolean {
  return capitalAt(tokens, t) && (tokens.flags[t]! & sentenceStart) === 0 && capitalAt(tokens, t - 1);
}

/**
 * Words an article uses only as a person's surname: after a given name (`Steve Jobs`), again on
 * their own (`Jobs said`), never in lower case. One sense per article: the headline's `Jobs`
 * is then the man too, not employment.
 */
function surnames(zones: readonly Tokens[], isTerm: (word: string) => boolean): Set<string> {
  let paired: Set<string> | undefined;
  let alone: Set<string> | undefined;
  // Plain loops, no closures: this runs over every word of every article.
  for (const zone of zones) {
    const { keys, flags, length } = zone;
    for (let t = 0; t < length; t++) {
      if (!capitalAt(zone, t) || (flags[t]! & sentenceStart) !== 0) continue;
      const key = keys[t]!;
      if (capitalAt(zone, t - 1)) {
        if ((flags[t - 1]! & sentenceStart) === 0 && isTerm(key) && !isTerm(keys[t - 1]!)) (paired ??= new Set()).add(key);
      } else if (!capitalAt(zone, t + 1)) {
        (alone ??= new Set()).add(key);
      }
    }
  }
  const names = new Set<string>();
  if (!paired || !alone) return names;
  for (const word of paired) if (alone.has(word)) names.add(word);
  // Most articles have none: only then look for the word in lower case.
  if (names.size > 0) {
    for (const { keys, flags, length } of zones) {
      for (let t = 0; t < length; t++) if ((flags[t]! & capital) === 0) names.delete(keys[t]!);
    }
  }
  return new Set([...names].map(foldPlural));
}

/**
 * The words of `names` the article uses as a name: written with a capital inside a sentence
 * (below the headline), on their own (`Labour won`, `Labour's plans`), not within a longer name
 * (`General Labour Union`, `Labour Day`). One sense per article: the same word capitalised
 * elsewhere, the headline and sentence starts too, is then the name.
 */
function nameSenses(zones: readonly Tokens[], names: ReadonlyMap<string, unknown>): Set<string> | null {
  let senses: Set<string> | null = null;
  for (const zone of zones) {
    const { keys, flags, length } = zone;
    for (let t = 1; t < length; t++) {
      if (!capitalAt(zone, t) || (flags[t]! & sentenceStart) !== 0 || !names.has(keys[t]!)) continue;
      if (capitalAt(zone, t - 1) || capitalAt(zone, t + 1)) continue;
      (senses ??= new Set()).add(keys[t]!);
    }
  }
  return senses;
}

/**
 * Whether word `t` is a capitalised word the article uses as a name (see `nameSenses`) and
 * stands on its own here: not before another capitalised word.
 */
function isNameReading(tokens: Tokens, t: number, senses: ReadonlySet<string>): boolean {
  return capitalAt(tokens, t) && senses.has(tokens.keys[t]!) && !capitalAt(tokens, t + 1);
}

/**
 * The longest term (or blocker) of `trie` that starts at word `t` (not a dash), or undefined:
 * one walk down the trie over the stemmed words from there, dashes left out (`al-Qaeda` is
 * `al qaeda`), with no key joined or array built.
 */
function longestTermAt<T>(trie: PhraseTrie<T>, tokens: Tokens, t: number): PhraseTrie<T>['phrase'] {
  const { keys, length } = tokens;
  let node = trie.next.get(foldPlural(keys[t]!));
  let found: PhraseTrie<T>['phrase'];
  for (let u = t + 1; node !== undefined; u++) {
    if (node.phrase !== undefined) found = node.phrase;
    while (u < length && keys[u] === '-') u++;
    node = u < length ? node.next.get(foldPlural(keys[u]!)) : undefined;
  }
  return found;
}

/** True when word `t` exists, is a word (not a dash) and is written with a capital. */
function capitalAt(tokens: Tokens, t: number): boolean {
  return t >= 0 && t < tokens.length && tokens.keys[t] !== '-' && (tokens.flags[t]! & capital) !== 0;
}

/** Compiles a taxonomy's terms into one phrase table, so matching is one pass over the tokens. */
export function compileTopics(topics: readonly TopicDefinition[], options: CompileOptions = {}): TopicMatcher {
  const phrases = new Map<string, Array<{ topic: number; weight: number; term: string }>>();
  const termWords = new Set<string>();
  topics.forEach((topic, index) => {
    for (const [term, weight] of Object.entries(topic.terms)) {
      if (weight <= 0) continue;
      const keys = stemmedKeys(tokenize(term));
      if (keys.length === 0) continue;
      for (const word of keys) termWords.add(word);
      const key = keys.join(' ');
      const list = phrases.get(key) ?? [];
      if (!list.some((e) => e.topic === index)) list.push({ topic: index, weight, term });
      phrases.set(key, list);
    }
  });
  // A blocker matters only where a term's word stands inside it: the others (most place names)
  // would only make the table bigger.
  for (const blocker of options.blockers ?? []) {
    const keys = stemmedKeys(tokenize(blocker));
    if (keys.length < 2 || !keys.some((word) => termWords.has(word))) continue;
    const key = keys.join(' ');
    if (!phrases.has(key)) phrases.set(key, []);
  }
  const names = new Map<string, Array<{ topic: number; weight: number; term: string }>>();
  for (const [word, weights] of Object.entries(options.names ?? {})) {
    const keys = stemmedKeys(tokenize(word));
    if (keys.length !== 1) continue;
    const list = Object.entries(weights).flatMap(([slug, weight]) => {
      const topic = topics.findIndex((t) => t.slug === slug);
      return topic === -1 || weight <= 0 ? [] : [{ topic, weight, term: `${word} (name)` }];
    });
    if (list.length > 0) names.set(keys[0]!, list);
  }
  return { topics, phrases, trie: indexPhrases(phrases), names };
}

/** Zone weights: the headline says most about the topic, then the lead, then the rest. */
const topicZoneWeights: ZoneWeights = { headline: 4, dateline: 1, lead: 1.5, body: 1, caption: 1 };

/** A topic the headline itself names counts this much more. */
const headlineBoost = 1.5;

/**
 * Each further distinct term of a topic adds this much less than the one before (strongest
 * first): a further topic needs strong evidence, not many scattered passing words. The main
 * topic is chosen on the undamped sum.
 */
const termDecay = 0.9;

/**
 * Scores an article against the taxonomy and returns its 1–2 topics, main one first, each with
 * the evidence (matched terms and score) that chose it.
 */
export function findTopics(
  text: ArticleText,
  matcher: TopicMatcher,
  options: TopicOptions = defaultTopicOptions,
  words: ArticleTokens = tokenizeArticle(text),
): TopicEvidence[] {
  const hits = new Map<number, Map<string, number>>();
  const inHeadline = new Set<number>();
  const zones = articleZones(words, topicZoneWeights);
  const people = surnames(zones.slice(1).map((zone) => zone.tokens), (word) => matcher.phrases.has(foldPlural(word)));
  let nameWeights: Map<string, number> | undefined;
  const senses = matcher.names.size > 0 ? nameSenses(zones.slice(1).map((zone) => zone.tokens), matcher.names) : null;
  for (let z = 0; z < zones.length; z++) {
    const { tokens: zoneTokens, weight } = zones[z]!;
    const { keys, length } = zoneTokens;
    for (let t = 0; t < length; t++) {
      if (keys[t] === '-') continue;
      // Longest phrase first, so `security council` is not also counted as `council`.
      const phrase = longestTermAt(matcher.trie, zoneTokens, t);
      if (phrase === undefined) continue;
      const n = phrase.words;
      let entries = phrase.value;
      // In a headline every word may be capitalised: the name rule reads the other zones only.
      if (n === 1 && ((z > 0 && isNameWord(zoneTokens, t)) || (people.size > 0 && people.has(foldPlural(keys[t]!))))) continue;
      // `Labour won the seat`: the party, not work.
      if (n === 1 && senses && isNameReading(zoneTokens, t, senses)) {
        entries = matcher.names.get(foldPlural(keys[t]!))!;
        for (const e of entries) (nameWeights ??= new Map()).set(e.term, e.weight);
      }
      for (const e of entries) {
        if (z === 0) inHeadline.add(e.topic);
        const terms = hits.get(e.topic) ?? new Map<string, number>();
        terms.set(e.term, (terms.get(e.term) ?? 0) + weight);
        hits.set(e.topic, terms);
      }
      // On past the phrase's other words (and the dashes between them).
      for (let k = 1; k < n; k++) do t++; while (keys[t] === '-');
    }
  }
  const scored = [...hits.entries()].map(([topic, terms]) => {
    let score = 0;
    const evidence: Array<[string, number]> = [];
    for (const [term, count] of terms) {
      const weight = matcher.topics[topic]!.terms[term] ?? nameWeights!.get(term)!;
      // Repeats add less and less: many mentions of one word should not decide alone.
      evidence.push([term, Math.sqrt(count) * weight]);
    }
    evidence.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    let factor = 1;
    let total = 0;
    for (const [, add] of evidence) {
      score += add * factor;
      total += add;
      factor *= termDecay;
    }
    if (inHeadline.has(topic)) {
      score *= headlineBoost;
      total *= headlineBoost;
    }
    return {
      topic: matcher.topics[topic]!.slug,
      score: Math.round(score * 10) / 10,
      distinct: evidence.length,
      total,
      evidence,
    };
  });
  scored.sort((a, b) => b.score - a.score || (a.topic < b.topic ? -1 : 1));
  const top = scored[0]?.score ?? 0;
  // The main topic is the one the article says most about: all its evidence, undamped (on the
  // real dev set, 4 more main topics right than by the damped score). The damping is for
  // whether a further topic is there at all: its strong words, not its many passing ones.
  let main = 0;
  for (let i = 1; i < scored.length; i++) if (scored[i]!.total > scored[main]!.total) main = i;
  if (main > 0) scored.unshift(...scored.splice(main, 1));
  return scored
    .filter((s, i) => (i === 0 && s.score > 0) || (s.score >= top * options.minShare && s.score >= options.minScore && s.distinct >= options.minTerms))
    .slice(0, options.max)
    // The evidence text is written for the topics kept only (of a dozen scored, one or two).
    .map(({ topic, score, evidence }) => ({ topic, score, terms: evidence.slice(0, 8).map(([term, add]) => `${term} ${Math.round(add * 10) / 10}`) }));
}
