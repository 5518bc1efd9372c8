import { createHash } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RenderedFile } from '../model/types.js';
import { BuildError } from '../errors.js';
import { createTaskPool } from '../task-pool.js';

/** What a write did: files written anew and files carried over unchanged from the last build. */
export interface WriteStats {
  readonly written: number;
  readonly unchanged: number;
}

/**
 * True when a relative output path stays inside the output folder: no `..`, no absolute path,
 * no backslash, NUL, percent-escape or bidi control, whatever a seed or its front matter said.
 */
export function isSafeOutputPath(rel: string): boolean {
  // \p{Cc}: NUL and every other control (newlines, tabs, C1); \p{Bidi_Control}: all of them, LRM,
  // RLM and ALM included; U+2028/2029: line and paragraph separators.
  if (rel === '' || rel.startsWith('/') || /[\\%\p{Cc}\p{Bidi_Control}\u2028\u2029]/u.test(rel)) return false;
  return rel.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/**
 * The manifest dateline writes into every output folder: the hash of each file it wrote. It
 * marks the folder as dateline's to replace, and tells unchanged files without reading them.
 */
export const manifestName = '.dateline-manifest.json';

interface Manifest {
  readonly generator: 'dateline';
  readonly files: Record<string, string>;
}

/** Options of a site write. */
export interface WriteOptions {
  /** Folders the output folder must not be, nor contain (the seeds, the project). */
  readonly protect: readonly string[];
  /** Files written at once (default 32). */
  readonly concurrency: number;
  /** Paths carried over unchanged from the previous output (each must be intact there); `files` then holds only new or changed files. */
  readonly keep?: ReadonlySet<string>;
}

/** What the last build left in the output folder: its manifest's hashes and the files still there as written. */
export interface OutputState {
  readonly files: ReadonlyMap<string, string>;
  readonly intact: ReadonlySet<string>;
}

/** Reads the output folder's manifest and checks that each file it lists is still a regular file. */
export async function inspectOutput(outDir: string): Promise<OutputState> {
  const out = path.resolve(outDir);
  const manifest = await readFile(path.join(out, manifestName), 'utf8').then((t) => JSON.parse(t) as Manifest, () => null);
  const files = new Map<string, string>(manifest?.generator === 'dateline' && typeof manifest.files === 'object' ? Object.entries(manifest.files) : []);
  const intact = new Set<string>();
  // Thousands of tiny stat calls: synchronous ones cost a fraction of promise-wrapped ones.
  for (const rel of files.keys()) {
    if (!isSafeOutputPath(rel)) continue;
    const info = lstatSync(path.join(out, rel), { throwIfNoEntry: false });
    if (info?.isFile()) intact.add(rel);
  }
  return { files, intact };
}

/**
 * Refuses an output folder that would destroy something: one that is or holds a protected
 * folder (`--out .` next to the seeds), or an existing, non-empty folder that dateline did not
 * write (no manifest). Returns the previous build's manifest, or null.
 */
async function checkOutput(out: string, protect: readonly string[]): Promise<Manifest | null> {
  for (const p of protect.map((x) => path.resolve(x))) {
    if (p === out || p.startsWith(`${out}${path.sep}`) || out === path.parse(out).root) {
      throw new BuildError(`refusing to write the archive to "${out}": it would replace ${p === out ? 'that folder' : `"${p}"`}`, 'choose an output folder of its own with --out, such as dist');
    }
  }
  const entries = await readdir(out).catch(() => null);
  if (entries === null || entries.length === 0) return null;
  const manifest = await readFile(path.join(out, manifestName), 'utf8').then(
    (text) => JSON.parse(text) as Manifest,
    () => null,
  );
  if (manifest?.generator === 'dateline' && typeof manifest.files === 'object') return manifest;
  // A build from before the manifest existed still left its report: that folder is ours too.
  const report = await readFile(path.join(out, 'data', 'report.json'), 'utf8').then(
    (text) => JSON.parse(text) as unknown,
    () => null,
  );
  const isReport = typeof report === 'object' && report !== null && 'problems' in report && 'articles' in report && 'files' in report;
  if (!isReport) {
    throw new BuildError(`refusing to replace "${out}": it holds files that dateline did not write`, 'choose an empty or new folder with --out, or delete this one first');
  }
  return null;
}

/**
 * Puts the output folder back in order before a build reads it: a site a killed build left only
 * as `.<out>.old-<pid>` (killed between its two renames) is renamed back, and stale staging and
 * retired folders are removed.
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
}

/**
 * Writes the archive so that `outDir` is never half-written: files go to a staging folder
 * beside it (same file system), files whose bytes did not change are hard-linked from the last
 * build instead of rewritten, and the staging folder is swapped in by rename. `files` may be a
 * stream, so a large archive is never held in memory whole. A build that fails
 * or is killed leaves the previous `outDir` as it was; stale staging folders are removed first.
 */
export async function writeSite(
  outDir: string,
  files: Iterable<RenderedFile> | AsyncIterable<RenderedFile>,
  options: Partial<WriteOptions> = {},
): Promise<WriteStats> {
  const { protect = [], concurrency = 32, keep = new Set<string>() } = options;
  const out = path.resolve(outDir);
  const parent = path.dirname(out);
  const base = path.basename(out);
  await mkdir(parent, { recursive: true });
  await recoverOutput(out);
  const previousManifest = await checkOutput(out, protect);
  const hashes: Record<string, string> = Object.create(null);
  const staging = path.join(parent, `.${base}.staging-${process.pid}`);
  await mkdir(staging);
  let written = 0;
  let unchanged = 0;
  const seen = new Set<string>();
  const made = new Map<string, Promise<unknown>>();
  const writeOne = async (file: RenderedFile): Promise<void> => {
    const target = path.join(staging, file.path);
    const dir = path.dirname(target);
    let ready = made.get(dir);
    if (!ready) {
      ready = mkdir(dir, { recursive: true });
      made.set(dir, ready);
    }
    await ready;
    const bytes = typeof file.contents === 'string' ? Buffer.from(file.contents, 'utf8') : Buffer.from(file.contents);
    const previous = path.join(out, file.path);
    const hash = createHash('sha256').update(bytes).digest('base64url');
    hashes[file.path] = hash;
    // The last build's manifest says which files are unchanged: link them, read nothing back.
    const same = previousManifest?.files[file.path] === hash;
    if (same && (await link(previous, target).then(() => true, () => false))) {
      unchanged++;
    } else {
      await writeFile(target, bytes);
      written++;
    }
  };
  // A bounded number of writes in flight: fast on many small files, flat in memory.
  const pool = createTaskPool(concurrency);
  for await (const file of files) {
    if (!isSafeOutputPath(file.path)) {
      throw new BuildError(`refusing to write "${file.path}": it would land outside the output folder`, 'report this: every output path is planned by dateline itself');
    }
    if (seen.has(file.path)) {
      throw new BuildError(`two pages would be written to "${file.path}"`, 'report this: slugs and paths are meant to be unique');
    }
    seen.add(file.path);
    await pool.add(() => writeOne(file));
  }
  await pool.drain();
  for (const rel of keep) {
    if (seen.has(rel)) continue;
    const hash = previousManifest?.files[rel];
    if (hash === undefined || !isSafeOutputPath(rel)) throw new BuildError(`cannot keep "${rel}": the last build did not write it`, 'rebuild without the cache (--no-cache)');
    await pool.add(async () => {
      const target = path.join(staging, rel);
      const dir = path.dirname(target);
      let ready = made.get(dir);
      if (!ready) {
        ready = mkdir(dir, { recursive: true });
        made.set(dir, ready);
      }
      await ready;
      await link(path.join(out, rel), target);
      hashes[rel] = hash;
      unchanged++;
    });
  }
  await pool.drain();
  const sorted = Object.fromEntries(Object.keys(hashes).sort().map((k) => [k, hashes[k]!]));
  await writeFile(path.join(staging, manifestName), `${JSON.stringify({ generator: 'dateline', files: sorted } satisfies Manifest, null, 1)}\n`);
  const retired = path.join(parent, `.${base}.old-${process.pid}`);
  const hadPrevious = await rename(out, retired).then(() => true, () => false);
  await rename(staging, out);
  if (hadPrevious) await rm(retired, { recursive: true, force: true });
  return { written, unchanged };
}
