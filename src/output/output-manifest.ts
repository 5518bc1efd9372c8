import { hash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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
  return parsedManifest(text).entries;
}

/**
 * The entries of a manifest's text, and its digest (see `manifestDigest`). The text of a
 * manifest as `manifestText` writes it is hashed as it is, which is the same as hashing the
 * text made again from its entries, and costs a fraction of making it (every build reads the
 * manifest; at 10,000 articles it lists 11,000 files).
 */
function parsedManifest(text: string | null): { readonly entries: Map<string, ManifestEntry> | null; readonly digest: string } {
  const written = text === null ? null : readWrittenManifest(text);
  if (written !== null) return { entries: written.entries, digest: written.sorted ? manifestTextDigest(text!) : manifestDigest(written.entries) };
  const entries = text === null ? null : manifestByJson(text);
  return { entries, digest: manifestDigest(entries ?? new Map()) };
}

/** The entries of a manifest's text read as JSON (any dateline manifest), or null when it is not one. */
function manifestByJson(text: string): Map<string, ManifestEntry> | null {
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
const manifestLine = /^ {2}"([^"\\\u0000-\u001f]+)": \{"hash":"([A-Za-z0-9_-]+)","size":(0|-?[1-9]\d{0,14})\}(,?)$/;

/**
 * The entries of a manifest exactly as `manifestText` writes it, line by line, or null for any
 * other text (then JSON.parse reads it): 10,000 files' manifest is read on every build, and one
 * match a line costs a fraction of parsing the JSON into an object of 10,000 keys. Every line
 * must match the one shape that JSON.parse would read as this entry, so both readings agree,
 * and JSON.stringify writes it back the same. With its paths in order (`sorted`), the text is
 * the one `manifestText` makes of its entries.
 */
function readWrittenManifest(text: string): { readonly entries: Map<string, ManifestEntry>; readonly sorted: boolean } | null {
  const lines = text.split('\n');
  if (lines[0] !== manifestHead || lines.at(-1) !== '' || lines.at(-2) !== '}}') return null;
  const entries = new Map<string, ManifestEntry>();
  const last = lines.length - 3;
  let sorted = true;
  let previous = '';
  for (let i = 1; i <= last; i++) {
    const m = manifestLine.exec(lines[i]!);
    if (m === null || (m[4] === ',') !== (i < last) || entries.has(m[1]!)) return null;
    if (i > 1 && !(previous < m[1]!)) sorted = false;
    previous = m[1]!;
    entries.set(m[1]!, { hash: m[2]!, size: Number(m[3]) });
  }
  return { entries, sorted };
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
  /** A digest of the manifest (see `manifestDigest`): the same wherever the folder is restored. */
  readonly digest: string;
}

/** A digest of a manifest's entries: the hash of the text `manifestText` makes of them. */
export function manifestDigest(entries: ReadonlyMap<string, ManifestEntry>): string {
  return manifestTextDigest(manifestText(entries));
}

/** The digest of a manifest's text as `manifestText` made it (see `manifestDigest`), when it is at hand. */
export function manifestTextDigest(text: string): string {
  return hash('sha256', text, 'base64url').slice(0, 32);
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
}

/** An output folder's manifest as read, its files not looked at yet. */
export interface ManifestRead {
  readonly out: string;
  readonly paths: readonly string[];
  readonly hashes: readonly string[];
  readonly sizes: readonly number[];
  readonly digest: string;
}

/** Reads the manifest of `outDir` (none: no paths). One read: every thread that looks at its files gets its paths from it. */
export function readOutputManifest(outDir: string): ManifestRead {
  const out = path.resolve(outDir);
  let text: string | null = null;
  try {
    text = readFileSync(path.join(out, manifestName), 'utf8');
  } catch {
    // No manifest (or an unreadable one): nothing of the folder is the last build's.
  }
  const parsed = parsedManifest(text);
  const entries = parsed.entries ?? new Map<string, ManifestEntry>();
  const paths = [...entries.keys()];
  return { out, paths, hashes: paths.map((rel) => entries.get(rel)!.hash), sizes: paths.map((rel) => entries.get(rel)!.size), digest: parsed.digest };
}

