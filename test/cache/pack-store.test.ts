import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPackStore } from '../../src/cache/pack-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Runs `builds` builds of a store like the build state: each reads the last key and adds a new one. */
async function stateLike(maxSegments: number | undefined, builds: number): Promise<{ dir: string; segments: number[]; keys: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dateline-pack-'));
  dirs.push(dir);
  const segments: number[] = [];
  for (let b = 0; b < builds; b++) {
    const store = await openPackStore<string>(dir, 'state', () => undefined, maxSegments);
    if (b > 0) expect(store.get(`k${b - 1}`), `build ${b} finds the last state`).toBe(`v${b - 1}`);
    store.set(`k${b}`, `v${b}`);
    await store.save();
    segments.push(readdirSync(dir).filter((f) => f.startsWith('state-')).length);
  }
  const last = await openPackStore<string>(dir, 'state', () => undefined, maxSegments);
  const keys = Array.from({ length: builds }, (_, b) => `k${b}`).filter((k) => last.get(k) !== undefined);
  return { dir, segments, keys };
}

describe('pack stores', () => {
  it('let segments pile up to eight by default, each build adding one', async () => {
    const { segments, keys } = await stateLike(undefined, 12);
    expect(Math.max(...segments)).toBe(8);
    expect(keys).toContain('k11');
  });

  it('with maxSegments 2, never keep more than two segments or the states of old builds', async () => {
    const { segments, keys } = await stateLike(2, 12);
    expect(Math.max(...segments)).toBeLessThanOrEqual(2);
    // The newest state and at most the one before it survive; older ones are folded away.
    expect(keys).toContain('k11');
    expect(keys.length).toBeLessThanOrEqual(3);
  });

  it('drop entries no build uses once they are a third of the store (after an upgrade changed every key)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dateline-pack-'));
    dirs.push(dir);
    const first = await openPackStore<number>(dir, 'parse', () => undefined);
    for (let i = 0; i < 3000; i++) first.set(`old${i}`, i);
    await first.save();
    // An upgrade: the next build makes 3,000 new entries and uses none of the old ones.
    const upgraded = await openPackStore<number>(dir, 'parse', () => undefined);
    for (let i = 0; i < 3000; i++) upgraded.set(`new${i}`, i);
    await upgraded.save();
    const after = await openPackStore<number>(dir, 'parse', () => undefined);
    expect(readdirSync(dir).filter((f) => f.endsWith('.pack'))).toHaveLength(1);
    expect(after.get('old0')).toBeUndefined();
    expect(after.get('new2999')).toBe(2999);
    // A build that uses most of the store keeps adding small segments, without folding.
    for (let i = 0; i < 2500; i++) after.get(`new${i}`);
    after.set('more', 1);
    await after.save();
    expect(readdirSync(dir).filter((f) => f.endsWith('.pack'))).toHaveLength(2);
  });
});
