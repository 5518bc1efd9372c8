import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectOutput, isSafeOutputPath, manifestName, writeSite } from '../src/stages/write-site.js';
import { scanOutput } from '../src/output/output-manifest.js';

const work = mkdtempSync(path.join(tmpdir(), 'dateline-write-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const files = (n: string) => [{ path: 'index.html', contents: `<p>${n}</p>` }, { path: 'a/b.txt', contents: 'same' }];

describe('writeSite', () => {
  it('refuses to replace the folder that holds the seeds (--out . beside seeds/)', async () => {
    const project = path.join(work, 'project');
    mkdirSync(path.join(project, 'seeds'), { recursive: true });
    writeFileSync(path.join(project, 'seeds', 'a.txt'), 'precious');
    await expect(writeSite(project, files('x'), { protect: [path.join(project, 'seeds')] })).rejects.toThrow(/refusing to write the archive/);
    await expect(writeSite(path.join(project, 'seeds'), files('x'), { protect: [path.join(project, 'seeds')] })).rejects.toThrow(/refusing/);
    expect(readFileSync(path.join(project, 'seeds', 'a.txt'), 'utf8')).toBe('precious');
  });

  it('refuses to replace a non-empty folder that dateline did not write', async () => {
    const other = path.join(work, 'other');
    mkdirSync(other);
    writeFileSync(path.join(other, 'notes.txt'), 'mine');
    await expect(writeSite(other, files('x'))).rejects.toThrow(/did not write/);
    expect(readFileSync(path.join(other, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('replaces an output folder from a build before the manifest existed (it has data/report.json)', async () => {
    const old = path.join(work, 'old-dist');
    mkdirSync(path.join(old, 'data'), { recursive: true });
    writeFileSync(path.join(old, 'data', 'report.json'), JSON.stringify({ files: 1, articles: 1, duplicates: 0, problems: [] }));
    writeFileSync(path.join(old, 'index.html'), 'old');
    expect(await writeSite(old, files('new'))).toMatchObject({ written: 2, unchanged: 0 });
    expect(readFileSync(path.join(old, 'index.html'), 'utf8')).toBe('<p>new</p>');
  });

  it('writes into a new or empty folder, then replaces its own output, linking unchanged files', async () => {
    const out = path.join(work, 'site');
    mkdirSync(out);
    expect(await writeSite(out, files('one'))).toMatchObject({ written: 2, unchanged: 0 });
    expect(JSON.parse(readFileSync(path.join(out, manifestName), 'utf8')).files).toHaveProperty(['a/b.txt']);
    expect(await writeSite(out, files('two'))).toMatchObject({ written: 1, unchanged: 1 });
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('<p>two</p>');
    expect(await writeSite(out, [{ path: 'index.html', contents: '<p>two</p>' }])).toMatchObject({ written: 0, unchanged: 1 });
    expect(existsSync(path.join(out, 'a/b.txt'))).toBe(false);
  });

  it('reports the digest of the manifest it wrote, the one the next scan finds, whichever way it committed', async () => {
    const out = path.join(work, 'digest');
    const scanned = async () => (await scanOutput(out, isSafeOutputPath)).digest;
    const swap = await writeSite(out, files('one'));
    expect(swap.mode).toBe('swap');
    expect(swap.digest).toBe(await scanned());
    // In place, a file changed beside a kept one: committed by a journal.
    const journal = await writeSite(out, [{ path: 'index.html', contents: '<p>two</p>' }], { keep: new Set(['a/b.txt']), previous: await inspectOutput(out, isSafeOutputPath) });
    expect(journal.mode).toBe('in-place');
    expect(journal.digest).toBe(await scanned());
    expect(journal.digest).not.toBe(swap.digest);
    // Many new files beside a kept one: assembled beside the output and swapped in.
    const many = Array.from({ length: 60 }, (_, i) => ({ path: `p/${i}.html`, contents: `<p>${i}</p>` }));
    const assembled = await writeSite(out, many, { keep: new Set(['a/b.txt']), previous: await inspectOutput(out, isSafeOutputPath) });
    expect(assembled.mode).toBe('swap');
    expect(assembled.digest).toBe(await scanned());
    // Nothing changed: the manifest is left as it was, and no digest is made.
    const kept = new Set([...many.map((f) => f.path), 'a/b.txt']);
    expect((await writeSite(out, [], { keep: kept, previous: await inspectOutput(out, isSafeOutputPath) })).digest).toBeNull();
    expect(await scanned()).toBe(assembled.digest);
  });

  it('fails, leaving the previous site, when one write fails early among many (the error is never dropped)', async () => {
    const out = path.join(work, 'fail-early');
    await writeSite(out, files('before'));
    async function* clash() {
      yield { path: 'a', contents: 'a file' };
      yield { path: 'a/b.html', contents: 'needs a folder named a' };
      // The failed write settles while later pages are still being rendered.
      await new Promise((r) => setTimeout(r, 100));
      yield { path: 'z.html', contents: 'z' };
    }
    await expect(writeSite(out, clash())).rejects.toThrow();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('<p>before</p>');
  });
});
