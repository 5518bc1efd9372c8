/**
 * The words of a text, column by column (one array per field, not one object per word):
 * tokenizing every paragraph of every article is enrichment's hot loop.
 */
export interface Tokens {
  readonly length: number;
  /** Lower case, accents and apostrophes folded: what tables are keyed by (`-` for a dash). */
  readonly keys: readonly string[];
  /** The words as written, possessive `'s` (`'S` in capitals) removed. */
  readonly texts: readonly string[];
  /** Per word, an OR of `sentenceStart`, `afterComma` and `capital` below. */
  readonly flags: readonly number[];
}

/** Flag: the token starts a sentence, so its capital letter says nothing. */
export const sentenceStart = 1;
/** Flag: a comma stands between this token and the one before (`Lebanon, Pennsylvania`). */
export const afterComma = 2;
/** Flag: the word starts with a capital letter. */
export const capital = 4;

/** The tokens from `start` on (a paragraph without its dateline). */
export function sliceTokens(tokens: Tokens, start: number): Tokens {
  return { length: Math.max(0, tokens.length - start), keys: tokens.keys.slice(start), texts: tokens.texts.slice(start), flags: tokens.flags.slice(start) };
}

/** True when a word starts with a capital letter (cheap: no Unicode regex). */
export function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 0xc0) return false;
  const ch = word[0]!;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/**
 * True for a text in Title Case or capitals (most headlines), where a capital letter says nothing
 * about a name: more than half of its words of four letters or more are capitalised.
 */
export function isTitleCase(tokens: Tokens): boolean {
  let long = 0;
  let caps = 0;
  for (let t = 0; t < tokens.length; t++) {
    if (tokens.texts[t]!.length < 4) continue;
    long++;
    if ((tokens.flags[t]! & capital) !== 0) caps++;
  }
  return caps * 2 > long;
}

const asciiWord = /^[\x20-\x7e]*$/;
const asciiMarks = /['.]/g;
const marks = /['\u2019\u02BF\u02BE\u2018.]/g;
const abbreviation = /^(?:[A-Z]\.)+$|^(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|St|Jr|Sr|Prof|Rep|Sen|Gov|Maj|Brig|Capt|Adm|Cpl|Pvt|Ala|Ariz|Ark|Calif|Colo|Conn|Fla|Ga|Ill|Kan|Ky|Md|Mich|Minn|Neb|Nev|Okla|Pa|Tenn|Vt|Va|Wis|Wyo)\.$/;
const innerDot = /\.[A-Za-z]/;
const possessive = /['\u2019][sS]$/;

/** Folds a word for lookup: lower case, no accents, no apostrophes or dots. */
export function foldWord(word: string): string {
  // Plain ASCII words (most of an English text) need no accent folding.
  if (asciiWord.test(word)) {
    const lower = word.toLowerCase();
    return lower.includes("'") || lower.includes('.') ? lower.replace(asciiMarks, '') : lower;
  }
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(marks, '');
}

/** True for the code unit of a letter or digit in the scripts `letter` lists. */
function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return (
    c === 0xaa || c === 0xb5 || c === 0xba ||
    (c >= 0xc0 && c <= 0x2af && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x300 && c <= 0x52f) ||
    (c >= 0x5d0 && c <= 0x5ea) ||
    (c >= 0x610 && c <= 0x61a) || (c >= 0x620 && c <= 0x669) || (c >= 0x66e && c <= 0x6d3) || (c >= 0x6fa && c <= 0x6ff) ||
    (c >= 0x1e00 && c <= 0x1eff) ||
    (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)
  );
}

const apostrophe = 0x27;
const rightQuote = 0x2019;
const dot = 0x2e;

/**
 * Splits text into word tokens (and hyphen / sentence-end marks, which context rules read).
 * A hand-written scanner: tokenizing is most of enrichment's time, and a regex allocates a
 * match object for every word. Words are letters and digits, joined by inner dots and
 * apostrophes (`U.S.`, `Sana'a`), with one final dot kept for abbreviations.
 */
export function tokenize(text: string): Tokens {
  const keys: string[] = [];
  const texts: string[] = [];
  const flags: number[] = [];
  let start = true;
  let comma = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isLetter(c)) {
      if (c === 0x2c) comma = true;
      else if (c === 0x2d || c === 0x2013) {
        const mark = c === 0x2d ? '-' : '\u2013';
        keys.push(mark);
        texts.push(mark);
        flags.push((start ? sentenceStart : 0) | (comma ? afterComma : 0));
        comma = false;
        start = false;
      } else if (c === dot || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x3b) start = true;
      i++;
      continue;
    }
    const from = i;
    let plain = true; // lower-case ASCII letters and digits only: the word is its own key
    let ascii = true;
    let marked = false; // an inner dot or apostrophe: the key leaves it out, a possessive goes
    for (;;) {
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d < 0x80) {
          if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57)) { i++; continue; }
          if (d >= 65 && d <= 90) { plain = false; i++; continue; }
          break;
        }
        if (!isLetter(d)) break;
        plain = false;
        ascii = false;
        i++;
      }
      const joint = text.charCodeAt(i);
      if ((joint === dot || joint === apostrophe || joint === rightQuote) && i + 1 < n && isLetter(text.charCodeAt(i + 1))) {
        plain = false;
        marked = true;
        if (joint === rightQuote) ascii = false;
        i++;
        continue;
      }
      break;
    }
    let word: string;
    let endsSentence = false;
    if (text.charCodeAt(i) === dot) {
      i++;
      word = text.slice(from, i);
      endsSentence = word.length > 1 && !abbreviation.test(word) && !innerDot.test(word);
      if (endsSentence) word = word.slice(0, -1);
      else {
        plain = false;
        marked = true;
      }
    } else {
      word = text.slice(from, i);
    }
    if (marked && (word.includes("'") || word.includes('\u2019'))) word = word.replace(possessive, '');
    // A capitalised ASCII word without marks only needs lower case.
    const key = plain ? word : !ascii ? foldWord(word) : marked ? asciiFold(word) : word.toLowerCase();
    keys.push(key);
    texts.push(word);
    flags.push((start ? sentenceStart : 0) | (comma ? afterComma : 0) | (!plain && isCapitalised(word) ? capital : 0));
    comma = false;
    start = endsSentence;
  }
  return { length: keys.length, keys, texts, flags };
}

function asciiFold(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes("'") || lower.includes('.') ? lower.replace(asciiMarks, '') : lower;
}
