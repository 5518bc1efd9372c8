/**
 * What an output folder holds, file by file (inode and size), so that the files a build wrote
 * can be told from the ones it kept: a written file has a new inode, a kept or hard-linked one
 * has the old one.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Relative path → inode and size; empty for a missing folder. */
export type OutputSnapshot = ReadonlyMap<string, { readonly ino: number; readonly size: number }>;

/** Totals of a folder or of the files a build wrote. */
export interface FileTotals {
  readonly files: number;
  readonly bytes: number;
}

/** Every file below `dir` with its inode and size. */
export function snapshotOutput(dir: string): OutputSnapshot {
  const out = new Map<string, { ino: number; size: number }>();
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const st = statSync(file);
    out.set(path.relative(dir, file), { ino: st.ino, size: st.size });
  }
  return out;
}

/** The files of `after` that are not the same inode as in `before` (all of them when `before` is empty). */
export function writtenSince(before: OutputSnapshot, after: OutputSnapshot): FileTotals {
  let files = 0;
  let bytes = 0;
  for (const [rel, now] of after) {
    if (before.get(rel)?.ino === now.ino) continue;
    files++;
    bytes += now.size;
  }
  return { files, bytes };
}
