import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/**
 * Watches the given folders (recursively) and files (through their folder, since editors
 * replace a file rather than write it) and calls `onChange` once per burst of changes, after
 * `quietMs` without another. Paths that do not exist are skipped. Returns a function that stops
 * every watcher and the pending call.
 */
export function watchInputs(paths: readonly string[], onChange: () => void, quietMs = 150): () => void {
  let timer: NodeJS.Timeout | undefined;
  const changed = (): void => {
    clearTimeout(timer);
    timer = setTimeout(onChange, quietMs);
  };
  const watchers: FSWatcher[] = [];
  for (const p of new Set(paths.map((p) => path.resolve(p)))) {
    if (existsSync(p) && statSync(p).isDirectory()) {
      watchers.push(watch(p, { recursive: true }, changed));
      continue;
    }
    const folder = path.dirname(p);
    if (!existsSync(folder)) continue;
    const name = path.basename(p);
    watchers.push(watch(folder, (_event, file) => {
      if (file === null || file.toString() === name) changed();
    }));
  }
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
