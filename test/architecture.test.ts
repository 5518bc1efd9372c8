/**
 * The folder tree tells the pipeline (DEVELOPERS.md, README "Architecture"): the helper rooms a
 * stage calls (parse, enrich, views, search) do not reach into each other, and the text helpers
 * they share (src/text/) import from none of them. A new cross-room import fails here: give the
 * helper it needs a home in src/text/ instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = new URL('../src/', import.meta.url).pathname;
const rooms = ['parse', 'enrich', 'views', 'search', 'text'] as const;

/** Every `from '…'` of the TypeScript files below a room, as [file, the room it imports from]. */
function importsOf(room: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const e of readdirSync(path.join(src, room), { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.ts')) continue;
    const file = path.join(e.parentPath, e.name);
    for (const m of readFileSync(file, 'utf8').matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g)) {
      const target = path.relative(src, path.resolve(path.dirname(file), m[1]!)).split(path.sep).join('/');
      // Files at the top of src/ (config, errors) and the one way threads start are shared by all.
      const shared = !target.includes('/') || target === 'workers/start-worker.js';
      found.push([path.relative(src, file), shared ? 'shared' : target.split('/')[0]!]);
    }
  }
  return found;
}

describe('rooms of src/', () => {
  it('parse, enrich, views and search import only themselves, src/text/, the model and the files at the top of src/', () => {
    const crossings = rooms.flatMap((room) => importsOf(room).filter(([, to]) => to !== room && to !== 'text' && to !== 'model' && to !== 'shared').map(([file, to]) => `${file} -> ${to}`));
    expect(crossings).toEqual([]);
  });

  it('src/text/ imports no other room', () => {
    expect(importsOf('text').filter(([, to]) => to !== 'text')).toEqual([]);
    expect(importsOf('text').length).toBeGreaterThan(0);
  });
});
