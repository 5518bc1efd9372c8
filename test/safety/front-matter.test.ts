/**
 * Promise 2 — front matter: executable front matter never runs, `__proto__` pollutes nothing, a
 * YAML alias bomb is refused quickly, `--- Breaking ---` is body, and a front matter over 16 KiB
 * is refused before it is parsed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// gray-matter, spied on: the tests check what reaches it (and that JavaScript never does).
vi.mock('gray-matter', async (importOriginal) => {
  const actual = (await importOriginal()) as { default: (...args: unknown[]) => unknown };
  return { default: vi.fn(actual.default) };
});

import matter from 'gray-matter';
import { buildArchive } from '../../src/build.js';
import { maxFrontMatterChars, readFrontMatter } from '../../src/parse/read-front-matter.js';
import { parseSeed } from '../../src/stages/parse-seed.js';
import { article, cleanupTemp, tempDir, writeSeeds } from './seed-folders.js';

const spy = vi.mocked(matter);
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const body = article('Ceasefire Talks Resume in Capital', ['Negotiators met again on Monday to resume the ceasefire talks.', 'No date was set for a further round.']);
const g = globalThis as Record<string, unknown>;

beforeEach(() => {
  spy.mockClear();
});
afterEach(() => {
  delete g.__datelinePwned;
});
afterAll(cleanupTemp);

/** JavaScript front matter that, if evaluated, sets a global and writes a marker file. */
function payload(marker: string): string {
  return [
    '(function () {',
    "  globalThis.__datelinePwned = 'ran';",
    "  const fs = typeof require === 'function' ? require('fs') : process.getBuiltinModule('fs');",
    `  fs.writeFileSync(${JSON.stringify(marker)}, 'ran');`,
    "  return { byline: 'pwned' };",
    '})()',
  ].join('\n');
}

describe('executable front matter', () => {
  it('the payload is live: gray-matter with its default engines would run it (control)', () => {
    const marker = path.join(tempDir('control'), 'marker');
    const { default: realMatter } = spy.getMockImplementation() ? { default: spy.getMockImplementation()! } : { default: matter };
    const result = (realMatter as (s: string, o?: object) => { data: Record<string, unknown> })(`---js\n${payload(marker)}\n---\nbody\n`, {});
    expect(result.data.byline).toBe('pwned');
    expect(existsSync(marker)).toBe(true);
    expect(g.__datelinePwned).toBe('ran');
  });

  for (const opener of ['---js', '---javascript', '---JS', '---Javascript']) {
    it(`${opener} front matter is refused and never runs (no global set, no marker file written)`, async () => {
      const dir = tempDir('js');
      const marker = path.join(dir, 'marker');
      const seedsDir = writeSeeds(path.join(dir, 'seeds'), { 'js.txt': `${opener}\n${payload(marker)}\n---\n${body}` });
      const built = await buildArchive({ seedsDir, search: false });

      expect(g.__datelinePwned).toBeUndefined();
      expect(existsSync(marker)).toBe(false);
      expect(built.report.problems).toContainEqual(expect.objectContaining({ file: 'js.txt', line: 1, severity: 'error', rule: 'front-matter-language' }));
      for (const call of spy.mock.calls) expect(String(call[0])).not.toContain('__datelinePwned');
      // The article after it still builds, with none of the front matter's values.
      expect(built.articles.map((a) => a.headline)).toEqual(['Ceasefire Talks Resume in Capital']);
      expect(built.articles[0]!.meta).toEqual({});
    });
  }

  it('a YAML !!js/function tag is never evaluated', () => {
    const r = parseSeed({ path: 'tag.txt', bytes: enc(`---\nsummary: !!js/function "function () { globalThis.__datelinePwned = 1 }"\n---\n${body}`) });
    void r.articles[0]?.meta.summary;
    expect(g.__datelinePwned).toBeUndefined();
  });
});

describe('prototype pollution', () => {
  const sources = [
    '__proto__:\n  polluted: yes',
    '"__proto__": { "polluted": "yes" }',
    'constructor:\n  prototype:\n    polluted: yes',
    'summary: ok\n__proto__: { polluted: yes, isAdmin: true }',
  ];
  for (const fm of sources) {
    it(`front matter ${JSON.stringify(fm.split('\n')[0])} does not pollute Object.prototype`, async () => {
      const dir = tempDir('proto');
      const seedsDir = writeSeeds(path.join(dir, 'seeds'), { 'proto.txt': `---\n${fm}\n---\n${body}` });
      const built = await buildArchive({ seedsDir, search: false });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      const meta = built.articles[0]!.meta as Record<string, unknown>;
      expect(meta.polluted).toBeUndefined();
      expect(Object.getPrototypeOf(meta)).toBe(Object.prototype);
      expect(built.report.problems.some((p) => p.rule === 'front-matter-schema' && p.file === 'proto.txt')).toBe(true);
    });
  }
});

