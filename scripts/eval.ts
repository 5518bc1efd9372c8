/**
 * `npm run eval`: scores country, topic, date and credit tagging on the labelled dev set and the
 * sample seeds, lists every mismatch, and times the enrichment of 10,000 articles.
 * Always exits 0 unless the evaluation itself cannot run; the accuracy test enforces the floors.
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadEnrichment } from '../src/enrich/load-enrichment.js';
import { enrichArticle } from '../src/stages/enrich-article.js';
import { readLabelledArticles, readLabels, scoreArticles, toMerged, type ExactScore, type SetScore } from './score-labels.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const f3 = (x: number): string => x.toFixed(3);

function setLine(name: string, s: SetScore, primary: string): string {
  return `${name.padEnd(10)} P ${f3(s.precision)}  R ${f3(s.recall)}  F1 ${f3(s.f1)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})  ${primary} ${s.primaryRight}/${s.articles} = ${pct(s.primaryAccuracy)}`;
}

function exactLine(name: string, s: ExactScore): string {
  return `${name.padEnd(10)} ${s.right}/${s.total} = ${pct(s.accuracy)}`;
}

const loadStart = performance.now();
const ctx = loadEnrichment();
const loadMs = performance.now() - loadStart;

const parsed = readLabelledArticles();
const articles = parsed.map(({ article }, i) => enrichArticle(toMerged(article, `a${i}`), ctx).article);
const labels = readLabels();

for (const set of ['dev', 'sample', 'holdout', 'all'] as const) {
  const chosen = labels.filter((l) => set === 'all' || l.set === set);
  const ev = scoreArticles(chosen, articles);
  const title = { dev: 'dev set', sample: 'sample seeds', holdout: 'blind holdout (never tuned on)', all: 'all labelled sets' }[set];
  console.log(`\n== ${title} (${chosen.length} labelled articles) ==`);
  console.log(setLine('countries', ev.countries, 'primary'));
  console.log(setLine('topics', ev.topics, 'primary'));
  if (ev.date.total > 0) console.log(exactLine('date', ev.date));
  if (ev.dateSource.total > 0) console.log(exactLine('dateSource', ev.dateSource));
  if (ev.photoDate.total > 0) console.log(exactLine('photo date', ev.photoDate));
  console.log(exactLine('credit', ev.credit));
  if (ev.samplesExact.total > 0) console.log(exactLine('samples exact', ev.samplesExact));
  if (set === 'all') {
    console.log(`\n== mismatches (${ev.mismatches.length}) ==`);
    for (const m of ev.mismatches) {
      console.log(`[${m.set}] ${m.headline}\n    ${m.field}: expected ${m.expected}, got ${m.got}${m.detail ? `\n    evidence: ${m.detail}` : ''}`);
    }
    if (ev.unmatchedLabels.length > 0) console.log(`unmatched labels: ${ev.unmatchedLabels.length}`);
  }
}

// Timing: enrich 10,000 articles (the labelled articles repeated) with the one shared enrichment.
const n = 10_000;
const start = performance.now();
const cpuStart = process.cpuUsage();
for (let i = 0; i < n; i++) {
  const { article } = parsed[i % parsed.length]!;
  enrichArticle(toMerged(article, `t${i}`), ctx);
}
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
console.log(`\n== timing ==\nloading enrichment (gazetteer, taxonomy, credits, once): ${loadMs.toFixed(0)} ms`);
console.log(`enriching ${n} articles: ${ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU (${((ms / n) * 1000).toFixed(0)} µs/article; target ≤ 2000 ms) ${ms <= 2000 ? 'OK' : 'SLOW'}`);
console.log(`load average (1 min): ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} CPUs: a busy machine slows the wall time`);
