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
  const body = serialize(value);
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
    return { value: deserialize(body) };
  } catch (error) {
    return { problem: `unreadable: ${error instanceof Error ? error.message : String(error)}` };
  }
}
