import { hash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The manifest dateline writes into every output folder: the hash and size of each file it
 * wrote. It marks the folder as dateline's to replace, and tells a later build which files are
 * still exactly as written. It holds nothing that differs between two builds of the same inputs
 * (no file times), so an incremental output equals a clean one byte for byte.
 */
export const manifestName = '.dateline-manifest.json';

/** What the manifest records of one file. */
export interface ManifestEntry {
  readonly hash: string;
  /** Bytes; -1 when unknown (a manifest from before sizes were recorded). */
  readonly size: number;
}

/**
 * File times and inodes of an output's files as the last build saw them (kept in the build
 * cache, not in the output): when they still match, a file is intact without being read. Two
 * numbers a file (mtimeMs, inode), in the order of the manifest's paths sorted as `manifestText`
 * writes them; NaN where the file was not intact. One typed array, not a map of 10,000 pairs: a
 * build that finds nothing changed reads it as one block, and allocates nothing per file.
 */
export type OutputHints = Float64Array;

/** Hints for `count` files, none known yet. */
function noHints(count: number): Float64Array {
  return new Float64Array(count * 2).fill(Number.NaN);
}

/** The SHA-256 of a file's bytes as the manifest writes it. */
export function contentHash(bytes: Uint8Array): string {
  return hash('sha256', bytes, 'base64url');
}

/** The manifest of an output folder as path → entry, or null when there is none (or it is not dateline's). */
export async function readManifest(out: string): Promise<Map<string, ManifestEntry> | null> {
  return manifestOf(await readFile(path.join(out, manifestName), 'utf8').catch(() => null));
}

/** The entries of a manifest's text (see `readManifest`). */
function manifestOf(text: string | null): Map<string, ManifestEntry> | null {
  if (text === null) return null;
  const written = readWrittenManifest(text);
  if (written !== null) return written;
  try {
    const data = JSON.parse(text) as { generator?: unknown; files?: unknown };
    if (data.generator !== 'dateline' || typeof data.files !== 'object' || data.files === null) return null;
    const entries = new Map<string, ManifestEntry>();
    for (const [rel, value] of Object.entries(data.files as Record<string, unknown>)) {
      // A first-version manifest held only the hash.
      if (typeof value === 'string') entries.set(rel, { hash: value, size: -1 });
      else if (typeof value === 'object' && value !== null && typeof (value as ManifestEntry).hash === 'string') entries.set(rel, value as ManifestEntry);
    }
    return entries;
  } catch {
    return null;
  }
}

/** The first line of a manifest as `manifestText` writes it. */
const manifestHead = '{"generator": "dateline", "version": 2, "files": {';

/**
 * One file's line of a manifest as `manifestText` writes it, for a path with nothing to escape:
 * the path, the hash and the size (the comma ends every line but the last).
 */
const manifestLine = /^ {2}"([^"\\\u0000-\u001f]+)": \{"hash":"([A-Za-z0-9_-]+)","size":(-?(?:0|[1-9]\d{0,14}))\}(,?)$/;

/**
 * The entries of a manifest exactly as `manifestText` writes it, line by line, or null for any
 * other text (then JSON.parse reads it): 10,000 files' manifest is read on every build, and one
 * match a line costs a fraction of parsing the JSON into an object of 10,000 keys. Every line
 * must match the one shape that JSON.parse would read as this entry, so both readings agree.
 */
function readWrittenManifest(text: string): Map<string, ManifestEntry> | null {
  const lines = text.split('\n');
  if (lines[0] !== manifestHead || lines.at(-1) !== '' || lines.at(-2) !== '}}') return null;
  const entries = new Map<string, ManifestEntry>();
  const last = lines.length - 3;
  for (let i = 1; i <= last; i++) {
    const m = manifestLine.exec(lines[i]!);
    if (m === null || (m[4] === ',') !== (i < last) || entries.has(m[1]!)) return null;
    entries.set(m[1]!, { hash: m[2]!, size: Number(m[3]) });
  }
  return entries;
}

