/**
 * `npm run bench`: dateline beside Hugo and Hugo + Pagefind on one generated corpus, in one
 * interleaved run, printed as one Markdown table (issue 8).
 *
 *   npm run bench                              10,000 articles, 3 interleaved rounds
 *   npm run bench -- --articles 50000 --runs 5
 *   npm run bench -- --quick                   1,000 articles, 1 round: checks the harness
 *   options: --no-peers  --seed 42  --out-root DIR (default /dev/shm/dateline-bench-N)  --keep
 *            --parse-probe (slowest single-file parse, in process)  --big-file (adds a seed just under 5 MiB to the probe)
 *
 * Each round runs: dateline cold, no-change and +1 seed (pages only), Hugo, dateline cold,
 * no-change and +1 seed (with search), Hugo + Pagefind, then the floors (copying dateline's output,
 * reading the seeds); a round's no-change figure is the median of three builds in a row. Every
 * figure is the median over the rounds. dateline is timed as users run
 * it, `node lib/cli.js build` (package.json `bin`), never through tsx; `lib/` is compiled first
 * when a source is newer. Cold means no output folder and an empty cache folder; +1 seed copies
 * one extra seed file (generated with another corpus seed) into the seeds folder and rebuilds.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCliFeatures } from '../bench/harness/cli-features.js';
import { snapshotOutput, writtenSince } from '../bench/harness/output-snapshot.js';
import { readBuildStats, type CacheCounts } from '../bench/harness/read-build-stats.js';
import { timeCommand, type TimedRun } from '../bench/harness/time-command.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    runs: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'no-peers': { type: 'boolean', default: false },
    seed: { type: 'string', default: '42' },
    'out-root': { type: 'string' },
    keep: { type: 'boolean', default: false },
    'parse-probe': { type: 'boolean', default: false },
    'big-file': { type: 'boolean', default: false },
  },
});
const articles = Number(values.articles ?? (values.quick ? 1000 : 10_000));
const rounds = Number(values.runs ?? (values.quick ? 1 : 3));
const seed = Number(values.seed);
if (!Number.isInteger(articles) || articles < 4 || !Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(seed)) {
  throw new TypeError('bench: --articles must be an integer ≥ 4, --runs ≥ 1, --seed an integer');
}
const peers = !values['no-peers'];

const repo = path.resolve(new URL('..', import.meta.url).pathname);
const cli = path.join(repo, 'lib/cli.js');
const root = path.resolve(values['out-root'] ?? `/dev/shm/dateline-bench-${articles}`);
const corpus = `/tmp/bench-${articles}`;
const seeds = path.join(corpus, 'seeds');
const extraName = 'zz-bench-new-seed.txt';
const extraTarget = path.join(seeds, extraName);

/** Newest modification time of any file below `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) newest = Math.max(newest, statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
}

// ---- set-up (nothing here is timed) ----
if (!existsSync(cli) || newestMtime(path.join(repo, 'src')) > statSync(cli).mtimeMs) {
  process.stderr.write('compiling lib/ (a source is newer than lib/cli.js)\n');
  execFileSync(process.execPath, [path.join(repo, 'scripts/compile-if-stale.mjs')], { stdio: 'inherit', cwd: repo });
}
const features = readCliFeatures(cli);
rmSync(extraTarget, { force: true }); // left behind by an interrupted run
rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
const setup = execFileSync('bash', [path.join(repo, 'bench/run-peers.sh'), String(articles)], {
  encoding: 'utf8',
  env: { ...process.env, RUNS: '0', TOOLS: peers ? 'hugo hugo-pagefind' : '', OUT_ROOT: path.join(root, 'peers'), SEED: String(seed), CORPUS: corpus },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const versions = setup.split('\n')[0] ?? '';
const hugoVersion = /hugo v?([\d.]+)/.exec(versions)?.[1] ?? '?';
const pagefindVersion = /pagefind ([\d.]+)/.exec(versions)?.[1] ?? '?';

const extraDir = path.join(root, 'extra-corpus');
execFileSync(process.execPath, [path.join(repo, 'bench/gen-corpus.mjs'), '--articles', '3', '--out', extraDir, '--seed', String(seed + 1)], { stdio: 'ignore' });
const extraSource = path.join(extraDir, 'seeds', readdirSync(path.join(extraDir, 'seeds')).sort()[0]!);
const seedFiles = readdirSync(seeds).filter((f) => f.endsWith('.txt'));
const seedBytes = seedFiles.reduce((sum, f) => sum + statSync(path.join(seeds, f)).size, 0);

// ---- one measured step ----
interface Sample {
  readonly wallMs: number;
  readonly peakKiB: number | null;
  readonly filesWritten: number | null;
  readonly bytesWritten: number | null;
  /** True when the bytes come from the output folder (new inodes), not from the build's stats. */
  readonly bytesFromFolder: boolean;
  readonly articles: number | null;
  readonly cache: CacheCounts | null;
  readonly stages: ReadonlyMap<string, number>;
}

