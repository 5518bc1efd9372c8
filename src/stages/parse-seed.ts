import type { Diagnostic, FrontMatter, ParsedArticle, ParsedSeed, SeedFile } from '../model/types.js';
import { decodeSeed, defaultDecodeLimits, type DecodeLimits } from '../parse/decode-seed.js';
import { findBuriedHeader, findHeadlineRepeats, isHeadlineShaped, type HeadlineRepeat } from '../parse/find-article-starts.js';
import { cleanParagraphs, readArticle } from '../parse/read-article.js';
import { captionCredit, isNoiseLine } from '../text/text-key.js';
import { readFrontMatter, type FrontMatterResult } from '../parse/read-front-matter.js';
import { readMarkdownBudgeted } from '../parse/read-markdown-budgeted.js';
import { splitBlocks, type Block } from '../parse/split-blocks.js';

/** Blank lines that separate two articles (inside an article, paragraphs have one). */
const articleGap = 2;

/** The articles of many seeds, their problems, and how many articles were left out. */
export interface ParsedSeeds {
  readonly articles: readonly ParsedArticle[];
  readonly diagnostics: readonly Diagnostic[];
  readonly quarantined: number;
}

/** Parses every seed with `parseSeed`, in order, gathering articles and problems. */
export function parseSeeds(seeds: Iterable<SeedFile>, limits: DecodeLimits = defaultDecodeLimits): ParsedSeeds {
  const articles: ParsedArticle[] = [];
  const diagnostics: Diagnostic[] = [];
  let quarantined = 0;
  for (const seed of seeds) {
    const result = parseSeed(seed, limits);
    for (const a of result.articles) articles.push(a);
    for (const d of result.diagnostics) diagnostics.push(d);
    quarantined += result.quarantined;
  }
  return { articles, diagnostics, quarantined };
}

/**
 * Parses one seed file into articles: a pure function of the file's path and bytes. Problems
 * are returned as diagnostics naming the file and line; every good article is still returned.
 */
export function parseSeed(seed: SeedFile, limits: DecodeLimits = defaultDecodeLimits): ParsedSeed {
  const file = seed.path;
  const isMarkdown = /\.md$/i.test(file);
  if (isMarkdown && seed.bytes.length > limits.maxMarkdownBytes) {
    const message = `the Markdown seed is ${seed.bytes.length} bytes, over the ${limits.maxMarkdownBytes}-byte limit for Markdown; split it or save it as .txt`;
    return { file, articles: [], diagnostics: [{ file, line: 1, severity: 'error', rule: 'markdown-too-large', message }], quarantined: 1 };
  }
  const decoded = decodeSeed(file, seed.bytes, limits);
  const diagnostics: Diagnostic[] = [...decoded.diagnostics];
  if (decoded.lines.length === 0) {
    // A Markdown seed is one article: refused whole (binary, invalid UTF-8), that article is lost.
    const refused = isMarkdown ? (decoded.diagnostics.some((d) => d.rule === 'empty-file') ? 0 : 1) : refusedArticles(seed, decoded.diagnostics, limits);
    return { file, articles: [], diagnostics, quarantined: refused };
  }

  const front = checkEditorFields(file, readFrontMatter(file, decoded.lines), decoded.lines, limits);
  if (isMarkdown) return parseMarkdownSeed(file, decoded.lines, front, diagnostics, limits);
  if (front.meta.headline !== undefined || front.meta.captions !== undefined) {
    diagnostics.push({ file, line: 1, severity: 'warning', rule: 'front-matter-md-only', message: 'front matter keys "headline" and "captions" apply to .md seeds only; they were ignored' });
  }
  const afterFront = readArticles(file, decoded.lines, front.bodyStart, front.meta);
  // Rules of dashes around scraped text look like front matter: read it as text too, and keep
  // that reading when it finds more articles (the rules were not front matter after all).
  const asText = front.maybeText
    ? readArticles(file, decoded.lines.map((l, i) => ((i === 0 || i === front.bodyStart - 1) && /^-{3,}$/.test(l) ? '' : l)), 0, {})
    : null;
  if (asText && asText.articles.length > afterFront.articles.length) {
    diagnostics.push({
      file,
      line: 1,
      severity: 'warning',
      rule: 'front-matter-text',
      message: 'the file opens with a --- line, but what follows is not YAML front matter: it was read as articles',
    });
    return { file, articles: asText.articles, diagnostics: [...diagnostics, ...asText.diagnostics], quarantined: asText.quarantined };
  }
  return { file, articles: afterFront.articles, diagnostics: [...diagnostics, ...front.diagnostics, ...afterFront.diagnostics], quarantined: afterFront.quarantined };
}

/**
 * Parses a Markdown (`.md`) seed: one article, its headline from front matter or the first
 * level-1 heading, its captions from front matter, its body read by remark-parse.
 */
