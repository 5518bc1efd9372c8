/** A word of running text with its original spelling and a folded key. */
export interface Token {
  /** The word as written, possessive `'s` removed. */
  readonly text: string;
  /** Lower case, accents and apostrophes folded: what tables are keyed by. */
  readonly key: string;
  /** True when the token starts a sentence, so its capital letter says nothing. */
  readonly sentenceStart: boolean;
}

const wordPattern = /[\p{L}\p{N}]+(?:[.'\u2019][\p{L}\p{N}]+)*\.?|[-\u2013]|[.!?:;"\u201C\u201D]/gu;

/** Folds a word for lookup: lower case, no accents, no apostrophes or dots. */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019\u02BF\u02BE\u2018.]/g, '');
}

/** Splits text into word tokens (and hyphen / sentence-end marks, which context rules read). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  for (const m of text.matchAll(wordPattern)) {
    let word = m[0];
    if (/^[.!?:;"\u201C\u201D]$/.test(word)) {
      if (word !== '"' && word !== '\u201C' && word !== '\u201D') sentenceStart = true;
      continue;
    }
    const endsSentence = word.length > 1 && word.endsWith('.') && !/^(?:[A-Z]\.)+$|^(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|St|Jr|Sr|Prof|Rep|Sen|Gov)\.$/.test(word) && !/\.[A-Za-z]/.test(word);
    if (endsSentence) word = word.slice(0, -1);
    word = word.replace(/['\u2019]s$/, '');
    tokens.push({ text: word, key: foldWord(word), sentenceStart });
    sentenceStart = endsSentence;
  }
  return tokens;
}
