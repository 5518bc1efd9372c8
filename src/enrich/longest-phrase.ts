import type { PhraseTrie } from './phrase-index.js';

/**
 * The longest phrase of `trie` that starts at `keys[at]`, or undefined: one walk down the trie,
 * so the cost is the length of that phrase, and nothing is allocated.
 */
export function longestPhraseAt<T>(trie: PhraseTrie<T>, keys: readonly string[], at: number): PhraseTrie<T>['phrase'] {
  let found: PhraseTrie<T>['phrase'];
  let node = trie.next.get(keys[at]!);
  for (let t = at + 1; node !== undefined; t++) {
    if (node.phrase !== undefined) found = node.phrase;
    node = t < keys.length ? node.next.get(keys[t]!) : undefined;
  }
  return found;
}
