import { isAscii } from 'node:buffer';
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, SeedFile } from '../model/types.js';
import { defaultDecodeLimits } from '../parse/decode-seed.js';
import { BuildError } from '../errors.js';

/**
 * The seed files of a folder, in path order, read as bytes, and the problems met on the way:
 * an unreadable, vanished or non-UTF-8-named seed is an error, a skipped entry (hidden, a
 * symbolic link, not a seed) a warning; discovery itself goes on.
 */
export interface DiscoveredSeeds {
  readonly seeds: readonly SeedFile[];
  readonly diagnostics: readonly Diagnostic[];
}

const seedName = /\.(?:txt|md)$/i;
const nameDecoder = new TextDecoder('utf-8', { fatal: true });

/** A seed file found on disk, not yet read: its path relative to the seeds folder and stat hints. */
export interface SeedEntry {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** The seeds of a folder, listed but not read, and the problems met listing them. */
export interface SeedListing {
  readonly entries: readonly SeedEntry[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Finds every `*.txt` and `*.md` seed below `seedsDir` (any case of the extension; sorted by path,
 * so builds never depend on the file system's order) and reads its bytes. Symbolic links are
 * not followed and hidden (dot) entries are not read, each with a `skipped-file` warning. A
 * file over the size limit is read only up to the limit plus one byte, which is enough for the
 * parser to report it. Only a missing seeds folder throws.
 */
export async function discoverSeeds(seedsDir: string, maxBytes = defaultDecodeLimits.maxFileBytes): Promise<DiscoveredSeeds> {
  const listing = await listSeeds(seedsDir);
  const diagnostics = [...listing.diagnostics];
  const seeds: SeedFile[] = [];
  for (const entry of listing.entries) {
    const read = readSeedFile(seedsDir, entry, maxBytes);
    if ('problem' in read) diagnostics.push(read.problem);
    else seeds.push(read.seed);
  }
  return { seeds, diagnostics };
}

/**
 * Lists the seeds below `seedsDir` with their size and time, sorted by path, reading none of
 * them; what it skips or cannot list becomes a diagnostic. Only a missing seeds folder throws.
 */
export async function listSeeds(seedsDir: string): Promise<SeedListing> {
  const info = await stat(seedsDir).catch(() => null);
  if (!info?.isDirectory()) {
    throw new BuildError(`seeds folder "${seedsDir}" does not exist or is not a folder`, 'pass --seeds DIR naming a folder of .txt seed files');
  }
  const diagnostics: Diagnostic[] = [];
  const problem = (file: string, severity: Diagnostic['severity'], rule: string, message: string): void => {
    diagnostics.push({ file, line: 1, severity, rule, message });
  };
  const found: string[] = [];
  // Folders to read, as byte paths (a name need not be UTF-8) with their readable relative path.
  const folders: Array<{ at: Buffer; rel: string }> = [{ at: Buffer.from(seedsDir), rel: '' }];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries;
    try {
      entries = await readdir(folder.at, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      problem(folder.rel || '.', 'error', 'unreadable-folder', `the folder could not be read (${codeOf(error)}); its seeds were left out; fix its permissions`);
      continue;
    }
    for (const entry of entries) {
      const raw = entry.name as unknown as Buffer;
      let name: string;
      try {
        // Most names are ASCII: read those directly, and only the others through the strict decoder.
        name = isAscii(raw) ? raw.toString('latin1') : nameDecoder.decode(raw);
      } catch {
        problem(folder.rel + escapeBytes(raw), 'error', 'file-name-encoding', 'the name is not valid UTF-8, so it was left out; rename it');
        continue;
      }
      const rel = folder.rel + name;
      if (name.startsWith('.')) {
        problem(rel, 'warning', 'skipped-file', `hidden ${entry.isDirectory() ? 'folder' : 'file'} skipped; rename it without the leading dot to build it`);
      } else if (entry.isSymbolicLink()) {
        problem(rel, 'warning', 'skipped-file', 'symbolic link not followed; copy the file into the seeds folder to build it');
      } else if (entry.isDirectory()) {
        folders.push({ at: Buffer.concat([folder.at, Buffer.from('/'), raw]), rel: `${rel}/` });
      } else if (!entry.isFile()) {
        problem(rel, 'warning', 'skipped-file', 'not a regular file (a pipe, socket or device) and skipped');
      } else if (!seedName.test(name)) {
        problem(rel, 'warning', 'skipped-file', 'not a seed (seeds end in .txt or .md) and skipped');
      } else {
        found.push(rel);
      }
    }
  }
  found.sort();
  const root = seedsDir.endsWith(path.sep) ? seedsDir : `${seedsDir}${path.sep}`;
  const entries: SeedEntry[] = [];
  // Thousands of stat calls: synchronous ones cost a fraction of promise-wrapped ones.
  for (const rel of found) {
    const stats = lstatSync(`${root}${rel}`, { throwIfNoEntry: false });
    if (stats?.isFile()) entries.push({ path: rel, size: stats.size, mtimeMs: stats.mtimeMs });
    else problem(rel, 'error', 'file-vanished', 'the file was deleted or replaced while the build listed the seeds; it was left out');
  }
  return { entries, diagnostics };
}

/** One seed's bytes, or the diagnostic that says why it could not be read (gone, unreadable). */
export function readSeedFile(seedsDir: string, entry: SeedEntry, maxBytes = defaultDecodeLimits.maxFileBytes): { readonly seed: SeedFile } | { readonly problem: Diagnostic } {
  try {
    return { seed: { path: entry.path, bytes: readSeed(path.join(seedsDir, entry.path), maxBytes) } };
  } catch (error) {
    const code = codeOf(error);
    const problem = (rule: string, message: string): Diagnostic => ({ file: entry.path, line: 1, severity: 'error', rule, message });
    return {
      problem: code === 'ENOENT'
        ? problem('file-vanished', 'the file was deleted or renamed while the build read the seeds; it was left out')
        : problem('unreadable-file', `the file could not be read (${code}); it was left out; fix its permissions`),
    };
  }
}

/**
 * Opening flags for a seed: never follow a link put in its place, and never block on a pipe
 * put in its place (its type is then checked on the open file itself, so no swap can slip in
 * between a check and the open). Where a flag does not exist (Windows) it is left out.
 */
const seedOpenFlags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * Reads at most `maxBytes + 1` bytes of a regular file; anything else throws. Synchronous calls:
 * a build reads thousands of small seeds, and promise-wrapped open, stat, read and close cost
 * four times the time (4,000 seeds on tmpfs, hashing included: 0.11 s against 0.4-0.65 s).
 */
function readSeed(file: string, maxBytes: number): Uint8Array {
  const fd = openSync(file, seedOpenFlags);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
    const length = Math.min(info.size, maxBytes + 1);
    const bytes = new Uint8Array(length);
    let read = 0;
    while (read < length) {
      const bytesRead = readSync(fd, bytes, read, length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The error code of a failed file operation (EACCES, ENOENT...), or its message. */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

/** A file name's bytes with every byte that is not printable ASCII written `\xNN`. */
function escapeBytes(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => (b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('');
}
