/**
 * The pack file format (issue 8): a value, its header and a checksum. A damaged, truncated or
 * foreign pack is told from a good one; packs of the first version (SHA-256) are still read.
 */
import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { decodePack, encodePack } from '../../src/cache/pack-file.js';

const value = new Map<string, unknown>([['a', { text: 'Straße ’quoted’', n: 1 }], ['b', new Uint8Array([1, 2, 3])]]);
const packOf = (v: unknown): Buffer => Buffer.concat(encodePack(v));

describe('pack files', () => {
  it('give back the value they hold', () => {
    const decoded = decodePack(packOf(value));
    expect('value' in decoded && decoded.value).toEqual(value);
  });

  it('are refused when any byte is changed, when cut short, or when of another format', () => {
    const good = packOf(value);
    for (let i = 0; i < good.length; i += 7) {
      const bad = Buffer.from(good);
      bad[i] = bad[i]! ^ 0x20;
      expect(decodePack(bad), `byte ${i} changed`).toHaveProperty('problem');
    }
    for (const cut of [0, 5, 16, 19, good.length - 1]) expect(decodePack(good.subarray(0, cut)), `cut at ${cut}`).toHaveProperty('problem');
    expect(decodePack(Buffer.concat([Buffer.from('dateline-pack/9\n'), good.subarray(16)]))).toEqual({ problem: 'not a dateline cache pack of this version' });
  });

  it('of the first version (SHA-256 checksum) are still read, and checked', () => {
    const head = Buffer.from('dateline-pack/1\n');
    const body = serialize(value);
    const v1 = Buffer.concat([head, body, createHash('sha256').update(head).update(body).digest()]);
    const decoded = decodePack(v1);
    expect('value' in decoded && decoded.value).toEqual(value);
    v1[20] = v1[20]! ^ 1;
    expect(decodePack(v1)).toHaveProperty('problem');
  });

  it('hold a map of byte arrays as one block, and give back each value', () => {
    const bytes = new Map([['x', Buffer.from('{"id":1}')], ['y', Buffer.alloc(0)], ['z', Buffer.from('Straße')]]);
    const decoded = decodePack(packOf(bytes));
    expect('value' in decoded && decoded.value).toEqual(bytes);
    // One block, not a byte array a value: the values' bytes follow each other in the pack.
    expect(packOf(bytes).includes(Buffer.concat([...bytes.values()]))).toBe(true);
    expect(packOf(new Map([['x', Buffer.from('{"id":1}')], ['z', Buffer.from('Straße')]])).includes(Buffer.from('{"id":1}Straße'))).toBe(true);
    const good = packOf(bytes);
    for (let i = 16; i < good.length; i += 3) {
      const bad = Buffer.from(good);
      bad[i] = bad[i]! ^ 0x20;
      expect(decodePack(bad), `byte ${i} changed`).toHaveProperty('problem');
    }
  });
});