type Mode = 'pages' | 'search';
type Kind = 'cold' | 'no-change' | '+1 seed';

/** Fails the benchmark with the end of a command's output when it did not exit 0. */
function check(name: string, run: TimedRun): TimedRun {
  if (run.code !== 0) throw new Error(`${name} exited ${run.code}:\n${(run.stderr || run.stdout).slice(-2000)}`);
  return run;
}

/** One dateline build of `kind` in `mode`, in its own working folder (so `.dateline-cache/` is its own). */
async function dateline(mode: Mode, kind: Kind): Promise<Sample> {
  const cwd = path.join(root, `dateline-${mode}`);
  const out = path.join(cwd, 'out');
  const cache = path.join(cwd, '.dateline-cache');
  mkdirSync(cwd, { recursive: true });
  if (kind === 'cold') {
    rmSync(out, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache);
  }
  if (kind === '+1 seed') copyFileSync(extraSource, extraTarget);
  const before = snapshotOutput(out);
  const args = [cli, 'build', '--seeds', seeds, '--out', out];
  if (mode === 'pages') args.push('--no-search');
  if (features.cacheDir) args.push('--cache-dir', cache);
  if (features.json) args.push('--json');
  try {
    const run = check(`dateline ${kind} (${mode})`, await timeCommand(process.execPath, args, { cwd }));
    const stats = readBuildStats(run.stdout);
    const folder = writtenSince(before, snapshotOutput(out));
    return {
      wallMs: run.wallMs,
      peakKiB: run.peakKiB,
      filesWritten: stats.written ?? folder.files,
      bytesWritten: stats.bytesWritten ?? folder.bytes,
      bytesFromFolder: stats.bytesWritten === null,
      articles: stats.articles,
      cache: stats.cache,
      stages: stats.stages,
    };
  } finally {
    rmSync(extraTarget, { force: true });
    // tmpfs is memory: the pages-only output is not needed again this round (the floor copies the other)
    if (mode === 'pages' && kind === '+1 seed') rmSync(cwd, { recursive: true, force: true });
  }
}

/** A shell command timed like a build; `out` (removed first, untimed) is the folder it writes. */
async function shell(name: string, command: string, out: string | null): Promise<Sample> {
  if (out !== null) rmSync(out, { recursive: true, force: true });
  const run = check(name, await timeCommand('sh', ['-c', command], { cwd: root }));
  const folder = out === null ? null : writtenSince(new Map(), snapshotOutput(out));
  if (out !== null) rmSync(out, { recursive: true, force: true }); // tmpfs is memory: free it before the next build
  return { wallMs: run.wallMs, peakKiB: run.peakKiB, filesWritten: folder?.files ?? null, bytesWritten: folder?.bytes ?? null, bytesFromFolder: true, articles: null, cache: null, stages: new Map() };
}

/**
 * A round's no-change figure: the median of `noChangeBuilds` no-change builds in a row. One
 * build takes a third of a second, so a single one right after a cold build measures the
 * machine settling (freeing the cold build's memory) as much as the build; every build is kept
 * in the detail below the table.
 */
const noChangeBuilds = 3;
const noChangeWalls = new Map<Mode, number[]>();

async function noChange(mode: Mode): Promise<Sample> {
  const runs: Sample[] = [];
  for (let i = 0; i < noChangeBuilds; i++) runs.push(await dateline(mode, 'no-change'));
  noChangeWalls.set(mode, [...(noChangeWalls.get(mode) ?? []), ...runs.map((r) => r.wallMs)]);
  return [...runs].sort((a, b) => a.wallMs - b.wallMs)[(noChangeBuilds - 1) >> 1]!;
}

const peerCommand = (name: string): string => readFileSync(path.join(root, 'peers', `${name}.cmd`), 'utf8').trim();
const floorOut = path.join(root, 'floor-copy');
const steps: ReadonlyArray<{ key: string; run: () => Promise<Sample> }> = [
  { key: 'cold pages', run: () => dateline('pages', 'cold') },
  { key: 'no-change pages', run: () => noChange('pages') },
  { key: '+1 seed pages', run: () => dateline('pages', '+1 seed') },
  ...(peers ? [{ key: 'hugo', run: () => shell('hugo', peerCommand('hugo'), path.join(root, 'peers/hugo-out')) }] : []),
  { key: 'cold search', run: () => dateline('search', 'cold') },
  { key: 'no-change search', run: () => noChange('search') },
  { key: '+1 seed search', run: () => dateline('search', '+1 seed') },
  ...(peers ? [{ key: 'hugo-pagefind', run: () => shell('hugo + pagefind', peerCommand('hugo-pagefind'), path.join(root, 'peers/hugo-pagefind-out')) }] : []),
  { key: 'floor copy', run: () => shell('cp -r', `cp -r '${path.join(root, 'dateline-search/out')}' '${floorOut}'`, floorOut) },
  { key: 'floor read', run: () => shell('cat seeds', `find '${seeds}' -name '*.txt' -exec cat {} + >/dev/null`, null) },
];

