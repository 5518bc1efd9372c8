import fg from 'fast-glob';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SeedFile } from '../model/types.js';
import { defaultDecodeLimits } from '../parse/decode-seed.js';
import { BuildError } from '../errors.js';

/** The seed files of a folder, in path order, read as bytes. */
export interface DiscoveredSeeds {
  readonly seeds: readonly SeedFile[];
}

/**
 * Finds every `*.txt` and `*.md` seed below `seedsDir` (sorted by path, so builds never depend on the
 * file system's order) and reads its bytes. A file over the size limit is read only up to the
 * limit plus one byte, which is enough for the parser to report it.
 */
export async function discoverSeeds(seedsDir: string, maxBytes = defaultDecodeLimits.maxFileBytes): Promise<DiscoveredSeeds> {
  const info = await stat(seedsDir).catch(() => null);
  if (!info?.isDirectory()) {
    throw new BuildError(`seeds folder "${seedsDir}" does not exist or is not a folder`, 'pass --seeds DIR naming a folder of .txt seed files');
  }
  const paths = (await fg('**/*.{txt,md}', { cwd: seedsDir, onlyFiles: true, dot: false, followSymbolicLinks: false })).sort();
  const seeds: SeedFile[] = [];
  for (const rel of paths) {
    const handle = await open(path.join(seedsDir, rel), 'r');
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
      seeds.push({ path: rel.split(path.sep).join('/'), bytes: bytes.subarray(0, read) });
    } finally {
      await handle.close();
    }
  }
  return { seeds };
}
