/**
 * Seed folders for the safety tests (issue: untrusted seeds): temp folders, seed text and front
 * matter, and the digest of a built folder.
 */
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


/** Text of a built file. */
export function fileText(files: ReadonlyArray<{ path: string; contents: string | Uint8Array }>, p: string): string {
  const f = files.find((x) => x.path === p);
  if (!f) throw new Error(`no output file ${p}`);
  return typeof f.contents === 'string' ? f.contents : new TextDecoder().decode(f.contents);
}

