import type { Diagnostic } from '../model/types.js';
import { removeIllegalChars } from './remove-illegal-chars.js';

/** Limits that keep one hostile seed from taking the build down; documented in README "Safety". */
export interface DecodeLimits {
  /** Largest seed file read, in bytes (default 5 MiB). */
  readonly maxFileBytes: number;
  /** Longest line kept, in characters (default 100,000); a longer one is dropped with an error. */
  readonly maxLineChars: number;
  /** Largest Markdown (`.md`) seed read, in bytes (default 256 KiB): Markdown costs far more to parse. */
  readonly maxMarkdownBytes: number;
  /** Longest a Markdown text may take to parse, in ms (default 10 s); past it the parse is stopped. */
  readonly markdownBudgetMs: number;
}

/** Default limits: 5 MiB a file, 100,000 characters a line, 256 KiB and 10 s a Markdown seed. */
export const defaultDecodeLimits = {
  maxFileBytes: 5 * 1024 * 1024,
  maxLineChars: 100_000,
  maxMarkdownBytes: 256 * 1024,
  markdownBudgetMs: 10_000,
} satisfies DecodeLimits;

/** A seed decoded to normalised lines: NFC, no BOM, no CR, no trailing white space. */
export interface DecodedSeed {
  /** Line `i` of the array is line `i + 1` of the file. */
  readonly lines: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Lines of one file reported for control characters; the rest are counted in one warning. */
const maxControlWarnings = 20;

/**
 * Invisible format characters: soft hyphen, combining grapheme joiner, Arabic letter mark,
 * Mongolian vowel separator, zero-width spaces and joiners, direction marks and embeddings,
 * word joiner and invisible operators, isolates, and the BOM.
 */
const invisibleChar = /[\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/;
/** The invisible characters with no direction: only these are trimmed from a line's start (an RLO there turns the whole line). */
const zeroWidthChar = /[\u00AD\u034F\u180E\u200B-\u200D\u2060\uFEFF]/;
const blankLine = /^[\s\u00AD\u034F\u180E\u200B-\u200D\u2060\uFEFF]*$/;

/**
 * A line without zero-width characters at its start, nor white space or invisible characters
 * at its end. A loop, not a regex: `[\s…]+$` backtracks quadratically on a long run of spaces.
 */
function trimInvisible(line: string): string {
  let start = 0;
  while (start < line.length && zeroWidthChar.test(line[start]!)) start++;
  let end = line.length;
  while (end > start && (invisibleChar.test(line[end - 1]!) || /\s/.test(line[end - 1]!))) end--;
  // A line of nothing but direction controls is kept as written (a headline of RLOs is odd text,
  // not a blank line); only white space and zero-width characters make a line blank.
  if (end === start && !blankLine.test(line)) return line.trimEnd();
  return line.slice(start, end);
}

/** Stands in for a line left out for its length; the parser treats it as scrape noise. */
export const droppedLine = '\u0000';

const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes a seed's bytes into normalised lines, or reports why it cannot (empty, too large,
 * binary, invalid UTF-8) with the file and line. Bytes are never silently replaced by U+FFFD.
 */
export function decodeSeed(
  file: string,
  bytes: Uint8Array,
  limits: DecodeLimits = defaultDecodeLimits,
): DecodedSeed {
  const fail = (line: number, rule: string, message: string): DecodedSeed => ({
    lines: [],
    diagnostics: [{ file, line, severity: 'error', rule, message }],
  });
  if (bytes.length === 0) {
    return fail(1, 'empty-file', 'the file is empty; add articles or delete it');
  }
  if (bytes.length > limits.maxFileBytes) {
    return fail(
      1,
      'file-too-large',
      `the file is ${bytes.length} bytes, over the ${limits.maxFileBytes}-byte limit; split it into smaller seed files`,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return fail(
      lineOfOffset(bytes, nul),
      'binary-file',
      'the file holds NUL bytes, so it is binary, not a text seed; remove it from the seeds folder',
    );
  }
  let text: string;
  try {
    text = fatalDecoder.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return fail(
      lineOfOffset(bytes, bad),
      'invalid-utf8',
      `invalid UTF-8 at byte ${bad}; re-save the file as UTF-8`,
    );
  }
  const diagnostics: Diagnostic[] = [];
  let controlLines = 0;
  const lines = text
    .normalize('NFC')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => {
      if (raw.length > limits.maxLineChars) {
        diagnostics.push({
          file,
          line: i + 1,
          severity: 'error',
          rule: 'line-too-long',
          message: `line of ${raw.length} characters is over the ${limits.maxLineChars}-character limit and was left out; break it into paragraphs`,
        });
        // A placeholder, not a blank line: dropping the line must not split its article.
        return droppedLine;
      }
      // Control characters and noncharacters would make every feed holding the text invalid XML.
      const clean = removeIllegalChars(raw);
      if (clean !== raw && ++controlLines <= maxControlWarnings) {
        diagnostics.push({
          file,
          line: i + 1,
          severity: 'warning',
          rule: 'control-character',
          message: 'control characters or Unicode noncharacters were removed from the line; re-save the file without them',
        });
      }
      // Invisible characters at either end of a line (a scrape's U+200B after TT or a caption)
      // would hide the line's meaning from the header checks; a line of only those is blank.
      return ownString(trimInvisible(clean));
    });
  if (controlLines > maxControlWarnings) {
    diagnostics.push({
      file,
      line: 1,
      severity: 'warning',
      rule: 'control-character',
      message: `control characters were removed from ${controlLines - maxControlWarnings} more line(s) than those reported`,
    });
  }
  if (!lines.some((l) => l !== '') && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push({
      file,
      line: 1,
      severity: 'error',
      rule: 'empty-file',
      message: 'the file holds only white space; add articles or delete it',
    });
  }
  return { lines, diagnostics };
}

/** 1-based line number of a byte offset, counting LF, CRLF and lone CR as line ends. */
function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/** Offset of the first byte that breaks UTF-8 (the fatal decoder does not say where). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    const chunk = bytes.subarray(i, i + need + 1);
    if (chunk.length < need + 1) return i;
    try {
      fatalDecoder.decode(chunk);
    } catch {
      return i;
    }
    i += need + 1;
  }
  return Math.max(0, bytes.length - 1);
}

/**
 * `line` as a string of its own. A line split from the file's text is a slice of it: it keeps
 * the whole text alive, and is stored two bytes a character when any character of the file
 * needs it (one curly quote will do). An ASCII headline then cost twice its bytes everywhere it
 * went: sent to the render thread (serialising the pages' inputs took 2 to 3 s of a cold
 * 10,000-article build's main thread), cached, hashed, matched by regular expressions. A copy
 * holds only its characters, one byte each when they all fit. (V8 copies a string shorter than
 * 13 characters anyway, never slicing it.)
 */
function ownString(line: string): string {
  if (line.length < 13) return line;
  return /[^\x00-\xff]/.test(line) ? Buffer.from(line, 'utf16le').toString('utf16le') : Buffer.from(line, 'latin1').toString('latin1');
}
