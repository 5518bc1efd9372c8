/**
 * Indexes `first second` word pairs by their first word, so a scan can test whether two tokens
 * begin a phrase without joining them into a new string at every token.
 */
export function indexSecondWords(pairs: Iterable<string>): Map<string, Set<string>> {
  const seconds = new Map<string, Set<string>>();
  for (const pair of pairs) {
    const space = pair.indexOf(' ');
    const first = pair.slice(0, space);
    const set = seconds.get(first) ?? new Set<string>();
    set.add(pair.slice(space + 1));
    seconds.set(first, set);
  }
  return seconds;
}
