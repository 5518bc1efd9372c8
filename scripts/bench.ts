/**
 * Build benchmark: generates a seeds folder of N synthetic articles (made from the sample
 * articles' real sentences, with distinct headlines and dates), builds it twice (cold, then
 * unchanged, to measure the incremental write) and prints stage times, throughput and peak memory.
 *
 *   npm run bench -- --articles 20000 --per-file 10 [--search] [--big-file]
 *
 * --big-file adds one seed of just under the 5 MiB limit; the slowest single-file parse is
 * reported either way (the limit promised: under a second).
 */
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../src/build.js';
import { parseSeed } from '../src/stages/parse-seed.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '20000' },
    'per-file': { type: 'string', default: '10' },
    search: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'big-file': { type: 'boolean', default: false },
  },
});
const total = Number(values.articles);
const perFile = Number(values['per-file']);

const seedsDir = new URL('../seeds/', import.meta.url).pathname;
const samples = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()
  .flatMap((f) => parseSeed({ path: f, bytes: readFileSync(path.join(seedsDir, f)) }).articles);
const words = ['Northern', 'Officials', 'Border', 'Council', 'Markets', 'Envoy', 'Harbour', 'Court', 'Schools', 'Clinic', 'Drought', 'League'];

function article(i: number): string {
  const s = samples[i % samples.length]!;
  const headline = `${s.headline} ${words[i % words.length]} ${i}`;
  const month = String((i % 12) + 1).padStart(2, '0');
  const day = String((i % 28) + 1).padStart(2, '0');
  const caption = `${s.captions[0]?.replace(/\s*\([^()]*\)$/, '') ?? 'A photo'} on ${2000 + (i % 25)}-${month}-${day}. (AFP)`;
  const body = s.paragraphs.map((p, k) => (k === 0 ? `${p} Report ${i}.` : p));
  return [headline, '', caption, caption, 'TT', '', headline, '', caption, caption, '', ...body.flatMap((p) => [p, ''])].join('\n');
}

const work = mkdtempSync(path.join(tmpdir(), 'dateline-bench-'));
const seeds = path.join(work, 'seeds');
mkdirSync(seeds);
let bytes = 0;
for (let f = 0; f * perFile < total; f++) {
  const text = Array.from({ length: Math.min(perFile, total - f * perFile) }, (_, k) => article(f * perFile + k)).join('\n\n\n');
  bytes += Buffer.byteLength(text);
  writeFileSync(path.join(seeds, `bench_${String(f).padStart(6, '0')}.txt`), text);
}
if (values['big-file']) {
  // Articles repeated up to just under the 5 MiB limit, with distinct headlines.
  const parts: string[] = [];
  let size = 0;
  for (let i = total; size < 5 * 1024 * 1024 - 20_000; i++) {
    const a = article(i);
    parts.push(a);
    size += Buffer.byteLength(a) + 3;
  }
  writeFileSync(path.join(seeds, 'bench_big.txt'), parts.join('\n\n\n'));
  bytes += size;
  console.log(`big seed: ${(size / 1048576).toFixed(2)} MiB, ${parts.length} articles`);
}
let slowest = { file: '', ms: 0 };
for (const f of readdirSync(seeds)) {
  const t = performance.now();
  parseSeed({ path: f, bytes: readFileSync(path.join(seeds, f)) });
  const ms = performance.now() - t;
  if (ms > slowest.ms) slowest = { file: f, ms };
}
console.log(`slowest single-file parse: ${slowest.file} ${slowest.ms.toFixed(0)} ms`);
console.log(`${total} articles in ${Math.ceil(total / perFile)} files, ${(bytes / 1048576).toFixed(1)} MiB of seeds`);

let peak = 0;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
for (const run of ['cold build', 'unchanged rebuild']) {
  const stages: string[] = [];
  const start = performance.now();
  const result = await buildSite(
    { seedsDir: seeds, outDir: path.join(work, 'dist'), search: values.search },
    { onStage: (name, ms) => stages.push(`${name} ${ms.toFixed(0)} ms (heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MiB, rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB)`) },
  );
  const ms = performance.now() - start;
  console.log(`\n${run}: ${(ms / 1000).toFixed(2)} s, ${(result.report.articles / (ms / 1000)).toFixed(0)} articles/s, ${result.fileCount} files (${result.stats.written} written, ${result.stats.unchanged} unchanged)`);
  console.log(`  ${stages.join('\n  ')}`);
}
clearInterval(timer);
console.log(`\npeak RSS ${(peak / 1048576).toFixed(0)} MiB`);
if (!values.keep) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
