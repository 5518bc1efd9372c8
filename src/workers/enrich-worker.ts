/**
 * The worker thread that enriches articles on another core: a share of a cold build's, or the
 * new articles of an incremental build. It loads the tables first, then answers each request
 * with small records: each article's labels without the text it was given (an `EnrichEntry`),
 * which the build thread puts back together with that text.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadEnrichment, type Enrichment } from '../enrich/load-enrichment.js';
import { enrichArticle } from '../stages/enrich-article.js';
import { toEnrichEntry } from '../cache/build-cache.js';
import type { EnrichReply, EnrichRequest, EnrichSetup } from './enrich-in-worker.js';

const setup = workerData as EnrichSetup;
let enrichment: Enrichment | Error;
try {
  enrichment = loadEnrichment(setup.taxonomy ?? undefined);
} catch (error) {
  enrichment = error instanceof Error ? error : new Error(String(error));
}
parentPort!.on('message', ({ id, articles }: EnrichRequest) => {
  let reply: EnrichReply;
  try {
    if (enrichment instanceof Error) throw enrichment;
    const tables = enrichment;
    reply = { id, entries: articles.map((a) => {
      const r = enrichArticle(a, tables);
      return toEnrichEntry(r.article, r.diagnostics);
    }) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
