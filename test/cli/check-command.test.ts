import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblems } from '../../src/cli/format-problems.js';
import { dateline, root } from './run-dateline.js';

const work = mkdtempSync(path.join(tmpdir(), 'dateline-check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A project folder with the sample seeds, plus `extra` seed files. */
function project(name: string, extra: Record<string, string> = {}): string {
  const dir = path.join(work, name);
  cpSync(path.join(root, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  for (const [file, text] of Object.entries(extra)) writeFileSync(path.join(dir, 'seeds', file), text);
  return dir;
}

// A seed whose front matter is not YAML: an error on a known line.
const badSeed = '---\ndate: [unclosed\n---\nA Headline Long Enough\n\nA body paragraph that is long enough to be an article body.\n';

describe('dateline check', () => {
  it('exits 0 on the sample seeds and writes nothing', async () => {
    const dir = project('clean');
    const r = await dateline(['check'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/checked 2 seed files: 0 errors/);
    expect(readdirSync(dir)).toEqual(['seeds']);
    expect(existsSync(path.join(dir, '.dateline-cache'))).toBe(false);
  });

  it('exits 1 on a seed with an error, naming the file and line as the repository sees them', async () => {
    const dir = project('bad', { 'zz-bad.txt': badSeed });
    const r = await dateline(['check'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^seeds\/zz-bad\.txt:\d+: error: /m);
    const json = await dateline(['check', '--format', 'json'], dir);
    const parsed = JSON.parse(json.stdout) as { files: number; errors: number; problems: Array<{ file: string; severity: string }> };
    expect(parsed.files).toBe(3);
    expect(parsed.errors).toBeGreaterThan(0);
    expect(parsed.problems.find((p) => p.severity === 'error')?.file).toBe('seeds/zz-bad.txt');
  });

  it('--format github prints workflow annotations on the right file and line', async () => {
    const dir = project('github', { 'zz-bad.txt': badSeed });
    const r = await dateline(['check', '--format', 'github'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=seeds\/zz-bad\.txt,line=\d+,title=dateline [a-z-]+::\S/m);
  });

  it('--strict fails on warnings too', async () => {
    // A file that is not a seed is skipped with a warning, not an error.
    const dir = project('warn', { 'notes.doc': 'not a seed\n' });
    const plain = await dateline(['check', '--format', 'json'], dir);
    const counts = JSON.parse(plain.stdout) as { errors: number; warnings: number };
    expect(counts).toMatchObject({ errors: 0 });
    expect(counts.warnings).toBeGreaterThan(0);
    expect(plain.code).toBe(0);
    expect((await dateline(['check', '--strict'], dir)).code).toBe(1);
  });

  it('exits 2 on a bad config, a missing seeds folder or a bad flag, naming the problem', async () => {
    const dir = project('config');
    writeFileSync(path.join(dir, 'dateline.config.json'), JSON.stringify({ pageSize: 'ten' }));
    let r = await dateline(['check'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/dateline\.config\.json: pageSize must be a positive whole number/);
    rmSync(path.join(dir, 'dateline.config.json'));
    r = await dateline(['check', '--seeds', 'nope'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/seeds folder "nope" does not exist/);
    expect((await dateline(['check', '--format', 'xml'], dir)).code).toBe(2);
    expect((await dateline(['check', '--frobnicate'], dir)).code).toBe(2);
  });
});

describe('GitHub annotation escaping', () => {
  it('escapes % CR LF in the message, and : , too in properties', () => {
    const out = formatProblems([{ file: 'seeds/a:b,c%.txt', line: 3, severity: 'warning', rule: 'r', message: '100% sure\r\nnext: line, end' }], 1, 'github');
    expect(out.split('\n')[0]).toBe('::warning file=seeds/a%3Ab%2Cc%25.txt,line=3,title=dateline r::100%25 sure%0D%0Anext: line, end');
  });
});
