/**
 * Shared helpers of the safety tests (issue: untrusted seeds): temp folders, seed text, a small
 * HTML tokenizer, hashing a folder, and running the CLI in a child process.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repoRoot = new URL('../../', import.meta.url).pathname;
export const sampleSeedsDir = path.join(repoRoot, 'seeds');
export const invalidDir = path.join(repoRoot, 'test/fixtures/invalid');
export const cliPath = path.join(repoRoot, 'src/cli.ts');

const made: string[] = [];

/** A fresh temp folder, removed by `cleanupTemp()`. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `dateline-safety-${label}-`));
  made.push(dir);
  return dir;
}

export function cleanupTemp(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes `files` (name → text or bytes) into `dir` (created), returning `dir`. */
export function writeSeeds(dir: string, files: Record<string, string | Uint8Array>): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, contents] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), contents);
  }
  return dir;
}

/** A seeds folder holding copies of the real sample seeds plus `extra` files. */
export function seedsWithSamples(label: string, extra: Record<string, string | Uint8Array> = {}): string {
  const dir = path.join(tempDir(label), 'seeds');
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(sampleSeedsDir)) cpSync(path.join(sampleSeedsDir, name), path.join(dir, name));
  return writeSeeds(dir, extra);
}

/**
 * One article in the scrape's shape: headline, an optional caption, the headline again, the
 * caption again, then body paragraphs, all separated by blank lines.
 */
export function article(headline: string, paragraphs: readonly string[], caption?: string): string {
  const head = caption ? [headline, '', caption, 'TT', '', headline, '', caption, ''] : [headline, '', headline, ''];
  return `${[...head, ...paragraphs.flatMap((p) => [p, ''])].join('\n')}\n`;
}

/** Articles joined the way seeds set them apart (two blank lines). */
export function seedText(...articles: string[]): string {
  return articles.join('\n\n');
}

/** A YAML front matter block; values are written as JSON (valid YAML flow scalars). */
export function frontMatter(fields: Record<string, unknown>): string {
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')}\n---\n`;
}

// ---------------------------------------------------------------------------------------------
// A small HTML tokenizer: enough of the HTML5 tokenizer to count elements and attributes and to
// read text, including raw-text (`script`, `style`) and RCDATA (`title`, `textarea`) elements.

export interface StartTag {
  readonly type: 'start';
  readonly name: string;
  readonly attrs: ReadonlyArray<readonly [string, string]>;
  readonly start: number;
  readonly end: number;
}
export interface EndTag {
  readonly type: 'end';
  readonly name: string;
  readonly start: number;
  readonly end: number;
}
export interface TextToken {
  readonly type: 'text';
  readonly raw: string;
  readonly start: number;
}
export type HtmlToken = StartTag | EndTag | TextToken | { readonly type: 'comment' | 'doctype'; readonly start: number };

const rawText = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
const rcData = new Set(['title', 'textarea']);
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
const isAlpha = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c);

export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let i = 0;
  let textStart = 0;
  const flushText = (to: number): void => {
    if (to > textStart) tokens.push({ type: 'text', raw: html.slice(textStart, to), start: textStart });
  };
  while (i < html.length) {
    if (html[i] !== '<') {
      i++;
      continue;
    }
    if (html.startsWith('<!--', i)) {
      flushText(i);
      const close = html.indexOf('-->', i + 4);
      tokens.push({ type: 'comment', start: i });
      i = close === -1 ? html.length : close + 3;
      textStart = i;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      flushText(i);
      const close = html.indexOf('>', i);
      tokens.push({ type: html.slice(i, i + 9).toLowerCase() === '<!doctype' ? 'doctype' : 'comment', start: i });
      i = close === -1 ? html.length : close + 1;
      textStart = i;
      continue;
    }
    const closing = html[i + 1] === '/';
    if (!isAlpha(html[closing ? i + 2 : i + 1])) {
      i++;
      continue;
    }
    flushText(i);
    const start = i;
    i += closing ? 2 : 1;
    let name = '';
    while (i < html.length && !isSpace(html[i]) && html[i] !== '/' && html[i] !== '>') name += html[i++]!.toLowerCase();
    const attrs: Array<readonly [string, string]> = [];
    for (;;) {
      while (i < html.length && (isSpace(html[i]) || html[i] === '/')) i++;
      if (i >= html.length || html[i] === '>') break;
      let attr = html[i++]!.toLowerCase();
      while (i < html.length && !isSpace(html[i]) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') attr += html[i++]!.toLowerCase();
      while (isSpace(html[i])) i++;
      let value = '';
      if (html[i] === '=') {
        i++;
        while (isSpace(html[i])) i++;
        const quote = html[i];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, i + 1);
          value = html.slice(i + 1, close === -1 ? html.length : close);
          i = close === -1 ? html.length : close + 1;
        } else {
          while (i < html.length && !isSpace(html[i]) && html[i] !== '>') value += html[i++];
        }
      }
      if (!attrs.some(([n]) => n === attr)) attrs.push([attr, decodeEntities(value)]);
    }
    i++; // '>'
    tokens.push(closing ? { type: 'end', name, start, end: i } : { type: 'start', name, attrs, start, end: i });
    textStart = i;
    if (!closing && (rawText.has(name) || rcData.has(name))) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      const to = close === -1 ? html.length : close;
      flushText(to);
      i = to;
      textStart = i;
    }
  }
  flushText(html.length);
  return tokens;
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/** Decodes the character references a serializer writes (named basics and numeric). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{1,8});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0x10ffff ? whole : String.fromCodePoint(code);
    }
    return named[ref] ?? whole;
  });
}

/** Start tags of a page. */
export function startTags(html: string): StartTag[] {
  return tokenizeHtml(html).filter((t): t is StartTag => t.type === 'start');
}

