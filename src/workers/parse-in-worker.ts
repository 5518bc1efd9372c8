import type { ParsedSeed, SeedFile } from '../model/types.js';
import type { CopyFacts } from '../stages/dedupe-articles.js';
import { runWorker } from './start-worker.js';

/** A seed parsed in the worker, with the dedupe facts of its articles. */
export interface ParsedInWorker {
  readonly result: ParsedSeed;
  readonly facts: readonly CopyFacts[];
}

/** Parses `seeds` in a worker thread (their bytes are moved there, not copied), one answer per seed, in order. */
export function parseInWorker(seeds: readonly SeedFile[]): Promise<ParsedInWorker[]> {
  // Only a buffer a seed has to itself is moved; a view into a shared one is copied.
  const whole = seeds.filter((s) => s.bytes.byteOffset === 0 && s.bytes.byteLength === s.bytes.buffer.byteLength).map((s) => s.bytes.buffer);
  const buffers = [...new Set(whole)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
  return runWorker<ParsedInWorker[]>(import.meta.url, 'parse-worker', seeds, buffers);
}
