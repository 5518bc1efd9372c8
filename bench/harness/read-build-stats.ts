/**
 * What one `dateline build` says it did, read from its stdout: the `--json` object when the CLI
 * printed one, otherwise the human summary line
 * `… → A articles (…), N files: W written, U unchanged → out/`.
 */

/** Cache lookups a build reports (only builds with the incremental cache report them). */
export interface CacheCounts {
  readonly hits: number;
  readonly misses: number;
}

/** The figures the benchmark and the CI simulation read; `null` where the build did not say. */
export interface BuildStats {
  readonly source: 'json' | 'summary';
  readonly articles: number | null;
  readonly files: number | null;
  readonly written: number | null;
  readonly unchanged: number | null;
  readonly bytesWritten: number | null;
  readonly cache: CacheCounts | null;
  /** Stage name → milliseconds, from the `✓ stage N ms` lines or a `stages` field. */
  readonly stages: ReadonlyMap<string, number>;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The last JSON object in `stdout`: all of it, or the last line (or last `{`-led block) that parses. */
function lastJsonObject(stdout: string): Json | null {
  const text = stdout.trim();
  const candidates = [text];
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.startsWith('{')) candidates.push(lines.slice(i).join('\n'), lines[i]!);
  for (const c of candidates) {
    try {
      const value = JSON.parse(c) as unknown;
      if (isObject(value)) return value;
    } catch {
      // not JSON: try the next candidate, then fall back to the summary line
    }
  }
  return null;
}

/** The first finite number found at any of `paths` (dotted) in `obj`. */
function numberAt(obj: Json, ...paths: string[]): number | null {
  for (const p of paths) {
    let v: unknown = obj;
    for (const key of p.split('.')) v = isObject(v) ? v[key] : undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return null;
}

/** Cache counts from the JSON, wherever the engine put them (`cache`, `stats.cache`). */
function cacheCounts(obj: Json): CacheCounts | null {
  for (const holder of [obj.cache, isObject(obj.stats) ? obj.stats.cache : undefined]) {
    if (!isObject(holder)) continue;
    const hits = numberAt(holder, 'hits', 'hit');
    const misses = numberAt(holder, 'misses', 'miss');
    if (hits !== null) return { hits, misses: misses ?? 0 };
  }
  return null;
}

/** Stage times from `✓ name N ms` lines, else from a `stages` object or `[{name, ms}]` list in the JSON. */
function stageTimes(stdout: string, json: Json | null): Map<string, number> {
  const stages = new Map<string, number>();
  for (const m of stdout.matchAll(/^✓ (.+?) (\d+(?:\.\d+)?) ms$/gmu)) stages.set(m[1]!, Number(m[2]));
  if (stages.size > 0 || json === null) return stages;
  const field = json.stages;
  if (Array.isArray(field)) {
    for (const s of field) if (isObject(s) && typeof s.name === 'string' && typeof s.ms === 'number') stages.set(s.name, s.ms);
  } else if (isObject(field)) {
    for (const [name, ms] of Object.entries(field)) if (typeof ms === 'number') stages.set(name, ms);
  }
  return stages;
}

/**
 * Reads a build's stdout into `BuildStats`; throws a `TypeError` when it holds neither a JSON
 * object nor the summary line, since then the build's output format changed under the harness.
 */
export function readBuildStats(stdout: string): BuildStats {
  const json = lastJsonObject(stdout);
  if (json !== null) {
    const written = numberAt(json, 'stats.written', 'write.written', 'written');
    const unchanged = numberAt(json, 'stats.unchanged', 'write.unchanged', 'unchanged');
    return {
      source: 'json',
      articles: numberAt(json, 'report.articles', 'articles'),
      files: numberAt(json, 'fileCount', 'stats.fileCount', 'stats.files') ?? (written !== null && unchanged !== null ? written + unchanged : null),
      written,
      unchanged,
      bytesWritten: numberAt(json, 'stats.bytesWritten', 'stats.writtenBytes', 'stats.bytes', 'write.bytesWritten', 'bytesWritten'),
      cache: cacheCounts(json),
      stages: stageTimes(stdout, json),
    };
  }
  const summary = /(?:→\s*([\d,]+) articles\b.*?)?([\d,]+) files: ([\d,]+) written, ([\d,]+) unchanged/u.exec(stdout);
  if (!summary) throw new TypeError(`readBuildStats: no JSON object and no "N files: W written, U unchanged" line in: ${stdout.slice(-300)}`);
  const n = (s: string | undefined): number | null => (s === undefined ? null : Number(s.replaceAll(',', '')));
  return {
    source: 'summary',
    articles: n(summary[1]),
    files: n(summary[2]),
    written: n(summary[3]),
    unchanged: n(summary[4]),
    bytesWritten: null,
    cache: null,
    stages: stageTimes(stdout, null),
  };
}