/** Elements and attributes of a page, counted. */
export function shape(html: string): { elements: number; attributes: number; names: string } {
  const tags = startTags(html);
  return {
    elements: tags.length,
    attributes: tags.reduce((n, t) => n + t.attrs.length, 0),
    names: tags.map((t) => `${t.name}[${t.attrs.map(([n]) => n).join(',')}]`).join(' '),
  };
}

/** The decoded text inside the first element named `name`; throws if it holds an element. */
export function elementText(html: string, name: string): string {
  const tokens = tokenizeHtml(html);
  const at = tokens.findIndex((t) => t.type === 'start' && t.name === name);
  if (at === -1) throw new Error(`no <${name}>`);
  let text = '';
  for (const t of tokens.slice(at + 1)) {
    if (t.type === 'end' && t.name === name) return text;
    if (t.type !== 'text') throw new Error(`<${name}> holds a ${t.type} token`);
    text += decodeEntities(t.raw);
  }
  throw new Error(`<${name}> is never closed`);
}

/** The raw contents of every `<script type="application/ld+json">`. */
export function jsonLdScripts(html: string): string[] {
  const tokens = tokenizeHtml(html);
  const out: string[] = [];
  tokens.forEach((t, i) => {
    if (t.type === 'start' && t.name === 'script' && t.attrs.some(([n, v]) => n === 'type' && v === 'application/ld+json')) {
      const next = tokens[i + 1];
      out.push(next?.type === 'text' ? next.raw : '');
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------

/** Every file below `dir` (relative path → sha256 of its bytes), in path order. */
export function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else out.set(child, createHash('sha256').update(readFileSync(path.join(dir, child))).digest('hex'));
    }
  };
  walk('');
  return out;
}

/** One digest of every path and byte below `dir`. */
export function treeDigest(dir: string): string {
  const h = createHash('sha256');
  for (const [p, d] of hashTree(dir)) h.update(`${p}\0${d}\n`);
  return h.digest('hex');
}

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The CLI's argv prefix: node with tsx's loader running src/cli.ts (no npx, so the child is node itself). */
export function cliCommand(args: readonly string[]): { command: string; args: string[] } {
  return { command: process.execPath, args: ['--import', 'tsx', cliPath, ...args] };
}

/** A clean environment for a child build: no SOURCE_DATE_EPOCH, no locale or zone unless given. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['SOURCE_DATE_EPOCH', 'TZ', 'LANG', 'LC_ALL', 'LC_TIME', 'LC_COLLATE', 'LANGUAGE', 'NODE_OPTIONS']) delete env[key];
  return { ...env, ...extra };
}

/** Runs `dateline <args>` in a child process (cwd: the repository, so tsx resolves). */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = childEnv()): Promise<CliResult> {
  const { command, args: argv } = cliCommand(args);
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** An empty JSON config file, so a `dateline.config.json` in the working folder is never read. */
export function emptyConfig(): string {
  const file = path.join(tempDir('config'), 'config.json');
  writeFileSync(file, '{}\n');
  return file;
}

/** Runs `tasks` with at most `limit` at a time. */
export async function limited<T>(limit: number, tasks: ReadonlyArray<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** Text of a built file. */
export function fileText(files: ReadonlyArray<{ path: string; contents: string | Uint8Array }>, p: string): string {
  const f = files.find((x) => x.path === p);
  if (!f) throw new Error(`no output file ${p}`);
  return typeof f.contents === 'string' ? f.contents : new TextDecoder().decode(f.contents);
}