function parseMarkdownSeed(file: string, lines: readonly string[], front: FrontMatterResult, diagnostics: Diagnostic[], limits: DecodeLimits): ParsedSeed {
  const all = [...diagnostics, ...front.diagnostics];
  const reply = readMarkdownBudgeted({ kind: 'article', text: lines.slice(front.bodyStart).join('\n'), firstLine: front.bodyStart + 1 }, limits.markdownBudgetMs);
  if (!reply.ok || reply.article === null) {
    const why = reply.ok ? 'no article' : reply.message;
    const rule = reply.ok ? 'markdown-failed' : reply.rule;
    const line = reply.ok ? front.bodyStart + 1 : reply.line;
    return { file, articles: [], diagnostics: [...all, { file, line, severity: 'error', rule, message: `Markdown seed left out: ${why}` }], quarantined: 1 };
  }
  const md = reply.article;
  const headline = front.meta.headline ?? md.headline;
  const captions = [...(front.meta.captions ?? [])];
  const fail = (rule: string, message: string): ParsedSeed => ({
    file,
    articles: [],
    diagnostics: [...all, { file, line: md.line, severity: 'error', rule, message }],
    quarantined: 1,
  });
  if (headline === null || headline.trim() === '') return fail('no-headline', 'Markdown seed without a headline: add a "# Headline" line or a headline key in its front matter');
  const paragraphs = cleanParagraphs(md.paragraphs, headline, captions);
  if (paragraphs.length === 0) return fail('no-body', `article "${clip(headline)}" has a headline but no body paragraphs: it was left out; add its text`);
  return { file, articles: [{ headline, captions, paragraphs, source: { file, line: md.line }, meta: front.meta }], diagnostics: all, quarantined: 0 };
}

/**
 * Front matter whose Markdown fields (`summary`, `editor_note`) were parsed under the same
 * budget and nesting limit as Markdown seeds: a field that fails is left out with an error,
 * so that rendering it later is always cheap and safe.
 */
function checkEditorFields(file: string, front: FrontMatterResult, lines: readonly string[], limits: DecodeLimits): FrontMatterResult {
  const fields = (['summary', 'editor_note'] as const).filter((key) => front.meta[key] !== undefined);
  if (fields.length === 0) return front;
  const meta: Record<string, unknown> = { ...front.meta };
  const diagnostics = [...front.diagnostics];
  for (const key of fields) {
    const at = lines.findIndex((l, i) => i < front.bodyStart && l.startsWith(`${key}:`));
    const line = at === -1 ? 1 : at + 1;
    const reply = readMarkdownBudgeted({ kind: 'check', text: front.meta[key]!, firstLine: line }, limits.markdownBudgetMs);
    if (reply.ok) continue;
    delete meta[key];
    diagnostics.push({ file, line, severity: 'error', rule: reply.rule, message: `front matter key "${key}" was left out: ${reply.message}` });
  }
  return { ...front, meta: meta as FrontMatter, diagnostics };
}

interface ReadResult {
  readonly articles: ParsedArticle[];
  readonly diagnostics: Diagnostic[];
  readonly quarantined: number;
}