/**
 * The stats of a manifest's paths, made by one or more threads: each takes the next run of
 * `run` paths (`control[0]` counts the runs taken) and marks it done (`control[1 + i]`), so the
 * threads share the work however fast each turns out to be. Both arrays may be shared memory.
 */
export interface StatClaims {
  readonly stats: Float64Array;
  readonly control: Int32Array;
  readonly run: number;
}

/** Paths a thread takes at once from `StatClaims`: a millisecond or two of `lstat`s. */
const claimRun = 128;

/** Claims for `count` paths, in shared memory: a worker thread may join in, and a thread may wait on another's run. */
export function newStatClaims(count: number): StatClaims {
  const runs = Math.ceil(count / claimRun);
  const stats = new Float64Array(new SharedArrayBuffer(count * 4 * 8)).fill(-1);
  return { stats, control: new Int32Array(new SharedArrayBuffer((1 + runs) * 4)), run: claimRun };
}

/**
 * Looks at the paths of the runs this thread claims, until none is left (see `StatClaims`).
 * With `stallMs`, it then waits for the runs other threads took; a run still not done after
 * that long without progress (its thread failed or stalled) is looked at here as well.
 */
export function statClaimed(out: string, paths: readonly string[], isSafe: (rel: string) => boolean, claims: StatClaims, stallMs?: number): void {
  const { stats, control, run } = claims;
  const runs = Math.ceil(paths.length / run);
  const statRun = (r: number): void => {
    const end = Math.min(paths.length, (r + 1) * run);
    for (let i = r * run; i < end; i++) {
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
    Atomics.store(control, 1 + r, 1);
    Atomics.notify(control, 1 + r);
  };
  for (let r = Atomics.add(control, 0, 1); r < runs; r = Atomics.add(control, 0, 1)) statRun(r);
  if (stallMs === undefined) return;
  for (let r = 0; r < runs; r++) {
    if (Atomics.load(control, 1 + r) === 1) continue;
    if (Atomics.wait(control, 1 + r, 0, stallMs) === 'timed-out' && Atomics.load(control, 1 + r) === 0) statRun(r);
  }
}

/** The scan of a manifest from its paths' stats (see `statClaimed`). */
export function scanOf(read: ManifestRead, stats: Float64Array): OutputScan {
  return { paths: read.paths, hashes: read.hashes, sizes: read.sizes, stats: Float64Array.from(stats), digest: read.digest };
}

/**
 * Reads the manifest of `outDir` and looks at every file it lists that `isSafe` accepts (the
 * others are not looked at). Thousands of `lstat`s: a large build shares them with a worker
 * thread (see `scanOutputSoon`).
 */
export async function scanOutput(outDir: string, isSafe: (rel: string) => boolean = () => true): Promise<OutputScan> {
  const read = readOutputManifest(outDir);
  const claims = newStatClaims(read.paths.length);
  statClaimed(read.out, read.paths, isSafe, claims);
  return scanOf(read, claims.stats);
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
 * `digest`, when the write made it from the manifest text it wrote, is taken as it is.
 */
export function outputAfterWrite(
  outDir: string,
  manifest: ReadonlyMap<string, ManifestEntry>,
  fresh: ReadonlySet<string>,
  before: Pick<OutputState, 'paths' | 'hints'>,
  digest: string | null = null,
): { readonly digest: string; readonly hints: OutputHints } {
  const out = path.resolve(outDir);
  const at = new Map(before.paths.map((rel, i) => [rel, i]));
  // The order of the manifest as `manifestText` writes it, which the next build's scan reads.
  const paths = [...manifest.keys()].sort();
  const hints = noHints(paths.length);
  paths.forEach((rel, i) => {
    const entry = manifest.get(rel)!;
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
  return { digest: digest ?? manifestDigest(manifest), hints };
}
