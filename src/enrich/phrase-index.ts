/** How a phrase table is entered: the phrase lengths that start with each word, longest first. */
export interface PhraseStarts {
  readonly longestPhrase: number;
  /** First word → the word counts of the phrases starting with it, longest first. */
  readonly startLengths: ReadonlyMap<string, readonly number[]>;
  /** `first second` word pairs that begin some phrase of two or more words. */
  readonly startPairs: ReadonlySet<string>;
}

/**
 * Indexes space-joined phrase keys by their first word, so a scan over a text's tokens tries
 * only the phrase lengths that can match there instead of every length at every token.
 */
export function indexPhraseStarts(keys: Iterable<string>): PhraseStarts {
  let longestPhrase = 1;
  const starts = new Map<string, Set<number>>();
  const startPairs = new Set<string>();
  for (const key of keys) {
    const words = key.split(' ');
    if (words.length > 1) startPairs.add(`${words[0]} ${words[1]}`);
    longestPhrase = Math.max(longestPhrase, words.length);
    const set = starts.get(words[0]!) ?? new Set<number>();
    set.add(words.length);
    starts.set(words[0]!, set);
  }
  const startLengths = new Map([...starts].map(([k, v]) => [k, [...v].sort((a, b) => b - a)]));
  return { longestPhrase, startLengths, startPairs };
}