/** The manifest's text: files sorted by path, one a line. */
export function manifestText(entries: ReadonlyMap<string, ManifestEntry>): string {
  const files = [...entries.keys()].sort().map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(entries.get(k))}`);
  return `{"generator": "dateline", "version": 2, "files": {\n${files.join(',\n')}\n}}\n`;
}

/** What the last build left in the output folder, checked against its manifest. */
export interface OutputState {
  /** The manifest's paths, in its order (sorted): the order of `hints`. */
  readonly paths: readonly string[];
  /** The manifest: path → content hash. Empty when there is no manifest. */
  readonly files: ReadonlyMap<string, string>;
  readonly entries: ReadonlyMap<string, ManifestEntry>;
  /** Paths still regular files with the bytes the manifest says: safe to carry over. */
  readonly intact: ReadonlySet<string>;
  /** Files whose hints were missing or stale, so they were read and hashed (a restored folder). */
  readonly rehashed: number;
  /** Hints of every intact file as found now (NaN for the others), in the order of `paths`. */
  readonly hints: OutputHints;
  /** A digest of the manifest (path → hash): the same wherever the folder is restored. */
  readonly digest: string;
}

/** A digest of a manifest's paths and hashes. */
export function manifestDigest(files: ReadonlyMap<string, string>): string {
  const lines = [...files].map(([p, h]) => `${p}\t${h}`);
  // A manifest is read in the order it was written, sorted: then sorting again is not needed.
  if (!lines.every((line, i) => i === 0 || lines[i - 1]! < line)) lines.sort();
  return hash('sha256', lines.join('\n'), 'base64url').slice(0, 32);
}

/**
 * An output folder as found, nothing judged yet: its manifest (paths, hashes, sizes, in the
 * manifest's order), its digest, and what `lstat` says of each listed path.
 */
export interface OutputScan {
  readonly paths: readonly string[];
  readonly hashes: readonly string[];
  readonly sizes: readonly number[];
  /** Four numbers a path: 1 for a regular file (0 for anything else, -1 missing or not looked at), size, mtimeMs, inode. */
  readonly stats: Float64Array;
  readonly digest: string;
  /** The manifest file's inode, size and time as read (empty without one): two threads' scans are of the same manifest when theirs match. */
  readonly manifestId: string;
}

/** Which paths of a manifest one thread looks at: those whose index modulo `of` is one of `parts`. */
export interface ScanShare {
  readonly of: number;
  readonly parts: readonly number[];
}

/** What a thread scanning a share of the output sends back: which manifest it read, and its share of the stats. */
export interface ShareScan {
  readonly manifestId: string;
  readonly stats: Float64Array;
}

const wholeScan: ScanShare = { of: 1, parts: [0] };

/**
 * The manifest of `out`, its paths in order, and which file it was: its inode, size and time,
 * from the handle it was read through. The manifest is replaced by a rename, never written in
 * place, so two reads of one file are of the same text.
 */
async function manifestFile(out: string): Promise<{ readonly entries: Map<string, ManifestEntry>; readonly paths: string[]; readonly id: string }> {
  const read = await (async () => {
    const handle = await open(path.join(out, manifestName), 'r');
    try {
      const info = await handle.stat();
      return { text: await handle.readFile('utf8'), id: `${info.ino} ${info.size} ${info.mtimeMs}` };
    } finally {
      await handle.close();
    }
  })().catch(() => null);
  const entries = manifestOf(read?.text ?? null) ?? new Map<string, ManifestEntry>();
  return { entries, paths: [...entries.keys()], id: read?.id ?? '' };
}

/** Four numbers a path (see `OutputScan.stats`) for the paths of `share` that `isSafe` accepts; -1 elsewhere. */
function statShare(out: string, paths: readonly string[], isSafe: (rel: string) => boolean, share: ScanShare): Float64Array {
  const stats = new Float64Array(paths.length * 4).fill(-1);
  const mine = sharedIndexes(share);
  for (let i = 0; i < paths.length; i++) {
    if (!mine[i % share.of]) continue;
    const rel = paths[i]!;
    if (!isSafe(rel)) continue;
    // Thousands of tiny stat calls: synchronous ones cost a fraction of promise-wrapped ones.
    const info = lstatSync(`${out}/${rel}`, { throwIfNoEntry: false });
    if (info === undefined) continue;
    stats[i * 4] = info.isFile() ? 1 : 0;
    stats[i * 4 + 1] = info.size;
    stats[i * 4 + 2] = info.mtimeMs;
    stats[i * 4 + 3] = info.ino;
  }
  return stats;
}

/**
 * Reads the manifest of `outDir` and looks at every file it lists that `isSafe` accepts (the
 * others are not looked at), or at those of `share` only. Thousands of `lstat`s: a large build
 * shares them with a worker thread (see `scanOutputSoon`).
 */
export async function scanOutput(outDir: string, isSafe: (rel: string) => boolean = () => true, share: ScanShare = wholeScan): Promise<OutputScan> {
  const out = path.resolve(outDir);
  const { entries, paths, id } = await manifestFile(out);
  const hashes = paths.map((rel) => entries.get(rel)!.hash);
  const sizes = paths.map((rel) => entries.get(rel)!.size);
  const stats = statShare(out, paths, isSafe, share);
  const files = new Map(paths.map((rel, i) => [rel, hashes[i]!]));
  return { paths, hashes, sizes, stats, digest: manifestDigest(files), manifestId: id };
}

/** The stats of one share of the output (what a worker thread sends back; see `joinScans`). */
export async function scanShare(outDir: string, isSafe: (rel: string) => boolean, share: ScanShare): Promise<ShareScan> {
  const out = path.resolve(outDir);
  const { paths, id } = await manifestFile(out);
  return { manifestId: id, stats: statShare(out, paths, isSafe, share) };
}

/**
 * Puts `other`'s share of the stats into `scan`, when both read the same manifest; false when
 * they did not (the folder changed between the two reads), and the scan must be made again.
 */
export function joinScans(scan: OutputScan, other: ShareScan, share: ScanShare): boolean {
  if (other.manifestId !== scan.manifestId || other.stats.length !== scan.stats.length) return false;
  const theirs = sharedIndexes(share);
  for (let i = 0; i < scan.paths.length; i++) if (theirs[i % share.of]) scan.stats.set(other.stats.subarray(i * 4, i * 4 + 4), i * 4);
  return true;
}

/** For each residue modulo `share.of`, whether the share holds it. */
function sharedIndexes(share: ScanShare): boolean[] {
  return Array.from({ length: share.of }, (_, r) => share.parts.includes(r));
}

/**
 * Checks every file the manifest lists. Only a regular file counts (a planted symlink never
 * does); one whose size, time and inode match the manifest is intact without being read; any
 * other is read and hashed, and is intact only if its bytes are the ones written. So an edited,
 * truncated or replaced file is never carried over, and a folder restored from a CI cache
 * (every time and inode new) is still recognised.
 */
export async function inspectOutput(
  outDir: string,
  isSafe: (rel: string) => boolean = () => true,
  hintsFor: (digest: string) => OutputHints | undefined = () => undefined,
): Promise<OutputState> {
  return checkOutput(outDir, await scanOutput(outDir, isSafe), isSafe, hintsFor);
}

/** `inspectOutput` from a scan of the folder made by `scanOutput` with the same `isSafe`. */
export function checkOutput(
  outDir: string,
  scan: OutputScan,
  isSafe: (rel: string) => boolean,
  hintsFor: (digest: string) => OutputHints | undefined,
): OutputState {
  const out = path.resolve(outDir);
  const entries = new Map<string, ManifestEntry>();
  const files = new Map<string, string>();
  scan.paths.forEach((rel, i) => {
    entries.set(rel, { hash: scan.hashes[i]!, size: scan.sizes[i]! });
    files.set(rel, scan.hashes[i]!);
  });
  const recorded = hintsFor(scan.digest);
  // Hints of another length were written for another listing: none of them can be matched up.
  const known = recorded !== undefined && recorded.length === scan.paths.length * 2 ? recorded : null;
  // A manifest whose digest the cache recorded lists exactly the paths a build wrote, each checked then.
  const trusted = recorded !== undefined;
  const intact = new Set<string>();
  const hints = noHints(scan.paths.length);
  let rehashed = 0;
  const { stats } = scan;
  scan.paths.forEach((rel, i) => {
    if (!trusted && !isSafe(rel)) return;
    const size = scan.sizes[i]!;
    if (stats[i * 4] !== 1 || (size >= 0 && stats[i * 4 + 1] !== size)) return;
    const mtimeMs = stats[i * 4 + 2]!;
    const ino = stats[i * 4 + 3]!;
    if (known === null || known[i * 2] !== mtimeMs || known[i * 2 + 1] !== ino) {
      rehashed++;
      if (contentHash(readFileSync(`${out}/${rel}`)) !== scan.hashes[i]) return;
    }
    intact.add(rel);
    hints[i * 2] = mtimeMs;
    hints[i * 2 + 1] = ino;
  });
  return { paths: scan.paths, files, entries, intact, rehashed, hints, digest: scan.digest };
}

/**
 * The digest and hints of an output folder just written, without inspecting it again: files the
 * build left alone (or hard-linked) keep the hints they had, and only the files it wrote, or any
 * without a hint, are looked at. A wrong hint is never unsafe: the next build reads that file.
 */
export function outputAfterWrite(
  outDir: string,
  manifest: ReadonlyMap<string, ManifestEntry>,
  fresh: ReadonlySet<string>,
  before: Pick<OutputState, 'paths' | 'hints'>,
): { readonly digest: string; readonly hints: OutputHints } {
  const out = path.resolve(outDir);
  const at = new Map(before.paths.map((rel, i) => [rel, i]));
  const files = new Map<string, string>();
  // The order of the manifest as `manifestText` writes it, which the next build's scan reads.
  const paths = [...manifest.keys()].sort();
  const hints = noHints(paths.length);
  paths.forEach((rel, i) => {
    const entry = manifest.get(rel)!;
    files.set(rel, entry.hash);
    const j = fresh.has(rel) ? undefined : at.get(rel);
    if (j !== undefined && !Number.isNaN(before.hints[j * 2])) {
      hints[i * 2] = before.hints[j * 2]!;
      hints[i * 2 + 1] = before.hints[j * 2 + 1]!;
      return;
    }
    const info = lstatSync(`${out}/${rel}`, { throwIfNoEntry: false });
    if (info?.isFile() && info.size === entry.size) {
      hints[i * 2] = info.mtimeMs;
      hints[i * 2 + 1] = info.ino;
    }
  });
  return { digest: manifestDigest(files), hints };
}
