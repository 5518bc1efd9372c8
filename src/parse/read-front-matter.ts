import matter from 'gray-matter';
import { parseDocument, type YAMLWarning } from 'yaml';
import type { Diagnostic, FrontMatter } from '../model/types.js';
import { slugPattern } from '../text/slug.js';

/** Front matter read from the top of a seed: the metadata and where the body starts. */
export interface FrontMatterResult {
  readonly meta: FrontMatter;
  /** Index into the lines of the first line after the front matter (0 when there is none). */
  readonly bodyStart: number;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * The block between the `---` lines was not a YAML mapping: it may be scraped text set off by
   * rules, so the parser also reads it as body and keeps whichever reading finds more articles.
   */
  readonly maybeText?: boolean;
}

/** Largest front matter read, in characters: gray-matter's comment regex is quadratic. */
export const maxFrontMatterChars = 16 * 1024;

const stringKeys = ['headline', 'credit', 'slug', 'source_url', 'byline', 'summary', 'editor_note'] as const;
const knownKeys = new Set<string>(['date', 'countries', 'topics', 'captions', ...stringKeys]);

/** gray-matter would `eval` JavaScript front matter; this engine makes sure it never runs. */
function refuseEngine(): never {
  throw new Error('executable front matter is not allowed');
}

/**
 * gray-matter's engines for one file: YAML parsed with its warnings kept in `warnings` (the yaml
 * package would print them to the terminal without naming the file), and no executable kinds.
 */
function enginesFor(warnings: YAMLWarning[]) {
  const yaml = (source: string): object => {
    const doc = parseDocument(source, { schema: 'core' });
    if (doc.errors.length > 0) throw doc.errors[0];
    warnings.push(...doc.warnings);
    return (doc.toJS({ maxAliasCount: 50 }) as object | null) ?? {};
  };
  return {
    yaml: { parse: yaml, stringify: refuseEngine },
    js: { parse: refuseEngine, stringify: refuseEngine },
    javascript: { parse: refuseEngine, stringify: refuseEngine },
  };
}

/**
 * Reads optional YAML front matter from the first lines of a seed and validates it against a
 * strict schema. Only a first line that is exactly `---` opens front matter; `---js` and other
 * languages are refused without running anything; `--- Breaking ---` is body text.
 */
export function readFrontMatter(file: string, lines: readonly string[]): FrontMatterResult {
  const none: FrontMatterResult = { meta: {}, bodyStart: 0, diagnostics: [] };
  const first = lines[0]?.replace(/^\uFEFF/, '') ?? '';
  const opener = /^---([A-Za-z]*)$/.exec(first);
  if (!opener) return none;
  const problem = (line: number, rule: string, message: string): Diagnostic => ({
    file, line, severity: 'error', rule, message,
  });
  // Find the closing line however far it is (a cheap scan), so that a front matter refused for
  // its size is still skipped whole and its YAML lines never become article text.
  let close = -1;
  let size = 0;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '---') {
      close = i;
      break;
    }
    size += (lines[i]?.length ?? 0) + 1;
  }
  if (close === -1) {
    return { meta: {}, bodyStart: 1, diagnostics: [problem(1, 'front-matter-unclosed', 'front matter opened with --- is never closed; end it with a line holding only ---')] };
  }
  if (size > maxFrontMatterChars) {
    return {
      meta: {},
      bodyStart: close + 1,
      diagnostics: [problem(1, 'front-matter-too-large', `front matter of ${size} characters is over the ${maxFrontMatterChars}-character limit and was not read; shorten it`)],
    };
  }
  const language = (opener[1] ?? '').toLowerCase();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    return {
      meta: {},
      bodyStart: close + 1,
      diagnostics: [problem(1, 'front-matter-language', `front matter in "${opener[1]}" is not allowed (it would run code); only YAML front matter opened by --- is read`)],
    };
  }
  let data: unknown;
  const warnings: YAMLWarning[] = [];
  try {
    const source = ['---', ...lines.slice(1, close), '---', ''].join('\n');
    data = matter(source, { language: 'yaml', engines: enginesFor(warnings) } as unknown as Parameters<typeof matter>[1]).data;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { meta: {}, bodyStart: close + 1, diagnostics: [problem(yamlErrorLine(error, close), 'front-matter-yaml', `malformed YAML front matter: ${reason}`)], maybeText: true };
  }
  const { meta, diagnostics } = validateFrontMatter(file, data, lines.slice(0, close));
  for (const w of warnings) {
    diagnostics.push({ file, line: yamlErrorLine(w, close), severity: 'warning', rule: 'front-matter-yaml-warning', message: `YAML front matter: ${w.message.split('\n')[0]}` });
  }
  const mapping = data !== null && typeof data === 'object' && !Array.isArray(data);
  return { meta, bodyStart: close + 1, diagnostics, maybeText: !mapping };
}

