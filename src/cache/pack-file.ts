import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';

/**
 * The first bytes of every pack: the format's name and version. Version 2 ends with a CRC-32 of
 * the header and body; version 1 (still read, never written) with a SHA-256. Any other is foreign.
 */
const magic = Buffer.from('dateline-pack/2\n');
const magicV1 = Buffer.from('dateline-pack/1\n');

/** Bytes of the checksum that ends a pack of each version. */
const sumLength = 4;
const sumLengthV1 = 32;

/** The CRC-32 of a pack's header and body, as the four bytes that end it. */
function checksum(head: Uint8Array, body: Uint8Array): Buffer {
  const sum = Buffer.alloc(sumLength);
  sum.writeUInt32BE(crc32(body, crc32(head)));
  return sum;
}

/**
 * A pack as bytes: a header, a V8-serialised value (fast for the strings and plain objects a
 * cache holds) and a checksum of both, so a truncated or altered pack is told from a good one.
 * The checksum is a CRC-32, not a cryptographic hash: it guards against torn writes and damaged
 * disks (the cache is the build's own folder, not an input from others), and a build reads
 * 150 MB of packs at 10,000 articles, which SHA-256 took about three times as long to check.
 */
export function encodePack(value: unknown): Buffer[] {
  const body = serialize(isByteMap(value) ? packedBytes(value) : value);
  // Parts, not one buffer: a pack can be tens of megabytes, and copying it is wasted work.
  return [magic, body, checksum(magic, body)];
}

/**
 * The value of a pack, or a reason it cannot be used: foreign (another format), truncated,
 * corrupt (checksum) or unreadable (the serialiser threw). Never throws.
 */
export function decodePack(bytes: Uint8Array): { readonly value: unknown } | { readonly problem: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = buf.subarray(0, magic.length);
  const v1 = head.equals(magicV1);
  if (buf.length < magic.length || (!v1 && !head.equals(magic))) return { problem: 'not a dateline cache pack of this version' };
  const tail = v1 ? sumLengthV1 : sumLength;
  if (buf.length < magic.length + tail) return { problem: 'truncated' };
  const body = buf.subarray(magic.length, buf.length - tail);
  const sum = v1 ? createHash('sha256').update(magicV1).update(body).digest() : checksum(magic, body);
  if (!sum.equals(buf.subarray(buf.length - tail))) return { problem: 'checksum mismatch (truncated or altered)' };
  try {
    const value: unknown = deserialize(body);
    return isPackedBytes(value) ? unpackBytes(value) : { value };
  } catch (error) {
    return { problem: `unreadable: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * A map whose every value is bytes (the records of `data/articles.json`, tens of megabytes at
 * 10,000 articles) is stored as one block of bytes, the keys and where each value ends, not as
 * a map of thousands of byte arrays: V8 reads a byte array back by a call into JavaScript each,
 * which cost 80 ms a build for 10,000 of them. Read back, each value is a Buffer viewing the
 * block (as V8 gives back a Buffer for any byte array it stored).
 */
interface PackedBytes {
  readonly packedBytes: 1;
  readonly keys: readonly string[];
  /** Where each value ends in `block`, in the order of `keys`. */
  readonly ends: Float64Array;
  readonly block: Uint8Array;
}

/** A non-empty map of strings to byte arrays. */
function isByteMap(value: unknown): value is Map<string, Uint8Array> {
  if (!(value instanceof Map) || value.size === 0) return false;
  for (const [k, v] of value) if (typeof k !== 'string' || !(v instanceof Uint8Array)) return false;
  return true;
}

function packedBytes(map: Map<string, Uint8Array>): PackedBytes {
  const keys = [...map.keys()];
  const ends = new Float64Array(keys.length);
  let length = 0;
  keys.forEach((k, i) => (ends[i] = length += map.get(k)!.byteLength));
  const block = new Uint8Array(length);
  keys.forEach((k, i) => block.set(map.get(k)!, i === 0 ? 0 : ends[i - 1]));
  return { packedBytes: 1, keys, ends, block };
}

function isPackedBytes(value: unknown): value is PackedBytes {
  return typeof value === 'object' && value !== null && !(value instanceof Map) && (value as { packedBytes?: unknown }).packedBytes === 1;
}

/** The map a `PackedBytes` holds, or a problem when its parts do not fit together. */
function unpackBytes(packed: PackedBytes): { readonly value: Map<string, Buffer> } | { readonly problem: string } {
  const { keys, ends, block } = packed;
  if (!Array.isArray(keys) || !(ends instanceof Float64Array) || !(block instanceof Uint8Array) || ends.length !== keys.length) return { problem: 'unreadable: a byte map of the wrong shape' };
  const map = new Map<string, Buffer>();
  let start = 0;
  for (let i = 0; i < keys.length; i++) {
    const end = ends[i]!;
    if (typeof keys[i] !== 'string' || !Number.isInteger(end) || end < start || end > block.byteLength) return { problem: 'unreadable: a byte map of the wrong shape' };
    map.set(keys[i]!, Buffer.from(block.buffer, block.byteOffset + start, end - start));
    start = end;
  }
  return { value: map };
}
