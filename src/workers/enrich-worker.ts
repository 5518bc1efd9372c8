/**
 * The worker thread that enriches articles on another core: a share of a cold build's, or the
 * new articles of an incremental build. It loads the tables first, then answers each request
 * with small records: each article's labels without the text it was given (an `EnrichEntry`),
 * which the build thread puts back together with that text.
 */
import { workerData } from 'node:worker_threads';
import { loadEnrichment, type Enrichment } from '../enrich/load-enrichment.js';
import { enrichArticle } from '../stages/enrich-article.js';
import { toEnrichEntry, type EnrichEntry } from '../cache/build-cache.js';
import type { EnrichRequest, EnrichSetup } from './enrich-in-worker.js';
import { answerRequests } from './request-thread.js';

const setup = workerData as EnrichSetup;
let enrichment: Enrichment | Error;
try {
  enrichment = loadEnrichment(setup.taxonomy ?? undefined);
} catch (error) {
  enrichment = error instanceof Error ? error : new Error(String(error));
}
answerRequests<EnrichRequest, EnrichEntry[]>((articles) => {
  if (enrichment instanceof Error) throw enrichment;
  const tables = enrichment;
  return articles.map((a) => {
    const r = enrichArticle(a, tables);
    return toEnrichEntry(r.article, r.diagnostics);
  });
});