/**
 * The file line of a YAML error: the yaml parser's own position (its line 1 is the rest of the
 * opening `---` line, so its line numbers are the file's), kept inside the front matter; else 1.
 */
function yamlErrorLine(error: unknown, close: number): number {
  const line = (error as { linePos?: Array<{ line?: unknown }> } | null)?.linePos?.[0]?.line;
  return typeof line === 'number' && Number.isInteger(line) && line >= 1 ? Math.min(line, close + 1) : 1;
}

/** Checks parsed front matter against the schema; every unknown key or wrong type is an error. */
function validateFrontMatter(
  file: string,
  data: unknown,
  fmLines: readonly string[],
): { meta: FrontMatter; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const lineOf = (key: string): number => {
    const i = fmLines.findIndex((l) => l.startsWith(`${key}:`) || l.startsWith(`"${key}":`) || l.startsWith(`'${key}':`));
    return i === -1 ? 1 : i + 1;
  };
  const bad = (key: string, message: string): void => {
    diagnostics.push({ file, line: lineOf(key), severity: 'error', rule: 'front-matter-schema', message: `front matter key "${key}": ${message}` });
  };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push({ file, line: 1, severity: 'error', rule: 'front-matter-schema', message: 'front matter must be a mapping of keys to values' });
    return { meta: {}, diagnostics };
  }
  const meta: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(data)) {
    const value = (data as Record<string, unknown>)[key];
    if (!knownKeys.has(key)) {
      bad(key, `unknown key; allowed keys are ${[...knownKeys].join(', ')}`);
    } else if (key === 'date') {
      if (typeof value !== 'string' || !isRealDate(value)) bad(key, 'must be a real date written YYYY-MM-DD');
      else meta.date = value.slice(0, 10);
    } else if (key === 'captions') {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.length <= 2000)) bad(key, 'must be a list of texts');
      else meta.captions = Object.freeze(value.map((v: string) => v.normalize('NFC')));
    } else if (key === 'countries' || key === 'topics') {
      const pattern = key === 'countries' ? /^[A-Z]{2}$/ : slugPattern;
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && pattern.test(v))) {
        bad(key, key === 'countries' ? 'must be a list of ISO 3166-1 alpha-2 codes such as [IQ, SY]' : 'must be a list of topic slugs');
      } else meta[key] = Object.freeze([...value]);
    } else if (typeof value !== 'string' || value.length > 2000) {
      bad(key, 'must be a text of at most 2000 characters');
    } else if (key === 'source_url' && !/^https?:\/\//i.test(value)) {
      bad(key, 'must be an http or https URL');
    } else {
      // YAML escapes (`"e\u0301"`) can write text the decoder's NFC pass never saw.
      meta[key] = value.normalize('NFC');
    }
  }
  return { meta: { ...(meta as FrontMatter) }, diagnostics };
}

/** True for `YYYY-MM-DD` (optionally followed by a time) naming a day that exists. */
function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
