import type { TopicEvidence } from '../model/types.js';
import type { ArticleText } from './find-countries.js';
import { tokenize } from './tokenize.js';

/** One topic of a taxonomy: its slug, display name and weighted terms. */
export interface TopicDefinition {
  readonly slug: string;
  readonly name: string;
  readonly terms: Readonly<Record<string, number>>;
}

/** A taxonomy compiled for matching: every term phrase keyed by its stemmed tokens. */
export interface TopicMatcher {
  readonly topics: readonly TopicDefinition[];
  readonly phrases: ReadonlyMap<string, ReadonlyArray<{ readonly topic: number; readonly weight: number; readonly term: string }>>;
  readonly longestPhrase: number;
}

/** Options for choosing topics. */
export interface TopicOptions {
  /** A further topic is kept when it scores at least this share of the main one (default 0.45). */
  readonly minShare: number;
  /** Smallest score of a further topic (default 6). */
  readonly minScore: number;
  /** Most topics kept (default 3). */
  readonly max: number;
}

/** Default topic options. */
export const defaultTopicOptions = { minShare: 0.45, minScore: 6, max: 3 } satisfies TopicOptions;

/** Folds plural endings so that `attacks` matches the term `attack`. */
function stem(key: string): string {
  if (key.length > 4 && key.endsWith('ies')) return `${key.slice(0, -3)}y`;
  if (key.length > 4 && /(?:ss|x|ch|sh)es$/.test(key)) return key.slice(0, -2);
  if (key.length > 3 && key.endsWith('s') && !key.endsWith('ss')) return key.slice(0, -1);
  return key;
}

function stemmedKeys(text: string): string[] {
  return tokenize(text).filter((t) => t.key !== '-').map((t) => stem(t.key));
}

/** Compiles a taxonomy's terms into one phrase table, so matching is one pass over the tokens. */
export function compileTopics(topics: readonly TopicDefinition[]): TopicMatcher {
  const phrases = new Map<string, Array<{ topic: number; weight: number; term: string }>>();
  let longestPhrase = 1;
  topics.forEach((topic, index) => {
    for (const [term, weight] of Object.entries(topic.terms)) {
      if (weight <= 0) continue;
      const keys = stemmedKeys(term);
      if (keys.length === 0) continue;
      longestPhrase = Math.max(longestPhrase, keys.length);
      const key = keys.join(' ');
      const list = phrases.get(key) ?? [];
      if (!list.some((e) => e.topic === index)) list.push({ topic: index, weight, term });
      phrases.set(key, list);
    }
  });
  return { topics, phrases, longestPhrase };
}

/** Zone weights: the headline says most about the topic, then the lead, then the rest. */
const zoneWeight = { headline: 4, lead: 1.5, body: 1, caption: 1 };

/** A topic the headline itself names counts this much more. */
const headlineBoost = 1.5;

/**
 * Scores an article against the taxonomy and returns its 1–3 topics, main one first, each with
 * the evidence (matched terms and score) that chose it.
 */
export function findTopics(
  text: ArticleText,
  matcher: TopicMatcher,
  options: TopicOptions = defaultTopicOptions,
): TopicEvidence[] {
  const hits = new Map<number, Map<string, number>>();
  const inHeadline = new Set<number>();
  const zones: Array<[string, number]> = [
    [text.headline, zoneWeight.headline],
    ...text.paragraphs.map((p, i): [string, number] => [p, i < 2 ? zoneWeight.lead : zoneWeight.body]),
    ...text.captions.map((c): [string, number] => [c, zoneWeight.caption]),
  ];
  for (const [zoneText, weight] of zones) {
    const keys = stemmedKeys(zoneText);
    for (let i = 0; i < keys.length; i++) {
      // Longest phrase first, so `security council` is not also counted as `council`.
      for (let n = Math.min(matcher.longestPhrase, keys.length - i); n >= 1; n--) {
        const entries = matcher.phrases.get(keys.slice(i, i + n).join(' '));
        if (!entries) continue;
        for (const e of entries) {
          if (weight === zoneWeight.headline && zoneText === text.headline) inHeadline.add(e.topic);
          const terms = hits.get(e.topic) ?? new Map<string, number>();
          terms.set(e.term, (terms.get(e.term) ?? 0) + weight);
          hits.set(e.topic, terms);
        }
        i += n - 1;
        break;
      }
    }
  }
  const scored = [...hits.entries()].map(([topic, terms]) => {
    let score = 0;
    const evidence: Array<[string, number]> = [];
    for (const [term, count] of terms) {
      const weight = matcher.topics[topic]!.terms[term]!;
      // Repeats add less and less: many mentions of one word should not decide alone.
      const add = Math.sqrt(count) * weight;
      score += add;
      evidence.push([term, add]);
    }
    if (inHeadline.has(topic)) score *= headlineBoost;
    evidence.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return {
      topic: matcher.topics[topic]!.slug,
      score: Math.round(score * 10) / 10,
      terms: evidence.slice(0, 8).map(([term, add]) => `${term} ${Math.round(add * 10) / 10}`),
    };
  });
  scored.sort((a, b) => b.score - a.score || (a.topic < b.topic ? -1 : 1));
  const top = scored[0]?.score ?? 0;
  return scored
    .filter((s, i) => (i === 0 && s.score > 0) || (s.score >= top * options.minShare && s.score >= options.minScore))
    .slice(0, options.max);
}
