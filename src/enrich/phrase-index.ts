/**
 * One node of a phrase trie: the words that go on from here and, where a phrase ends here,
 * that phrase (its space-joined key, its word count and what the table gives it).
 */
export interface PhraseTrie<T> {
  readonly next: Map<string, PhraseTrie<T>>;
  /** The phrase that ends here, or undefined where only longer phrases pass through. */
  phrase: { readonly key: string; readonly words: number; readonly value: T } | undefined;
}

/**
 * Indexes a table of space-joined phrase keys (`west bank`, `security council`) as a word trie,
 * built once when the tables load: a scan over a text's word keys then walks the trie from each
 * word, with no key joined, sliced or looked up per length at any word.
 */
export function indexPhrases<T>(phrases: Iterable<readonly [string, T]>): PhraseTrie<T> {
  const root: PhraseTrie<T> = { next: new Map(), phrase: undefined };
  for (const [key, value] of phrases) {
    const words = key.split(' ');
    let node = root;
    for (const word of words) {
      let child = node.next.get(word);
      if (!child) node.next.set(word, (child = { next: new Map(), phrase: undefined }));
      node = child;
    }
    node.phrase = { key, words: words.length, value };
  }
  return root;
}
