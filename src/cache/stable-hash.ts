import { createHash } from 'node:crypto';

/** Content hashes of objects already hashed (articles), so a page's key never re-reads an article's text. */
export type HashMemo = WeakMap<object, string>;

/** A short SHA-256 (base64url) of a text. */
export function hashText(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 32);
}

/**
 * A hash of plain data (objects, arrays, strings, numbers, booleans, null) that changes whenever
 * any part of it does. An object found in `memo` (an article) counts by its recorded content
 * hash; any other is serialised whole. Object keys are taken in insertion order, which plans
 * make deterministic. A value that is not plain data (a Map, a function) is a TypeError, so a
 * key can never silently leave a part of its inputs out.
 */
export function hashInputs(value: unknown, memo: HashMemo): string {
  const json = JSON.stringify(value, function replacer(this: unknown, _key: string, v: unknown) {
    if (typeof v === 'object' && v !== null) {
      const known = memo.get(v);
      if (known !== undefined) return `#${known}`;
      if (!Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) {
        throw new TypeError(`hashInputs: inputs must be plain data, found a ${Object.prototype.toString.call(v)}`);
      }
    } else if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') {
      throw new TypeError(`hashInputs: inputs must be plain data, found a ${typeof v}`);
    }
    return v;
  });
  return hashText(json ?? 'undefined');
}
