import { linkSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RenderedFile } from '../model/types.js';
import { BuildError } from '../errors.js';
import { contentHash, inspectOutput, manifestName, manifestText, manifestTextDigest, readManifest, type ManifestEntry, type OutputState } from '../output/output-manifest.js';
import { applyJournal, journalName, journalPlace, pendingDir, recoverJournal, writeJournal } from '../output/output-journal.js';

export { inspectOutput, manifestName, type OutputState };

/** What a write did: files written anew, carried over unchanged from the last build, and deleted; and how it committed. */
export interface WriteStats {
  readonly written: number;
  readonly unchanged: number;
  readonly deleted: number;
  readonly mode: 'swap' | 'in-place';
}

/** What `writeSite` did, and what it left: the output's new manifest and the files it wrote. */
export interface WriteResult extends WriteStats {
  /** The manifest the output now holds. */
  readonly manifest: ReadonlyMap<string, ManifestEntry>;
  /** The files this build wrote (all others were left or linked as they were: same inode and time). */
  readonly fresh: ReadonlySet<string>;
  /** The digest of the manifest text it wrote (see `manifestDigest`); null when it left the manifest as it was. */
  readonly digest: string | null;
}

/**
 * True when a relative output path stays inside the output folder: no `..`, no absolute path,
 * no backslash, NUL, percent-escape or bidi control, whatever a seed or its front matter said.
 */
