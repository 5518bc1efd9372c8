import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { decodePack, encodePack } from './pack-file.js';

/**
 * A map of cache entries kept on disk as a few pack files: `<name>-<n>.pack` segments, each
 * holding the entries one build added. Loading reads every segment (later ones win); saving
 * writes one new segment with this build's new entries, and folds all segments into one holding
 * only the entries this build used once they pile up. A pack that cannot be read is dropped with
 * a warning and its entries are recomputed.
 */
export interface PackStore<V> {
  /** The value of a key, marking the key as used by this build. */
  get(key: string): V | undefined;
  /** Records a value made by this build. */
  set(key: string, value: V): void;
  /** Writes this build's new entries (and compacts); no-op when nothing was added or compacting is not due. */
  save(): Promise<void>;
  /** Counts for the build summary. */
  readonly stats: { hits: number; misses: number };
}

/** Segments past this count are folded into one (unless the store asks for fewer). */
const defaultMaxSegments = 8;

/**
 * Opens the store `name` in `dir`, reading its packs; problems go to `warn`. `maxSegments` bounds
 * how many segments pile up before they are folded into one holding the entries this build used:
 * a store whose every build adds a large entry (the build state) keeps it low, so that a build
 * never reads many old copies.
 */
export async function openPackStore<V>(dir: string, name: string, warn: (message: string) => void, maxSegments = defaultMaxSegments): Promise<PackStore<V>> {
  const entries = new Map<string, V>();
  const used = new Set<string>();
  const added = new Map<string, V>();
  const stats = { hits: 0, misses: 0 };
  const segmentNumber = (f: string): number => {
    const middle = f.startsWith(`${name}-`) && f.endsWith('.pack') ? f.slice(name.length + 1, -'.pack'.length) : '';
    return /^\d{1,9}$/.test(middle) ? Number(middle) : NaN;
  };
  const segments = ((await readdir(dir).catch(() => [])) as string[])
    .map((f) => ({ f, n: segmentNumber(f) }))
    .filter((s) => Number.isFinite(s.n))
    .sort((a, b) => a.n - b.n);
  const live: string[] = [];
  for (const { f } of segments) {
    const file = path.join(dir, f);
    const bytes = await readFile(file).catch(() => null);
    const decoded = bytes === null ? { problem: 'unreadable' } : decodePack(bytes);
    if ('problem' in decoded || !(decoded.value instanceof Map)) {
      warn(`cache pack ${file} is ${'problem' in decoded ? decoded.problem : 'not a map'}: dropped, its entries will be recomputed`);
      await rm(file, { force: true });
      continue;
    }
    for (const [k, v] of decoded.value as Map<string, V>) entries.set(k, v);
    live.push(f);
  }
  const next = segments.length === 0 ? 1 : segments.at(-1)!.n + 1;
  const writeAtomic = async (file: string, value: Map<string, V>): Promise<void> => {
    await mkdir(dir, { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    const handle = await open(tmp, 'w');
    try {
      // writeFile on a handle writes all of a part from the current position: parts follow each other.
      for (const part of encodePack(value)) await handle.writeFile(part);
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  };
  return {
    stats,
    get(key) {
      const v = entries.get(key);
      if (v === undefined) stats.misses++;
      else {
        stats.hits++;
        used.add(key);
      }
      return v;
    },
    set(key, value) {
      entries.set(key, value);
      added.set(key, value);
      used.add(key);
    },
    async save() {
      const stale = entries.size - used.size;
      // Entries no build uses any more (an upgrade of dateline or its tables changes every key) are
      // dropped once they are a third of what is read: reading them costs every later build.
      if (live.length + 1 > maxSegments || (stale * 2 > used.size && stale > 1000)) {
        const kept = new Map<string, V>();
        for (const k of used) kept.set(k, entries.get(k)!);
        await writeAtomic(path.join(dir, `${name}-${next}.pack`), kept);
        for (const f of live) await rm(path.join(dir, f), { force: true });
        return;
      }
      if (added.size > 0) await writeAtomic(path.join(dir, `${name}-${next}.pack`), added);
    },
  };
}