const samples = new Map<string, Sample[]>(steps.map((s) => [s.key, []]));
for (let r = 1; r <= rounds; r++) {
  for (const step of steps) {
    const sample = await step.run();
    samples.get(step.key)!.push(sample);
    process.stderr.write(`[${r}/${rounds}] ${step.key}: ${(sample.wallMs / 1000).toFixed(2)} s\n`);
  }
}

// ---- the table ----
/** Median of the numbers (the lower middle one for an even count); null when there are none. */
function median(xs: ReadonlyArray<number | null>): number | null {
  const sorted = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  return sorted.length === 0 ? null : sorted[Math.floor((sorted.length - 1) / 2)]!;
}
const med = (key: string, field: 'wallMs' | 'peakKiB' | 'filesWritten' | 'bytesWritten' | 'articles'): number | null => median(samples.get(key)?.map((s) => s[field]) ?? []);
const secs = (ms: number | null): string => (ms === null ? 'n/a' : ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`);
const mib = (kib: number | null): string => (kib === null ? 'n/a' : `${Math.round(kib / 1024).toLocaleString('en')} MiB`);
const count = (n: number | null): string => (n === null ? 'n/a' : n.toLocaleString('en'));
const bytes = (n: number | null): string => (n === null ? 'n/a' : n < 1e6 ? `${(n / 1e3).toFixed(1)} kB` : `${(n / 1e6).toFixed(1)} MB`);
const ratio = (a: number | null, b: number | null): number | null => (a === null || b === null || b === 0 ? null : a / b);
const times = (x: number | null): string => (x === null ? 'n/a' : `${x.toFixed(2)}×`);
const verdict = (ok: boolean | null): string => (ok === null ? 'n/a' : ok ? 'met' : 'MISSED');
const anyFromFolder = [...samples.values()].flat().some((s) => s.bytesFromFolder && s.cache === null);

/** The goal column of issue 8 for a dateline row. */
function goal(mode: Mode, kind: Kind): string {
  const wall = med(`${kind} ${mode}`, 'wallMs');
  const cold = med(`cold ${mode}`, 'wallMs');
  if (kind === 'cold') {
    if (!peers) return '';
    const peer = mode === 'pages' ? 'hugo' : 'hugo-pagefind';
    const t = ratio(wall, med(peer, 'wallMs'));
    if (mode === 'search') return `≤ 0.5× time: ${verdict(t === null ? null : t <= 0.5)}`;
    const m = ratio(med('cold pages', 'peakKiB'), med('hugo', 'peakKiB'));
    return `≤ 0.4× time: ${verdict(t === null ? null : t <= 0.4)}; ≤ 0.33× RSS: ${verdict(m === null ? null : m <= 1 / 3)}`;
  }
  if (kind === 'no-change') {
    const nothing = med(`no-change ${mode}`, 'filesWritten') === 0;
    return `< 0.5 s, nothing written: ${verdict(wall !== null && wall < 500 && nothing)}`;
  }
  const limit = cold === null ? null : Math.max(0.05 * cold, 500);
  return `< max(5% of cold, 0.5 s) = ${secs(limit)}: ${verdict(wall === null || limit === null ? null : wall < limit)} (${cold && wall ? ((100 * wall) / cold).toFixed(1) : '?'}% of cold)`;
}

const rows: string[][] = [];
for (const mode of ['pages', 'search'] as const) {
  const peerKey = mode === 'pages' ? 'hugo' : 'hugo-pagefind';
  const peerName = mode === 'pages' ? `Hugo ${hugoVersion}` : `Hugo ${hugoVersion} + Pagefind ${pagefindVersion}`;
  for (const kind of ['cold', 'no-change', '+1 seed'] as const) {
    const key = `${kind} ${mode}`;
    const withPeer = peers && kind === 'cold';
    rows.push([
      `${kind}, ${mode === 'pages' ? 'pages only (`--no-search`)' : 'with search'}`,
      secs(med(key, 'wallMs')),
      mib(med(key, 'peakKiB')),
      count(med(key, 'filesWritten')),
      `${bytes(med(key, 'bytesWritten'))}${samples.get(key)!.some((s) => s.bytesFromFolder) ? '*' : ''}`,
      withPeer ? peerName : '',
      withPeer ? secs(med(peerKey, 'wallMs')) : '',
      withPeer ? mib(med(peerKey, 'peakKiB')) : '',
      withPeer ? `${times(ratio(med(key, 'wallMs'), med(peerKey, 'wallMs')))} time, ${times(ratio(med(key, 'peakKiB'), med(peerKey, 'peakKiB')))} RSS` : '',
      goal(mode, kind),
    ]);
  }
}
rows.push(['floor: copy dateline\'s output (`cp -r`)', secs(med('floor copy', 'wallMs')), mib(med('floor copy', 'peakKiB')), count(med('floor copy', 'filesWritten')), bytes(med('floor copy', 'bytesWritten')), '', '', '', '', '']);
rows.push(['floor: read the seeds (`cat`)', secs(med('floor read', 'wallMs')), mib(med('floor read', 'peakKiB')), '0', '0', '', '', '', '', '']);

const cache = features.cacheDir ? '`--cache-dir`' : 'no `--cache-dir` in `--help`: every build is a full build';
console.log(`dateline ${JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version as string} · ${articles.toLocaleString('en')} articles in ${seedFiles.length.toLocaleString('en')} seed files (${bytes(seedBytes)}) · median of ${rounds} interleaved round(s) · output on ${root} · node ${process.version} · ${cpus().length} cores · ${cache}; stats from ${features.json ? '`--json`' : 'the summary line'}`);
console.log('');
console.log('| build | dateline | peak RSS | files written | bytes written | peer | peer time | peer RSS | dateline / peer | goal (issue 8) |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log('');
if (anyFromFolder) console.log('* measured in the output folder, since the build did not report bytes written: the bytes of every file with a new inode, `.dateline-manifest.json` included.');

// ---- checks and detail below the table ----
const built = med('cold pages', 'articles');
if (built !== null && built !== articles) console.log(`WARNING: the cold build made ${built} articles from ${articles} distinct stories.`);
const plusOne = med('+1 seed pages', 'articles');
if (built !== null && plusOne !== null) console.log(`+1 seed: ${path.basename(extraSource)} as ${extraName}, ${plusOne - built} more article(s).`);
for (const [mode, walls] of noChangeWalls) console.log(`no-change builds, ${mode}, every one in run order (each round's figure is the median of its ${noChangeBuilds}): ${walls.map((w) => (w / 1000).toFixed(2)).join(', ')} s`);
for (const key of ['no-change pages', '+1 seed pages', 'no-change search', '+1 seed search']) {
  const c = samples.get(key)!.at(-1)?.cache;
  if (c) console.log(`cache, ${key}: ${c.hits} hits, ${c.misses} misses`);
}
for (const mode of ['pages', 'search'] as const) {
  const names = [...new Set(samples.get(`cold ${mode}`)!.flatMap((s) => [...s.stages.keys()]))];
  if (names.length === 0) continue;
  const parts = names.map((n) => `${n} ${secs(median(samples.get(`cold ${mode}`)!.map((s) => s.stages.get(n) ?? null)))}`);
  console.log(`stages, cold ${mode} (median, in-process clock): ${parts.join(', ')}`);
}

if (values['parse-probe'] || values['big-file']) {
  // In process, through tsx: how long the slowest single seed takes to parse (the limit: under a second).
  const { parseSeed } = await import('../src/stages/parse-seed.js');
  const probe: Array<{ file: string; bytes: Buffer }> = seedFiles.map((f) => ({ file: f, bytes: readFileSync(path.join(seeds, f)) }));
  if (values['big-file']) {
    const parts: Buffer[] = [];
    let size = 0;
    for (const p of probe) {
      if (size + p.bytes.length + 4 >= 5 * 1024 * 1024) break;
      parts.push(p.bytes, Buffer.from('\n\n\n\n'));
      size += p.bytes.length + 4;
    }
    probe.push({ file: 'big-file (corpus seeds joined to just under 5 MiB)', bytes: Buffer.concat(parts.slice(0, -1)) });
  }
  let slowest = { file: '', ms: 0, size: 0 };
  for (const p of probe) {
    const start = performance.now();
    parseSeed({ path: p.file, bytes: p.bytes });
    const ms = performance.now() - start;
    if (ms > slowest.ms) slowest = { file: p.file, ms, size: p.bytes.length };
  }
  console.log(`slowest single-file parse: ${slowest.file} (${bytes(slowest.size)}) ${slowest.ms.toFixed(0)} ms`);
}

if (values.keep) console.log(`kept ${root}`);
else rmSync(root, { recursive: true, force: true });
