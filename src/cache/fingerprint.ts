import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * A hash of every file below the given folders (relative names and bytes, in sorted order), or
 * of single files: what a cache entry made by code, templates or data tables depends on. No
 * absolute path or file time enters it, so a cache restored elsewhere still matches.
 */
export async function fingerprintFiles(roots: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const root of roots) {
    const files = await listFiles(root);
    hash.update(`root ${path.basename(root)} ${files.length}\n`);
    for (const rel of files) {
      hash.update(`${rel}\n`);
      // A hundred small files on every build, even one that finds nothing changed: synchronous
      // reads cost a fraction of promise-wrapped ones, each of which waits for the thread pool.
      hash.update(readOrMissing(path.join(root, rel)));
    }
  }
  return hash.digest('base64url').slice(0, 32);
}

function readOrMissing(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    return Buffer.from('(missing)');
  }
}

/** Files below `root`, relative, sorted; `['']` when root is a file; none when it is missing. */
async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOTDIR') return null;
    return [];
  });
  if (entries === null) return [''];
  return entries
    .filter((e) => e.isFile() && !e.name.endsWith('.map') && !e.name.endsWith('.tsbuildinfo'))
    .map((e) => path.relative(root, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)).split(path.sep).join('/'))
    .sort();
}
