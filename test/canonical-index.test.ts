import { decode, encode } from 'cborg';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { canonicalizeIndex, type BundleFile } from '../src/search/canonical-index.js';

const sig = Buffer.from('pagefind_dcd');
const pack = (v: unknown) => gzipSync(Buffer.concat([sig, encode(v)]));
const unpack = (b: Uint8Array) => decode(gunzipSync(b).subarray(sig.length));

function bundle(order: 'a' | 'b'): BundleFile[] {
  const values = [['Syria', [0, 1]], ['Iraq', [2]]];
  const filter = pack(['country', order === 'a' ? values : [...values].reverse()]);
  const meta = pack(['1.5.2', [['en_aaaaaaa', 3]], [], order === 'a' ? [['country', 'en_1111111'], ['topic', 'en_2222222']] : [['topic', 'en_2222222'], ['country', 'en_1111111']], [], ['title']]);
  return [
    { path: 'filter/en_1111111.pf_filter', content: filter },
    { path: 'filter/en_2222222.pf_filter', content: pack(['topic', [['Sport', [0]]]]) },
    { path: 'pagefind.en_0123456789.pf_meta', content: meta },
    { path: 'pagefind-entry.json', content: Buffer.from('{"version":"1.5.2","languages":{"en":{"hash":"en_0123456789","wasm":"en","page_count":3}}}') },
    { path: 'pagefind.js', content: Buffer.from('js') },
  ];
}

describe('canonicalizeIndex', () => {
  it('gives the same bundle for filters written in any order, with consistent names', () => {
    const a = canonicalizeIndex(bundle('a'));
    const b = canonicalizeIndex(bundle('b'));
    expect(b.map((f) => [f.path, Buffer.from(f.content).toString('base64')])).toEqual(a.map((f) => [f.path, Buffer.from(f.content).toString('base64')]));
    const entry = JSON.parse(Buffer.from(a.find((f) => f.path === 'pagefind-entry.json')!.content).toString()) as { languages: { en: { hash: string } } };
    const meta = a.find((f) => f.path === `pagefind.${entry.languages.en.hash}.pf_meta`);
    expect(meta).toBeDefined();
    const filters = (unpack(meta!.content) as unknown[])[3] as Array<[string, string]>;
    expect(filters.map(([n]) => n)).toEqual(['country', 'topic']);
    for (const [, id] of filters) expect(a.some((f) => f.path === `filter/${id}.pf_filter`)).toBe(true);
    const country = a.find((f) => f.path === `filter/${filters[0]![1]}.pf_filter`)!;
    expect(unpack(country.content)).toEqual(['country', [['Iraq', [2]], ['Syria', [0, 1]]]]);
    expect(a.find((f) => f.path === 'pagefind.js')).toBeDefined();
  });
});
