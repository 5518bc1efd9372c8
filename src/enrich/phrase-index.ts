/** How a phrase table is entered: the phrase lengths that start with each word, longest first. */
export interface PhraseStarts {
  readonly longestPhrase: number;
  /** First word → the word counts of the phrases starting with it, longest first. */
  readonly startLengths: ReadonlyMap<string, readonly number[]>;
  /** `first second` word pairs that begin some phrase of two or more words. */
  readonly startPairs: ReadonlySet<string>;
  /** The phrases as a word trie (only when asked for: it costs a map per node to build). */
  readonly trie?: PhraseTrie;
}

/** One node of a phrase trie: whether a phrase ends here, and the words that go on. */
export interface PhraseTrie {
  end: boolean;
  readonly next: Map<string, PhraseTrie>;
}

/**
 * Indexes space-joined phrase keys by their first word, so a scan over a text's tokens tries
 * only the phrase lengths that can match there instead of every length at every token; with
 * `trie`, also as a word trie for `phraseLengthsAt`.
 */
export function indexPhraseStarts(keys: Iterable<string>, options: { readonly trie?: boolean } = {}): PhraseStarts {
  let longestPhrase = 1;
  const starts = new Map<string, Set<number>>();
  const startPairs = new Set<string>();
  const trie: PhraseTrie | undefined = options.trie ? { end: false, next: new Map() } : undefined;
  for (const key of keys) {
    const words = key.split(' ');
    if (trie) {
      let node = trie;
      for (const word of words) {
        let child = node.next.get(word);
        if (!child) node.next.set(word, (child = { end: false, next: new Map() }));
        node = child;
      }
      node.end = true;
    }
    if (words.length > 1) startPairs.add(`${words[0]} ${words[1]}`);
    longestPhrase = Math.max(longestPhrase, words.length);
    const set = starts.get(words[0]!) ?? new Set<number>();
    set.add(words.length);
    starts.set(words[0]!, set);
  }
  const startLengths = new Map([...starts].map(([k, v]) => [k, [...v].sort((a, b) => b - a)]));
  return { longestPhrase, startLengths, startPairs, ...(trie ? { trie } : {}) };
}

/**
 * The word counts of the phrases that start at `keys[at]`, longest first: one walk down the
 * trie, so the cost is the longest match, not the sum of every phrase length that shares a
 * first word (which was quadratic in those lengths).
 */
export function phraseLengthsAt(trie: PhraseTrie, keys: readonly string[], at: number): number[] {
  const lengths: number[] = [];
  let node = trie.next.get(keys[at]!);
  for (let n = 1; node !== undefined; n++) {
    if (node.end) lengths.push(n);
    node = at + n < keys.length ? node.next.get(keys[at + n]!) : undefined;
  }
  return lengths.reverse();
}
