import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
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
      hash.update(await readFile(path.join(root, rel)).catch(() => Buffer.from('(missing)')));
    }
  }
  return hash.digest('base64url').slice(0, 32);
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
