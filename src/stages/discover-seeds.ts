import fg from 'fast-glob';
import { open, stat } from 'node:fs/promises';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { SeedFile } from '../model/types.js';
import { defaultDecodeLimits } from '../parse/decode-seed.js';
import { BuildError } from '../errors.js';

/** The seed files of a folder, in path order, read as bytes. */
export interface DiscoveredSeeds {
  readonly seeds: readonly SeedFile[];
}

/** A seed file found on disk, not yet read: its path relative to the seeds folder and stat hints. */
export interface SeedEntry {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/**
 * Finds every `*.txt` and `*.md` seed below `seedsDir` (sorted by path, so builds never depend on the
 * file system's order) and reads its bytes. A file over the size limit is read only up to the
 * limit plus one byte, which is enough for the parser to report it.
 */
export async function discoverSeeds(seedsDir: string, maxBytes = defaultDecodeLimits.maxFileBytes): Promise<DiscoveredSeeds> {
  const seeds: SeedFile[] = [];
  for (const entry of await listSeeds(seedsDir)) seeds.push(await readSeed(seedsDir, entry, maxBytes));
  return { seeds };
}

/** The seed files below `seedsDir` with their size and time, sorted by path; nothing is read. */
export async function listSeeds(seedsDir: string): Promise<SeedEntry[]> {
  const info = await stat(seedsDir).catch(() => null);
  if (!info?.isDirectory()) {
    throw new BuildError(`seeds folder "${seedsDir}" does not exist or is not a folder`, 'pass --seeds DIR naming a folder of .txt seed files');
  }
  const found = (await fg('**/*.{txt,md}', { cwd: seedsDir, onlyFiles: true, dot: false, followSymbolicLinks: false })).sort();
  const entries: SeedEntry[] = [];
  // Thousands of stat calls: synchronous ones cost a fraction of fast-glob's promise-wrapped ones.
  for (const rel of found) {
    const info = statSync(path.join(seedsDir, rel), { throwIfNoEntry: false });
    // A file gone since the listing is simply not a seed of this build.
    if (info) entries.push({ path: rel.split(path.sep).join('/'), size: info.size, mtimeMs: info.mtimeMs });
  }
  return entries;
}

/** Reads one seed's bytes, up to the size limit plus one byte (enough for the parser to report it). */
export async function readSeed(seedsDir: string, entry: SeedEntry, maxBytes = defaultDecodeLimits.maxFileBytes): Promise<SeedFile> {
  const handle = await open(path.join(seedsDir, entry.path), 'r');
  try {
    const size = (await handle.stat()).size;
    const length = Math.min(size, maxBytes + 1);
    const bytes = new Uint8Array(length);
    let read = 0;
    while (read < length) {
      const { bytesRead } = await handle.read(bytes, read, length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return { path: entry.path, bytes: bytes.subarray(0, read) };
  } finally {
    await handle.close();
  }
}
