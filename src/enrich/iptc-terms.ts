import type { TopicDefinition } from './find-topics.js';
import { foldPlural } from './fold-plural.js';
import { tokenize } from './tokenize.js';

/** One IPTC Media Topics concept: qcode, broader qcode (null at the top), English label, definition. */
export type IptcConcept = readonly [string, string | null, string, string];

/** Options for drawing terms from the IPTC vocabulary. */
export interface IptcTermOptions {
  /** Weight of a concept's label as a term (default 1, calibrated on the real dev set; hand-written terms weigh 1–3 and win). */
  readonly labelWeight: number;
}

/** Default IPTC term options. */
export const defaultIptcTermOptions = { labelWeight: 1 } satisfies IptcTermOptions;

/**
 * Adds the labels of the IPTC Media Topics concepts (`film festival`, `unemployment benefits`,
 * `triple jump`: over a thousand) as terms of the taxonomy topic each concept falls under: the
 * topic whose `iptc` qcodes name the concept or its nearest broader concept. A label joining
 * several subjects (`arts, culture, entertainment and media`) gives each as a term. Concepts under
 * no topic of the taxonomy are left out; a term the taxonomy already has keeps its weight and
 * stays with the topics that list it (`software` is technology, not also an industry of the economy).
 */
export function addIptcTerms(
  topics: readonly TopicDefinition[],
  concepts: readonly IptcConcept[],
  options: IptcTermOptions = defaultIptcTermOptions,
): TopicDefinition[] {
  const topicOf = new Map<string, number>();
  topics.forEach((t, i) => {
    for (const code of t.iptc?.match(/medtop:\d{8}/g) ?? []) topicOf.set(code, i);
  });
  const parent = new Map(concepts.map(([code, broader]) => [code, broader]));
  const added = topics.map(() => new Map<string, number>());
  // A label another topic's hand-written terms claim (`software`, an industry under economy) is
  // left to that topic; so is one that differs from a hand-written term only by its plural
  // (`bombings`, `aids`, `economics`): matching folds plurals, so both would be one term, the
  // label's weight would win over the hand-written one, and `aid` would count for health.
  const handWritten = new Set(topics.flatMap((t) => Object.keys(t.terms).map(foldedKey)));
  for (const [code, , label] of concepts) {
    let at: string | null | undefined = code;
    while (at && !topicOf.has(at)) at = parent.get(at);
    if (!at) continue;
    const topic = topicOf.get(at)!;
    for (const term of labelTerms(label)) {
      if (!handWritten.has(foldedKey(term))) added[topic]!.set(term, options.labelWeight);
    }
  }
  return topics.map((t, i) => ({ ...t, terms: { ...Object.fromEntries(added[i]!), ...t.terms } }));
}

/** A term as matching reads it: its words, plurals folded (`Hate crimes` → `hate crime`). */
function foldedKey(term: string): string {
  return tokenize(term)
    .keys.filter((key) => key !== '-')
    .map(foldPlural)
    .join(' ');
}

/** `drama (literature)` → `drama`; `crime, law and justice` → `crime`, `law`, `justice`. */
function labelTerms(label: string): string[] {
  return label
    .replace(/\([^()]*\)/g, ' ')
    .toLowerCase()
    .split(/,| and | or |\//)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part.length >= 3);
}
