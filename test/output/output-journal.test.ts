/**
 * The in-place commit's journal (issue 8.3): it carries the new manifest as its text, and a
 * journal that an earlier dateline left (the manifest as an object of entries) is still rolled
 * forward by the next build, not dropped.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { journalPlace, recoverJournal, writeJournal } from '../../src/output/output-journal.js';
import { contentHash, manifestName, manifestText, readManifest, type ManifestEntry } from '../../src/output/output-manifest.js';
import { cleanupTemp, tempDir } from '../safety/seed-folders.js';

afterAll(cleanupTemp);

/** An output folder with one page, and a pending new version of it beside the folder. */
function pendingCommit(name: string): { out: string; entries: Map<string, ManifestEntry> } {
  const out = path.join(tempDir(name), 'out');
  mkdirSync(path.join(out, 'a'), { recursive: true });
  writeFileSync(path.join(out, 'a/index.html'), 'old');
  const place = journalPlace(out, false);
  mkdirSync(place.pending, { recursive: true });
  writeFileSync(path.join(place.pending, '0'), 'new page');
  const entries = new Map<string, ManifestEntry>([
    ['a/index.html', { hash: contentHash(Buffer.from('new page')), size: 8 }],
  ]);
  return { out, entries };
}

describe('the journal of an in-place commit', () => {
  it('holds the manifest as text, which the commit writes as it is', async () => {
    const { out, entries } = pendingCommit('journal-text');
    const text = manifestText(entries);
    await writeJournal(journalPlace(out, false), { moves: [['0', 'a/index.html']], deletions: [], manifest: text });
    expect(await recoverJournal(out)).toBe('rolled-forward');
    expect(readFileSync(path.join(out, 'a/index.html'), 'utf8')).toBe('new page');
    expect(readFileSync(path.join(out, manifestName), 'utf8')).toBe(text);
  });

  it('left by an earlier dateline, with the manifest as entries, is still rolled forward', async () => {
    const { out, entries } = pendingCommit('journal-entries');
    await writeJournal(journalPlace(out, false), { moves: [['0', 'a/index.html']], deletions: [], manifest: Object.fromEntries(entries) });
    expect(await recoverJournal(out)).toBe('rolled-forward');
    expect(readFileSync(path.join(out, 'a/index.html'), 'utf8')).toBe('new page');
    expect(await readManifest(out)).toEqual(entries);
  });
});
