import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { manifestName, manifestText, type ManifestEntry } from './output-manifest.js';

/** Names of the pending folder and the journal inside an output folder that cannot have them beside it (a mount point). */
export const pendingDir = '.dateline-pending';
export const journalName = '.dateline-journal.json';

/**
 * Where an in-place commit keeps its new files and its journal (the commit point: present,
 * whole and checksummed means "roll forward"). Beside the output folder, so a killed build
 * leaves the folder itself untouched; inside it only when it is a mount point, since a file
 * must be renamed onto its target within one file system.
 */
export interface JournalPlace {
  readonly pending: string;
  readonly journal: string;
}

/** The places of an output folder's pending files and journal: beside it, or inside it (`inside`). */
export function journalPlace(out: string, inside: boolean): JournalPlace {
  if (inside) return { pending: path.join(out, pendingDir), journal: path.join(out, journalName) };
  const parent = path.dirname(out);
  const base = path.basename(out);
  return { pending: path.join(parent, `.${base}.pending`), journal: path.join(parent, `.${base}.journal.json`) };
}

/** What an in-place commit will do, decided before it touches a single target. */
export interface Journal {
  /** Pending file name (inside `pendingDir`) → target path. */
  readonly moves: ReadonlyArray<readonly [string, string]>;
  /** Paths the commit removes. */
  readonly deletions: readonly string[];
  /**
   * The manifest of the folder once committed, as the text to write (a journal written by an
   * earlier dateline holds it as an object of entries instead, and is still carried out).
   */
  readonly manifest: string | Readonly<Record<string, ManifestEntry>>;
}

const sum = (body: string): string => createHash('sha256').update(body).digest('hex');

/**
 * Writes the journal durably (temp file, fsync, rename): from here on the commit is decided and
 * any later build finishes it. Before this point, the output folder is untouched.
 */
export async function writeJournal(place: JournalPlace, journal: Journal): Promise<void> {
  const body = JSON.stringify(journal);
  const tmp = `${place.journal}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(`${sum(body)}\n${body}`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, place.journal);
}

/** A journal left in the output folder, or null when there is none or it is incomplete (then nothing was committed). */
async function readJournal(place: JournalPlace): Promise<Journal | null> {
  const text = await readFile(place.journal, 'utf8').catch(() => null);
  if (text === null) return null;
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  if (newline < 0 || text.slice(0, newline) !== sum(body)) return null;
  return JSON.parse(body) as Journal;
}

/**
 * Carries out a written journal: moves each pending file onto its target (a rename, so a reader
 * sees the old page or the new one, never half of one), removes the deleted paths, writes the
 * manifest, then drops the journal and the pending folder. Safe to run again after a kill: a
 * move whose pending file is gone was done already.
 */
export async function applyJournal(out: string, place: JournalPlace, journal: Journal): Promise<void> {
  const made = new Set<string>();
  for (const [pending, target] of journal.moves) {
    const to = path.join(out, target);
    const dir = path.dirname(to);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    await rename(path.join(place.pending, pending), to).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  for (const rel of journal.deletions) {
    await rm(path.join(out, rel), { force: true });
    // Folders left empty go too (an article's folder), up to the output folder.
    for (let dir = path.dirname(rel); dir !== '.' && dir !== ''; dir = path.dirname(dir)) {
      if (!(await rmdir(path.join(out, dir)).then(() => true, () => false))) break;
    }
  }
  const text = typeof journal.manifest === 'string' ? journal.manifest : manifestText(new Map(Object.entries(journal.manifest)));
  const tmp = path.join(out, `${manifestName}.tmp`);
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  await rename(tmp, path.join(out, manifestName));
  await rm(place.journal, { force: true });
  await rm(place.pending, { recursive: true, force: true });
}

/**
 * Finishes or undoes an in-place commit that a killed build left: a whole journal is rolled
 * forward; pending files without one (killed before the commit point) are removed, leaving the
 * folder as the last build wrote it. Looks beside the folder and inside it.
 */
export async function recoverJournal(out: string): Promise<'none' | 'rolled-forward' | 'rolled-back'> {
  let result: 'none' | 'rolled-forward' | 'rolled-back' = 'none';
  for (const place of [journalPlace(out, false), journalPlace(out, true)]) {
    const journal = await readJournal(place);
    if (journal) {
      await applyJournal(out, place, journal);
      result = 'rolled-forward';
      continue;
    }
    const left = await stat(place.pending).then(() => true, () => false);
    await Promise.all([rm(place.journal, { force: true }), rm(`${place.journal}.tmp`, { force: true }), rm(place.pending, { recursive: true, force: true })]);
    if (left && result === 'none') result = 'rolled-back';
  }
  return result;
}
