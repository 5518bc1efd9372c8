import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';

/** The first bytes of every pack: the format's name and version. A pack of another version is foreign. */
const magic = Buffer.from('dateline-pack/1\n');

/** Bytes of the checksum that ends every pack. */
const sumLength = 32;

/**
 * A pack as bytes: a header, a V8-serialised value (fast for the strings and plain objects a
 * cache holds) and a SHA-256 of both, so a truncated or altered pack is told from a good one.
 */
export function encodePack(value: unknown): Buffer[] {
  const body = serialize(value);
  const sum = createHash('sha256').update(magic).update(body).digest();
  // Parts, not one buffer: a pack can be tens of megabytes, and copying it is wasted work.
  return [magic, body, sum];
}

/**
 * The value of a pack, or a reason it cannot be used: foreign (another format), truncated,
 * corrupt (checksum) or unreadable (the serialiser threw). Never throws.
 */
export function decodePack(bytes: Uint8Array): { readonly value: unknown } | { readonly problem: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < magic.length || !buf.subarray(0, magic.length).equals(magic)) return { problem: 'not a dateline cache pack of this version' };
  if (buf.length < magic.length + sumLength) return { problem: 'truncated' };
  const body = buf.subarray(magic.length, buf.length - sumLength);
  const sum = createHash('sha256').update(magic).update(body).digest();
  if (!sum.equals(buf.subarray(buf.length - sumLength))) return { problem: 'checksum mismatch (truncated or altered)' };
  try {
    return { value: deserialize(body) };
  } catch (error) {
    return { problem: `unreadable: ${error instanceof Error ? error.message : String(error)}` };
  }
}
