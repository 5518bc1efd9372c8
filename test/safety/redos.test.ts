/**
 * Promise 8 — ReDoS: every regular expression in src/**\/*.ts (regex literals, and `new RegExp`
 * calls whose arguments are built from string constants of the same file) is checked with
 * recheck's pure-JS backend; none may be vulnerable except the known ones listed below, which
 * live in files outside this change and are reported for a fix.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './seed-folders.js';

interface FoundRegex {
  readonly file: string;
  readonly line: number;
  readonly source: string;
  readonly flags: string;
}

/**
 * Regexes known to be vulnerable, in files this change may not edit. Each must still be found
 * (so the list never goes stale) and is the only kind of failure allowed.
 */
const knownVulnerable: ReadonlyArray<{ file: string; source: string; why: string }> = [];

const keywordsBeforeRegex = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'yield', 'await']);

/** Regex literals of a TypeScript source text: a small scanner that skips strings, templates and comments. */
export function regexLiterals(file: string, text: string): FoundRegex[] {
  const found: FoundRegex[] = [];
  const lineAt = (i: number): number => text.slice(0, i).split('\n').length;
  let i = text.startsWith('#!') ? text.indexOf('\n') : 0; // a shebang line
  let prev = ''; // last significant character or word in code
  const braces: number[] = []; // brace depth at each open `${`
  let depth = 0;
  const skipString = (quote: string): void => {
    i++;
    while (i < text.length && text[i] !== quote) i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  /** Scans template text from after a backtick or `}`; returns when `${` opens code or the template ends. */
  const skipTemplate = (): void => {
    while (i < text.length) {
      if (text[i] === '\\') i += 2;
      else if (text[i] === '`') {
        i++;
        prev = 'x';
        return;
      } else if (text[i] === '$' && text[i + 1] === '{') {
        i += 2;
        braces.push(depth);
        depth++;
        prev = '{';
        return;
      } else i++;
    }
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else if (c === "'" || c === '"') {
      skipString(c);
      prev = 'x';
    } else if (c === '`') {
      i++;
      skipTemplate();
    } else if (c === '{') {
      depth++;
      prev = c;
      i++;
    } else if (c === '}') {
      depth--;
      i++;
      if (braces.length > 0 && braces.at(-1) === depth) {
        braces.pop();
        skipTemplate();
      } else prev = c;
    } else if (c === '/') {
      const regexAllowed = prev === '' || '(,=:[!&|?{};+-*%<>~^'.includes(prev) || keywordsBeforeRegex.has(prev);
      if (!regexAllowed) {
        prev = c;
        i++;
        continue;
      }
      const start = i;
      let j = i + 1;
      let inClass = false;
      while (j < text.length && text[j] !== '\n') {
        if (text[j] === '\\') j += 2;
        else if (text[j] === '[') (inClass = true), j++;
        else if (text[j] === ']') (inClass = false), j++;
        else if (text[j] === '/' && !inClass) break;
        else j++;
      }
      const source = text.slice(start + 1, j);
      let k = j + 1;
      while (k < text.length && /[a-z]/.test(text[k]!)) k++;
      found.push({ file, line: lineAt(start), source, flags: text.slice(j + 1, k) });
      i = k;
      prev = 'x';
    } else if (/\s/.test(c)) {
      i++;
    } else if (/[A-Za-z_$0-9]/.test(c)) {
      let j = i;
      while (j < text.length && /[A-Za-z_$0-9]/.test(text[j]!)) j++;
      prev = text.slice(i, j);
      i = j;
    } else {
      prev = c === ')' || c === ']' ? 'x' : c;
      i++;
    }
  }
  return found;
}

/**
 * `new RegExp(a, b)` calls of a file, evaluated with the file's top-level string constants
 * (`const x = '…'`) in scope. A call that cannot be evaluated that way is returned with source null.
 */
export function constructedRegexes(file: string, text: string): Array<FoundRegex | { file: string; line: number; source: null }> {
  const scope: Record<string, unknown> = {};
  for (const m of text.matchAll(/^(?:export )?const (\w+)(?:: string)? = ('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`[^`]*`);$/gm)) {
    try {
      scope[m[1]!] = new Function(...Object.keys(scope), `return (${m[2]});`)(...Object.values(scope));
    } catch {
      // not a plain string constant
    }
  }
  const out: Array<FoundRegex | { file: string; line: number; source: null }> = [];
  for (const m of text.matchAll(/new RegExp\(/g)) {
    const line = text.slice(0, m.index).split('\n').length;
    let depth = 1;
    let j = m.index! + m[0].length;
    const start = j;
    while (j < text.length && depth > 0) {
      const c = text[j]!;
      if (c === "'" || c === '"' || c === '`') {
        const q = c;
        j++;
        while (j < text.length && text[j] !== q) j += text[j] === '\\' ? 2 : 1;
      } else if (c === '(') depth++;
      else if (c === ')') depth--;
      j++;
    }
    const args = text.slice(start, j - 1);
    try {
      const [source, flags] = new Function(...Object.keys(scope), `return [${args}];`)(...Object.values(scope)) as [unknown, unknown];
      if (typeof source !== 'string') throw new Error('not a string');
      out.push({ file, line, source, flags: typeof flags === 'string' ? flags : '' });
    } catch {
      out.push({ file, line, source: null });
    }
  }
  return out;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

describe('the regex scanner', () => {
  it('finds literals and skips strings, comments and division', () => {
    const text = [
      "const a = '/not/a/regex/';",
      'const b = x / y / z; // /nor/ this',
      '/* /nor/ this */ const c = /a[/]b\\/c/gu.test(s);',
      'const d = `${/in-template/.source} /not/ ${f(`${/nested/}`)}`;',
      "if (/^x$/.test(s)) return /y+/;",
    ].join('\n');
    expect(regexLiterals('t.ts', text).map((r) => `${r.source}|${r.flags}`)).toEqual(['a[/]b\\/c|gu', 'in-template|', 'nested|', '^x$|', 'y+|']);
  });
  it('evaluates new RegExp from string constants', () => {
    const text = "const part = '(a|b)';\nconst re = new RegExp(`^${part}+$`, 'g');\nconst bad = new RegExp(input);";
    expect(constructedRegexes('t.ts', text)).toEqual([{ file: 't.ts', line: 2, source: '^(a|b)+$', flags: 'g' }, { file: 't.ts', line: 3, source: null }]);
  });
});

describe('every regex in src/ against recheck', () => {
  let all: FoundRegex[] = [];
  let unevaluated: Array<{ file: string; line: number }> = [];
  beforeAll(() => {
    for (const abs of tsFiles(path.join(repoRoot, 'src')).sort()) {
      const file = path.relative(repoRoot, abs).split(path.sep).join('/');
      const text = readFileSync(abs, 'utf8');
      all.push(...regexLiterals(file, text));
      for (const r of constructedRegexes(file, text)) {
        if (r.source === null) unevaluated.push({ file: r.file, line: r.line });
        else all.push(r);
      }
    }
    // Each distinct pattern once.
    const seen = new Set<string>();
    all = all.filter((r) => !seen.has(`${r.source}/${r.flags}`) && seen.add(`${r.source}/${r.flags}`) !== undefined);
  });

  it('finds the regexes (sanity) and can evaluate every new RegExp', () => {
    expect(all.length).toBeGreaterThan(25);
    expect(all.map((r) => r.source)).toContain('^[a-z0-9]+(-[a-z0-9]+)*$');
    expect(all.some((r) => r.file === 'src/enrich/find-date.ts' && r.source.includes('Jan(?:uary)?'))).toBe(true);
    for (const r of all) expect(() => new RegExp(r.source, r.flags), `${r.file}:${r.line} /${r.source}/${r.flags}`).not.toThrow();
    expect(unevaluated, 'new RegExp calls the test cannot evaluate: check them by hand and add them here').toEqual([]);
  });

  it('none is vulnerable to ReDoS (recheck, pure JS backend), except the known ones listed in this file', async () => {
    process.env.RECHECK_SYNC_BACKEND = 'pure';
    process.env.RECHECK_BACKEND = 'pure';
    const { checkSync } = await import('recheck');
    const vulnerable: Array<{ file: string; line: number; source: string; summary: string; attack: string }> = [];
    const unknown: string[] = [];
    for (const r of all) {
      const result = checkSync(r.source, r.flags, { timeout: 10_000 });
      if (result.status === 'vulnerable') {
        vulnerable.push({ file: r.file, line: r.line, source: r.source, summary: result.complexity.summary, attack: result.attack.pattern });
      } else if (result.status === 'unknown') unknown.push(`${r.file}:${r.line} /${r.source}/: ${JSON.stringify(result.error)}`);
    }
    expect(unknown, 'recheck could not decide: check these by hand').toEqual([]);
    const unexpected = vulnerable.filter((v) => !knownVulnerable.some((k) => k.file === v.file && k.source === v.source));
    expect(unexpected, JSON.stringify(unexpected, null, 1)).toEqual([]);
    // The known list is still true: when one is fixed, remove it from `knownVulnerable`.
    for (const k of knownVulnerable) {
      expect(vulnerable.some((v) => v.file === k.file && v.source === k.source), `${k.file} /${k.source}/ is no longer vulnerable: remove it from the list`).toBe(true);
    }
  }, 300_000);
});