describe('YAML alias bomb', () => {
  it('a billion-laughs front matter is refused quickly', () => {
    let yaml = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let prev = 'a';
    for (const n of 'bcdefghij') {
      yaml += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
      prev = n;
    }
    const start = performance.now();
    const r = parseSeed({ path: 'bomb.txt', bytes: enc(`---\n${yaml}---\n${body}`) });
    const ms = performance.now() - start;
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ file: 'bomb.txt', severity: 'error', rule: 'front-matter-yaml' }));
    expect(r.diagnostics[0]!.message).toMatch(/alias/i);
    expect(r.articles.map((a) => a.headline)).toEqual(['Ceasefire Talks Resume in Capital']);
    expect(ms).toBeLessThan(1000);
  });
});

describe('what opens front matter', () => {
  it('a first line "--- Breaking ---" is body text, not front matter', () => {
    const text = `${article('--- Breaking ---', ['A strong earthquake struck the region on Monday.', 'Rescue teams were sent.'])}\n---\n\n${body}`;
    expect(readFrontMatter('b.txt', text.split('\n'))).toEqual({ meta: {}, bodyStart: 0, diagnostics: [] });
    const r = parseSeed({ path: 'b.txt', bytes: enc(text) });
    expect(r.diagnostics).toEqual([]);
    expect(r.articles[0]).toMatchObject({ headline: '--- Breaking ---', source: { line: 1 }, meta: {} });
    expect(spy).not.toHaveBeenCalled();
  });

  for (const first of ['--- js', '----', '---- Breaking', '-- -', '---: x']) {
    it(`a first line ${JSON.stringify(first)} does not open front matter`, () => {
      expect(readFrontMatter('x.txt', [first, 'byline: X', '---', 'Body'])).toEqual({ meta: {}, bodyStart: 0, diagnostics: [] });
      expect(spy).not.toHaveBeenCalled();
    });
  }

  it('a first line exactly "---" opens YAML front matter (and ---yaml too)', () => {
    expect(readFrontMatter('x.txt', ['---', 'byline: X', '---', 'Body'])).toMatchObject({ meta: { byline: 'X' }, bodyStart: 3, diagnostics: [] });
    expect(readFrontMatter('x.txt', ['---yaml', 'byline: X', '---', 'Body'])).toMatchObject({ meta: { byline: 'X' }, bodyStart: 3, diagnostics: [] });
  });
});

describe('front matter size limit', () => {
  const comments = (chars: number): string[] => {
    const lines: string[] = [];
    let size = 0;
    while (size < chars) {
      const line = `# ${'c'.repeat(Math.min(60, Math.max(0, chars - size - 3)))}`;
      lines.push(line);
      size += line.length + 1;
    }
    return lines;
  };

  it(`a front matter over ${maxFrontMatterChars} characters is refused before parsing, and skipped whole`, () => {
    const fm = [...comments(maxFrontMatterChars + 100), 'byline: Never Read'];
    const r = parseSeed({ path: 'big.txt', bytes: enc(`---\n${fm.join('\n')}\n---\n${body}`) });
    expect(spy).not.toHaveBeenCalled();
    expect(r.diagnostics).toEqual([expect.objectContaining({ file: 'big.txt', line: 1, severity: 'error', rule: 'front-matter-too-large' })]);
    // The front matter's lines never become article text, and nothing is quarantined for them.
    expect(r.articles.map((a) => a.headline)).toEqual(['Ceasefire Talks Resume in Capital']);
    expect(r.articles[0]!.source.line).toBe(fm.length + 3);
    expect(r.articles[0]!.meta).toEqual({});
    expect(r.quarantined).toBe(0);
  });

  it('an alias bomb inside an oversized front matter is never parsed', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]'];
    const r = parseSeed({ path: 'big.txt', bytes: enc(`---\n${[...bomb, ...comments(maxFrontMatterChars)].join('\n')}\n---\n${body}`) });
    expect(spy).not.toHaveBeenCalled();
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['front-matter-too-large']);
  });

  it('a front matter just under the limit is read', () => {
    const fm = [...comments(maxFrontMatterChars - 200), 'byline: Read'];
    const r = parseSeed({ path: 'ok.txt', bytes: enc(`---\n${fm.join('\n')}\n---\n${body}`) });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(r.diagnostics).toEqual([]);
    expect(r.articles[0]!.meta).toEqual({ byline: 'Read' });
  });
});