export function isSafeOutputPath(rel: string): boolean {
  // \p{Cc}: NUL and every other control (newlines, tabs, C1); \p{Bidi_Control}: all of them, LRM,
  // RLM and ALM included; U+2028/2029: line and paragraph separators. The paths a build writes
  // are plain ASCII, checked first without the (slower) Unicode classes: every build checks
  // each of the output's files.
  if (rel === '' || rel.startsWith('/')) return false;
  if (!/^[A-Za-z0-9._/-]+$/.test(rel) && /[\\%\p{Cc}\p{Bidi_Control}\u2028\u2029]/u.test(rel)) return false;
  return rel.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** Options of a site write. */
export interface WriteOptions {
  /** Folders the output folder must not be, nor contain (the seeds, the project). */
  readonly protect: readonly string[];
  /** Folders the output folder must not be inside either (the seeds: later builds would read it back). */
  readonly outside: readonly string[];
  /**
   * Paths carried over unchanged from the previous output (each must be intact there); `files`
   * then holds only new or changed files, and every other previous path is deleted.
   */
  readonly keep?: ReadonlySet<string>;
  /**
   * The previous output as `inspectOutput` found it, this build, holding the output lock
   * (inspected here when not given); a manifest in it marks the folder as dateline's.
   */
  readonly previous?: OutputState;
}

/** Changed and deleted files up to this share of the site are committed in place, with a journal. */
const inPlaceShare = 0.25;

/**
 * Refuses an output folder that would destroy something: a file, one that is or holds a
 * protected folder (`--out .` next to the seeds, `--out` inside the seeds), or an existing,
 * non-empty folder that dateline did not write (no manifest).
 */
async function checkOutput(out: string, protect: readonly string[], outside: readonly string[], manifestFound = false): Promise<void> {
  for (const p of protect.map((x) => path.resolve(x))) {
    if (p === out || p.startsWith(`${out}${path.sep}`) || out === path.parse(out).root) {
      throw new BuildError(`refusing to write the archive to "${out}": it would replace ${p === out ? 'that folder' : `"${p}"`}`, 'choose an output folder of its own with --out, such as dist');
    }
  }
  for (const p of outside.map((x) => path.resolve(x))) {
    if (out.startsWith(`${p}${path.sep}`)) {
      throw new BuildError(`refusing to write the archive to "${out}": it is inside the seeds folder "${p}", so later builds would read it back as seeds`, 'choose an output folder outside the seeds, such as dist');
    }
  }
  const info = await lstat(out).catch(() => null);
  if (info && !info.isDirectory() && !info.isSymbolicLink()) {
    throw new BuildError(`refusing to write the archive to "${out}": it is a file, not a folder`, 'choose an output folder with --out, such as dist');
  }
  const entries = await readdir(out).catch(() => null);
  if (entries === null || entries.length === 0) return;
  // A manifest this build already read (`previous`, under the output lock) need not be read again.
  if (manifestFound || (await readManifest(out))) return;
  // A build from before the manifest existed still left its report: that folder is ours too.
  const report = await readFile(path.join(out, 'data', 'report.json'), 'utf8').then(
    (text) => JSON.parse(text) as unknown,
    () => null,
  );
  const isReport = typeof report === 'object' && report !== null && 'problems' in report && 'articles' in report && 'files' in report;
  if (!isReport) {
    throw new BuildError(`refusing to replace "${out}": it holds files that dateline did not write`, 'choose an empty or new folder with --out, or delete this one first');
  }
}

/**
 * Puts the output folder back in order before a build reads it: a site a killed build left only
 * as `.<out>.old-<pid>` (killed between its two renames) is renamed back, stale staging and
 * retired folders are removed, and an interrupted in-place commit is finished or undone. Call it
 * holding the output lock.
 */
export async function recoverOutput(outDir: string): Promise<void> {
  const out = path.resolve(outDir);
  const parent = path.dirname(out);
  const base = path.basename(out);
  if (!(await stat(parent).then((i) => i.isDirectory(), () => false))) return;
  // A build killed between its two renames below leaves the previous site only as `.old-<pid>`:
  // put it back before anything else, so it is never deleted as stale nor lost if this build fails.
  const retiredBefore = (await readdir(parent)).filter((e) => e.startsWith(`.${base}.old-`)).sort();
  if (retiredBefore.length > 0 && !(await stat(out).then(() => true, () => false))) {
    await rename(path.join(parent, retiredBefore.at(-1)!), out);
  }
  for (const entry of await readdir(parent)) {
    if (entry.startsWith(`.${base}.staging-`) || entry.startsWith(`.${base}.old-`)) {
      await rm(path.join(parent, entry), { recursive: true, force: true });
    }
  }
  // An in-place commit a killed build left: finished if its journal was written, else undone.
  if (await stat(out).then((i) => i.isDirectory(), () => false)) await recoverJournal(out);
}

/**
 * Writes the archive so that `outDir` is never left broken. Two ways, chosen by the size of the
 * change:
 * - **swap**: files go to a staging folder beside the output (same file system), files carried
 *   over or with unchanged bytes are hard-linked from the last build, and the staging folder is
 *   swapped in by rename. A failed or killed build leaves the previous folder as it was.
 * - **in place**, when `keep` is given and the changed and deleted files are few: new files are
 *   written into a pending folder inside the output, a journal of the moves and deletions is
 *   made durable (the commit point), then applied. A build killed before the commit point leaves
 *   the old site; one killed after it leaves a journal the next build finishes.
 * Only files that are intact (see `inspectOutput`) are ever carried over or linked. `files` may be
 * a stream, so a large archive is never held in memory whole.
 */
export async function writeSite(
  outDir: string,
  files: Iterable<RenderedFile> | AsyncIterable<RenderedFile>,
  options: Partial<WriteOptions> = {},
): Promise<WriteResult> {
  const { protect = [], outside = [], keep } = options;
  const requested = path.resolve(outDir);
  const parent = path.dirname(requested);
  await mkdir(parent, { recursive: true });
  const manifestFound = (options.previous?.files.size ?? 0) > 0;
  await checkOutput(requested, protect, outside, manifestFound);
  // An output folder that is a symbolic link stays one: the archive is written where it points.
  const linked = await lstat(requested).then((i) => i.isSymbolicLink(), () => false);
  const out = linked ? await realpath(requested) : requested;
  if (linked) await checkOutput(out, protect, outside, manifestFound);
  await recoverOutput(out);
  const previous = options.previous ?? (await inspectOutput(out, isSafeOutputPath));
  // A mount point or a linked folder cannot be swapped by rename: it is always written in place.
  const fixed = linked || (await isMountPoint(out));
  try {
    if (keep || fixed) return await writeInPlace(out, files, { keep: keep ?? new Set(), previous, fixed });
    return await writeBySwap(out, files, previous);
  } catch (error) {
    if (error instanceof BuildError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
      const what = { ENOSPC: 'the disk is full', EDQUOT: 'the disk quota is used up', EROFS: 'the file system is read-only', EACCES: 'permission was denied', EPERM: 'the operation was not permitted' }[code];
      throw new BuildError(`writing the archive to "${outDir}" failed: ${what} (${code}); the previous archive was left as it was`, 'free some space or fix the permissions, then build again', { cause: error });
    }
    throw error;
  }
}

async function isMountPoint(out: string): Promise<boolean> {
  const [own, above] = await Promise.all([stat(out).catch(() => null), stat(path.dirname(out)).catch(() => null)]);
  return own !== null && above !== null && own.dev !== above.dev;
}

/**
 * Puts a finished staging folder in place of the output: the old folder is renamed aside
 * (`.<out>.old-<pid>`, which `recoverOutput` restores if this process dies here), the staging
 * folder renamed in, and the old one removed.
 */
async function swapIn(out: string, staging: string): Promise<void> {
  const retired = path.join(path.dirname(out), `.${path.basename(out)}.old-${process.pid}`);
  const hadPrevious = await rename(out, retired).then(() => true, () => false);
  await rename(staging, out);
  if (hadPrevious) await rm(retired, { recursive: true, force: true });
}

/** Makes each folder once, however many files land in it. */
function folderMaker(): (dir: string) => void {
  const made = new Set<string>();
  return (dir) => {
    if (made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  };
}

/**
 * Checks each streamed file's path and hands the file to `take`. Files are written with
 * synchronous calls: on a local disk one costs a few microseconds, where a promise-wrapped
 * open, write and close cost five times the CPU (11,000 pages on tmpfs: 0.7 s against 2.8-3.8 s),
 * CPU the render thread needs on the other core.
 */
async function forEachFile(files: Iterable<RenderedFile> | AsyncIterable<RenderedFile>, take: (file: RenderedFile, bytes: Buffer) => void): Promise<Set<string>> {
  const seen = new Set<string>();
  for await (const file of files) {
    if (!isSafeOutputPath(file.path) || file.path === manifestName || file.path.startsWith(`${pendingDir}/`) || file.path === journalName) {
      throw new BuildError(`refusing to write "${file.path}": it would land outside the output folder`, 'report this: every output path is planned by dateline itself');
    }
    if (seen.has(file.path)) {
      throw new BuildError(`two pages would be written to "${file.path}"`, 'report this: slugs and paths are meant to be unique');
    }
    seen.add(file.path);
    // A byte array is wrapped, not copied (a page from the render thread arrives as bytes).
    const bytes = typeof file.contents === 'string' ? Buffer.from(file.contents, 'utf8') : Buffer.from(file.contents.buffer, file.contents.byteOffset, file.contents.byteLength);
    take(file, bytes);
  }
  return seen;
}

/** The swap: a whole new folder beside the output, unchanged files hard-linked, renamed into place. */
async function writeBySwap(out: string, files: Iterable<RenderedFile> | AsyncIterable<RenderedFile>, previous: OutputState): Promise<WriteResult> {
  const parent = path.dirname(out);
  const base = path.basename(out);
  const staging = path.join(parent, `.${base}.staging-${process.pid}`);
  await mkdir(staging);
  try {
    const entries = new Map<string, ManifestEntry>();
    let unchanged = 0;
    const fresh = new Set<string>();
    const folder = folderMaker();
    await forEachFile(files, (file, bytes) => {
      const target = path.join(staging, file.path);
      folder(path.dirname(target));
      const hash = contentHash(bytes);
      // An intact file with the same bytes is linked from the last build, never read back.
      if (previous.files.get(file.path) === hash && previous.intact.has(file.path) && linked(path.join(out, file.path), target)) {
        unchanged++;
      } else {
        writeFileSync(target, bytes);
        fresh.add(file.path);
      }
      entries.set(file.path, { hash, size: bytes.length });
    });
    const text = manifestText(entries);
    await writeFile(path.join(staging, manifestName), text);
    await swapIn(out, staging);
    return { written: fresh.size, unchanged, deleted: [...previous.files.keys()].filter((p) => !entries.has(p)).length, mode: 'swap', manifest: entries, fresh, digest: manifestTextDigest(text) };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The incremental write: new and changed files go into a pending folder inside the output (same
 * file system as their targets). A small change is then committed in place through a durable
 * journal; a large one (or a first build) is assembled beside the output, kept files hard-linked
 * and pending files moved in, and swapped in by rename. A folder that cannot be swapped (a mount
 * point, a linked folder) is always committed in place.
 */
async function writeInPlace(
  out: string,
  files: Iterable<RenderedFile> | AsyncIterable<RenderedFile>,
  options: { keep: ReadonlySet<string>; previous: OutputState; fixed: boolean },
): Promise<WriteResult> {
  const { keep, previous } = options;
  await mkdir(out, { recursive: true });
  const place = journalPlace(out, options.fixed && (await isMountPoint(out)));
  const pending = place.pending;
  await rm(pending, { recursive: true, force: true });
  await mkdir(pending);
  try {
    const carried = (rel: string): ManifestEntry => previous.entries.get(rel)!;
    // A Map, not an object: 10,000 paths would make an object a slow dictionary.
    const manifest = new Map<string, ManifestEntry>();
    const moves: Array<[string, string]> = [];
    let unchanged = 0;
    const written = await forEachFile(files, (file, bytes) => {
      const hash = contentHash(bytes);
      if (previous.files.get(file.path) === hash && previous.intact.has(file.path)) {
        manifest.set(file.path, carried(file.path));
        unchanged++;
        return;
      }
      const name = String(moves.length);
      moves.push([name, file.path]);
      manifest.set(file.path, { hash, size: bytes.length });
      writeFileSync(path.join(pending, name), bytes);
    });
    // `keep` fills up while the stream renders (a page is kept instead of rendered): read it after.
    for (const rel of keep) {
      if (written.has(rel)) continue;
      if (!previous.intact.has(rel)) throw new BuildError(`cannot keep "${rel}": it is not in the output as the last build wrote it`, 'rebuild without the cache (--no-cache)');
      manifest.set(rel, carried(rel));
      unchanged++;
    }
    const deletions = previous.paths.filter((p) => !manifest.has(p) && isSafeOutputPath(p)).sort();
    const sorted = new Map([...manifest.keys()].sort().map((k) => [k, manifest.get(k)!]));
    const stats = { written: moves.length, unchanged, deleted: deletions.length, manifest: sorted, fresh: new Set(moves.map(([, target]) => target)) };
    if (moves.length === 0 && deletions.length === 0 && previous.files.size > 0) {
      await rm(pending, { recursive: true, force: true });
      return { ...stats, mode: 'in-place', digest: null };
    }
    // The manifest's text, made once: written, and its digest kept for the next build.
    const text = manifestText(sorted);
    if (options.fixed || smallChange(moves.length + deletions.length, sorted.size)) {
      const journal = { moves, deletions, manifest: text };
      await writeJournal(place, journal);
      await applyJournal(out, place, journal);
      return { ...stats, mode: 'in-place', digest: manifestTextDigest(text) };
    }
    await swapAssembled(out, sorted, text, moves, pending);
    return { ...stats, mode: 'swap', digest: manifestTextDigest(text) };
  } finally {
    await rm(pending, { recursive: true, force: true });
  }
}

/** Builds the new folder beside the output from kept files (hard links) and pending ones (moved), and swaps it in. */
async function swapAssembled(out: string, manifest: ReadonlyMap<string, ManifestEntry>, text: string, moves: ReadonlyArray<readonly [string, string]>, pending: string): Promise<void> {
  const parent = path.dirname(out);
  const base = path.basename(out);
  const staging = path.join(parent, `.${base}.staging-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging);
  try {
    const folder = folderMaker();
    const moved = new Map(moves.map(([name, target]) => [target, name]));
    for (const rel of manifest.keys()) {
      const target = path.join(staging, rel);
      folder(path.dirname(target));
      const name = moved.get(rel);
      if (name === undefined) linkSync(path.join(out, rel), target);
      else renameSync(path.join(pending, name), target);
    }
    await writeFile(path.join(staging, manifestName), text);
    await swapIn(out, staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Hard-links `from` as `to`; false when it cannot (another file system, a vanished file). */
function linked(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/** Whether a change of `changed` files out of `total` is small enough to commit in place. */
export function smallChange(changed: number, total: number): boolean {
  return total > 0 && changed <= Math.max(50, total * inPlaceShare);
}