/** Reads the articles of a seed's lines from `start` on (after any front matter). */
function readArticles(file: string, lines: readonly string[], start: number, meta: FrontMatter): ReadResult {
  const diagnostics: Diagnostic[] = [];
  const blocks = splitBlocks(lines.slice(start), start + 1);
  const repeats = findHeadlineRepeats(blocks);

  // Gather each article's blocks first (pieces that continue an article join it), then read
  // each article once: reading is linear in the article however many pieces it came in.
  const found: Array<{ blocks: Block[]; repeatAt: number }> = [];
  const strays: Block[] = [];
  for (const piece of splitPieces(blocks, repeats)) {
    const pieceBlocks = blocks.slice(piece.start, piece.end);
    if (pieceBlocks.every((b) => b.lines.every(isNoiseLine))) continue; // a stray TT or rule
    const repeat = repeats[piece.start];
    // A bare repeat (nothing between) may be a paragraph printed twice: after a gap it opens an
    // article at the top of the file, or when the line does not end like a sentence.
    const bareOpens = piece.afterGap && (found.length === 0 || !/[.!?]["\u201D\u2019]?$/.test(pieceBlocks[0]!.lines[0]!));
    if (repeat && (repeat.framed || bareOpens)) {
      found.push({ blocks: pieceBlocks, repeatAt: repeat.at - piece.start });
    } else if (piece.afterGap && startsWithoutRepeat(pieceBlocks, found.length === 0)) {
      found.push({ blocks: pieceBlocks, repeatAt: -1 });
    } else if (found.length > 0) {
      // Body paragraphs (or the rest of a header) that a scrape set apart with extra blank lines.
      found.at(-1)!.blocks.push(...pieceBlocks);
    } else {
      strays.push(pieceBlocks[0]!);
    }
  }

  const articles: ParsedArticle[] = [];
  let quarantined = 0;
  if (strays.length > 0) {
    quarantined++;
    diagnostics.push({
      file,
      line: strays[0]!.line,
      severity: 'error',
      rule: 'not-an-article',
      message: 'text that is not an article (no headline printed twice, no body): it was left out; start an article with its headline',
    });
  }
  for (const candidate of found) {
    const parts = readArticle(candidate.blocks, candidate.repeatAt);
    if (parts.paragraphs.length === 0) {
      quarantined++;
      diagnostics.push({
        file,
        line: parts.line,
        severity: 'error',
        rule: 'no-body',
        message: `article "${clip(parts.headline)}" has a headline but no body paragraphs: it was left out; add its text`,
      });
      continue;
    }
    const buried = buriedHeader(candidate.blocks, candidate.repeatAt);
    if (buried !== null) {
      diagnostics.push({
        file,
        line: buried.line,
        severity: 'warning',
        rule: 'article-in-body',
        message: `the body of "${clip(parts.headline)}" holds what looks like the header of another article ("${clip(buried.headline)}"); set that article apart with two blank lines`,
      });
    }
    articles.push({
      headline: parts.headline,
      captions: parts.captions,
      paragraphs: parts.paragraphs,
      source: { file, line: parts.line },
      meta,
    });
  }
  return { articles, diagnostics, quarantined };
}

/** Where an article's blocks, past its own header, hold another article's header, or null. */
function buriedHeader(blocks: readonly Block[], repeatAt: number): { line: number; headline: string } | null {
  const body = blocks.slice(Math.max(repeatAt, 0) + 1).flatMap((b) => b.lines.map((text, i) => ({ text, line: b.line + i })));
  const at = findBuriedHeader(body.map((e) => e.text));
  return at === -1 ? null : { line: body[at]!.line, headline: body[at]!.text };
}

/**
 * True when a piece whose headline is not printed twice still starts an article: a headline-
 * shaped first line, more to come, and the scrape's header marks (a credited caption or noise
 * in the first two blocks) — or nothing before it in the file that it could continue.
 */
function startsWithoutRepeat(blocks: readonly Block[], firstInFile: boolean): boolean {
  const head = blocks[0]!.lines[0]!;
  if (blocks.length < 2 || !isHeadlineShaped(head) || captionCredit(head) !== null) return false;
  if (firstInFile) return true;
  // The scrape's marks: TT or a number line, or a credited caption printed twice.
  const lines = blocks.slice(0, 2).flatMap((b, i) => b.lines.slice(i === 0 ? 1 : 0));
  return lines.some((l, i) => isNoiseLine(l) || (captionCredit(l) !== null && lines[i + 1] === l));
}

/**
 * How many articles a seed refused whole held, so that published + quarantined still adds up to
 * the articles in the input: a text seed refused for invalid UTF-8 or its size is read again with
 * bad bytes replaced, only to count them (nothing of it is published). An empty file holds
 * no articles; a binary one is counted the same way (real binary data yields none). A file over the size limit is counted from the part that was read.
 */
function refusedArticles(seed: SeedFile, problems: readonly Diagnostic[], limits: DecodeLimits): number {
  const refused = problems.some((p) => p.rule === 'invalid-utf8' || p.rule === 'file-too-large');
  // Text with a stray NUL (under 1 byte in 1,000) had articles; real binary data has none.
  let nuls = 0;
  if (!refused && problems.some((p) => p.rule === 'binary-file')) for (const b of seed.bytes) if (b === 0) nuls++;
  if (!refused && (nuls === 0 || nuls * 1000 > seed.bytes.length)) return 0;
  // NUL bytes are dropped for the count: a text seed with a stray NUL still had its articles.
  const text = new TextDecoder('utf-8').decode(seed.bytes.subarray(0, limits.maxFileBytes)).replace(/\0/g, '');
  const lossy = { path: seed.path, bytes: new TextEncoder().encode(text) };
  const counted = parseSeed(lossy, { ...limits, maxFileBytes: Number.POSITIVE_INFINITY });
  return counted.articles.length + counted.quarantined;
}

interface Piece {
  readonly start: number;
  readonly end: number;
  /** The piece follows a run of blank lines that separates articles (or starts the file). */
  readonly afterGap: boolean;
}

/**
 * Cuts the blocks into article-sized pieces: at every run of two or more blank lines, and at
 * every headline that is printed again a few lines later (articles set apart by one blank line).
 */
function splitPieces(blocks: readonly Block[], repeats: ReadonlyArray<HeadlineRepeat | null>): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  let afterGap = true;
  // Blocks up to the repeat of the current article's headline are its header, never a new start.
  let headerEnd = repeats[0]?.at ?? -1;
  blocks.forEach((block, b) => {
    if (b === 0) return;
    const gap = block.blanksBefore >= articleGap;
    // Inside a piece only a framed repeat starts an article: a bare one may be a doubled paragraph.
    const newStart = repeats[b]?.framed === true && b > headerEnd;
    if ((gap && b > headerEnd) || newStart) {
      pieces.push({ start, end: b, afterGap });
      start = b;
      afterGap = gap;
      headerEnd = repeats[b]?.at ?? -1;
    }
  });
  if (blocks.length > 0) pieces.push({ start, end: blocks.length, afterGap });
  return pieces;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
