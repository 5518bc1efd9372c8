import { hash } from 'node:crypto';

/** Content hashes of objects already hashed (articles), so a page's key never re-reads an article's text. */
export type HashMemo = WeakMap<object, string>;

/**
 * A short SHA-256 (base64url) of a text. One-shot `crypto.hash`: a build hashes tens of thousands
 * of short texts, and making a Hash object for each cost twice the hashing.
 */
export function hashText(text: string | Uint8Array): string {
  return hash('sha256', text, 'base64url').slice(0, 32);
}

/**
 * A hash of plain data (objects, arrays, strings, numbers, booleans, null) that changes whenever
 * any part of it does. An object found in `memo` (an article), at the top of the inputs or in a
 * list there, counts by its recorded content hash; everything else is serialised whole. Object
 * keys are taken in insertion order, which plans make deterministic.
 */
export function hashInputs(value: unknown, memo: HashMemo): string {
  // The parts are gathered into one text and hashed once: thousands of small hash updates per
  // page cost more than the hashing itself.
  return hashText(inputsText(value, memo));
}

/** Object keys as JSON, made once each: every page's inputs repeat the same few dozen keys. */
const keyTexts = new Map<string, string>();

function keyText(key: string): string {
  let text = keyTexts.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (keyTexts.size < 10_000) keyTexts.set(key, text);
  }
  return text;
}

/** The text `hashInputs` hashes (see there). */
function inputsText(v: unknown, memo: HashMemo): string {
  if (typeof v === 'object' && v !== null) {
    const known = memo.get(v);
    if (known !== undefined) return `#${known}`;
    if (Array.isArray(v)) {
      if (v.length > 0 && typeof v[0] === 'object' && v[0] !== null && memo.has(v[0] as object)) {
        let text = '[';
        for (const item of v) text += inputsText(item, memo);
        return `${text}]`;
      }
    } else {
      let text = '{';
      for (const k in v) {
        if (Object.prototype.hasOwnProperty.call(v, k)) text += keyText(k) + inputsText((v as Record<string, unknown>)[k], memo);
      }
      return `${text}}`;
    }
  }
  // Native serialisation: far faster than a replacer. Plain data only (see assertPlainData).
  return `${JSON.stringify(v) ?? 'undefined'};`;
}

/**
 * Records in `memo` that `value` (small plain data holding no object of `memo`, such as the site
 * settings every page reads) hashes as the hash of its JSON text: every page's key then takes a
 * short hash for it, not the value walked key by key or its whole text. Returns `value`.
 */
export function memoByText<T extends object>(memo: HashMemo | undefined, kind: string, value: T): T {
  memo?.set(value, `${kind} ${hashText(JSON.stringify(value))}`);
  return value;
}

/**
 * Records in `memo` that `derived` (made from `source` alone by one function, such as an
 * article's card or link) hashes as `source`'s recorded hash under the name `kind`. Returns `derived`.
 */
export function memoDerived<T extends object>(memo: HashMemo | undefined, kind: string, source: object, derived: T): T {
  const hash = memo?.get(source);
  if (hash !== undefined) memo!.set(derived, `${kind} ${hash}`);
  return derived;
}

/**
 * Throws a TypeError naming the first part of `value` that is not plain data (a Map, a Date, a
 * function, a class instance): such a part would hash as something else than what a view reads.
 */
export function assertPlainData(value: unknown, where = 'inputs'): void {
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') throw new TypeError(`${where} is a ${typeof value}, not plain data`);
  if (typeof value !== 'object' || value === null) return;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
    throw new TypeError(`${where} is a ${Object.prototype.toString.call(value)}, not plain data`);
  }
  for (const [k, v] of Object.entries(value)) assertPlainData(v, `${where}.${k}`);
}
