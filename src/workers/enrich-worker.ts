/**
 * The worker thread that enriches a share of a cold build's articles on another core. It gets
 * the articles' text and sends back small records: each article's labels without the text it
 * was given (an `EnrichEntry`), which the build thread puts back together with that text.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadEnrichment } from '../enrich/load-enrichment.js';
import { enrichArticle } from '../stages/enrich-article.js';
import { toEnrichEntry } from '../cache/build-cache.js';
import type { EnrichJob } from './enrich-in-worker.js';

const job = workerData as EnrichJob;
const enrichment = loadEnrichment(job.taxonomy ?? undefined);
parentPort!.postMessage(job.articles.map((a) => {
  const r = enrichArticle(a, enrichment);
  return toEnrichEntry(r.article, r.diagnostics);
}));
