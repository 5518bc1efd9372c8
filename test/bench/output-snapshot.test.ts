import { linkSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { snapshotOutput, writtenSince } from '../../bench/harness/output-snapshot.js';

const work = mkdtempSync(path.join(tmpdir(), 'dateline-snapshot-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('writtenSince', () => {
  it('counts replaced and new files, not files kept or hard-linked into a swapped-in folder', () => {
    const out = path.join(work, 'out');
    mkdirSync(path.join(out, 'a'), { recursive: true });
    writeFileSync(path.join(out, 'a/kept.html'), 'kept');
    writeFileSync(path.join(out, 'changed.html'), 'old');
    writeFileSync(path.join(out, 'gone.html'), 'gone');
    const before = snapshotOutput(out);
    expect(writtenSince(new Map(), before)).toEqual({ files: 3, bytes: 11 });

    // What a build does: a staging folder with unchanged files linked and the rest written, renamed over.
    const staging = path.join(work, 'staging');
    mkdirSync(path.join(staging, 'a'), { recursive: true });
    linkSync(path.join(out, 'a/kept.html'), path.join(staging, 'a/kept.html'));
    writeFileSync(path.join(staging, 'changed.html'), 'newer');
    writeFileSync(path.join(staging, 'added.html'), 'added!');
    rmSync(out, { recursive: true });
    renameSync(staging, out);
    expect(writtenSince(before, snapshotOutput(out))).toEqual({ files: 2, bytes: 11 });
  });

  it('sees a missing folder as empty', () => {
    expect(snapshotOutput(path.join(work, 'nope')).size).toBe(0);
  });
});
