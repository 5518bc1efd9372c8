import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../src/stages/parse-seed.js';
import { dedupeArticles } from '../../src/stages/dedupe-articles.js';
import { enrichArticle } from '../../src/stages/enrich-article.js';
import { loadEnrichment } from '../../src/enrich/load-enrichment.js';
import { fromEnrichEntry } from '../../src/cache/build-cache.js';
import { startEnrichThread, type EnrichRequest } from '../../src/workers/enrich-in-worker.js';

/** Enriches `articles` in a thread of their own, closed after. */
async function enrichInWorker(job: { taxonomy: string | null; articles: EnrichRequest }) {
  const thread = startEnrichThread({ taxonomy: job.taxonomy });
  try {
    return await thread.enrich(job.articles);
  } finally {
    await thread.close();
  }
}

const seedsDir = new URL('../../seeds/', import.meta.url);
const fixturesDir = new URL('../fixtures/realset/dev/', import.meta.url);

/** The sample seeds and a share of the real development set, parsed and merged as a build does. */
function mergedArticles() {
  const files = [
    ...readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).map((f) => new URL(f, seedsDir)),
    ...readdirSync(fixturesDir).filter((f) => f.endsWith('.txt')).sort().slice(0, 40).map((f) => new URL(f, fixturesDir)),
  ];
  const parsed = files.flatMap((url, i) => parseSeed({ path: `f${i}.txt`, bytes: readFileSync(url) }).articles);
  return dedupeArticles(parsed).articles;
}

describe('the enrichment thread', () => {
  it('gives every article exactly the labels, date, credit and problems the build thread gives', async () => {
    const articles = mergedArticles();
    expect(articles.length).toBeGreaterThan(20);
    const entries = await enrichInWorker({ taxonomy: null, articles });
    expect(entries).toHaveLength(articles.length);
    const here = loadEnrichment();
    articles.forEach((a, i) => {
      const local = enrichArticle(a, here);
      expect(fromEnrichEntry(entries[i]!, a)).toEqual(local.article);
      // With the evidence read at once: the same article, with no accessor left to call.
      const now = fromEnrichEntry(entries[i]!, a, 'now');
      expect(now).toEqual(local.article);
      expect(Object.values(Object.getOwnPropertyDescriptors(now)).filter((d) => d.get !== undefined)).toEqual([]);
      expect(entries[i]!.diagnostics).toEqual(local.diagnostics);
    });
  }, 120_000);

  it('rejects with a message when the worker cannot enrich (an unreadable taxonomy)', async () => {
    await expect(enrichInWorker({ taxonomy: '/nonexistent/taxonomy.json', articles: mergedArticles().slice(0, 2) })).rejects.toThrow();
  }, 120_000);

  it('started ahead, answers each request in turn as the build thread would, and closes', async () => {
    const articles = mergedArticles();
    const thread = startEnrichThread({ taxonomy: null });
    try {
      const [first, second] = await Promise.all([thread.enrich(articles.slice(0, 3)), thread.enrich(articles.slice(3, 5))]);
      const here = loadEnrichment();
      [...first!, ...second!].forEach((entry, i) => expect(fromEnrichEntry(entry, articles[i]!)).toEqual(enrichArticle(articles[i]!, here).article));
    } finally {
      await thread.close();
    }
    await expect(thread.enrich(articles.slice(0, 1))).rejects.toThrow();
  }, 120_000);
});
