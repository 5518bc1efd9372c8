/**
 * Text a cached article carries unread (issue 8: a +1-seed build reads 10,000 articles from its
 * cache and renders a few hundred pages). A parse entry keeps each article's paragraphs as bytes
 * and an enrich entry keeps the evidence as JSON: read back, the articles must equal the fresh
 * ones field for field and in key order, while dedupe, collate and a card's lead leave the
 * paragraphs unread.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../src/stages/parse-seed.js';
import { copyFacts, dedupeArticles, type CopyFacts } from '../../src/stages/dedupe-articles.js';
import { enrichArticle } from '../../src/stages/enrich-article.js';
import { collateArchive } from '../../src/stages/collate-archive.js';
import { loadEnrichment } from '../../src/enrich/load-enrichment.js';
import { fromEnrichEntry, fromParseEntry, toEnrichEntry, toParseEntry } from '../../src/cache/build-cache.js';
import { cardInput } from '../../src/views/page-view.js';
import type { ParsedArticle, ParsedSeed } from '../../src/model/types.js';

const seedsDir = new URL('../../seeds/', import.meta.url);
const fixturesDir = new URL('../fixtures/realset/dev/', import.meta.url);

/** The sample seeds and part of the real development set, parsed as a build does. */
function parsedSeeds(): ParsedSeed[] {
  const files = [
    ...readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).map((f) => new URL(f, seedsDir)),
    ...readdirSync(fixturesDir).filter((f) => f.endsWith('.txt')).sort().slice(0, 20).map((f) => new URL(f, fixturesDir)),
  ];
  return files.map((url, i) => parseSeed({ path: `f${i}.txt`, bytes: readFileSync(url) }));
}

/** Through the cache's pack format and back (v8 serialisation is what a pack stores). */
async function throughPack<T>(value: T): Promise<T> {
  const { deserialize, serialize } = await import('node:v8');
  return deserialize(serialize(value)) as T;
}

const unread = (o: object, key: string): boolean => Object.getOwnPropertyDescriptor(o, key)?.get !== undefined;

describe('a cached article read back', () => {
  it('equals the fresh parse, key order included, and reads its paragraphs only when asked', async () => {
    for (const seed of parsedSeeds()) {
      const back = fromParseEntry(await throughPack(toParseEntry(seed.file, seed, seed.articles.map(copyFacts))), seed.file);
      back.articles.forEach((a) => expect(unread(a, 'paragraphs')).toBe(true));
      expect(JSON.stringify(back)).toBe(JSON.stringify(seed));
      expect(back).toEqual(seed);
      back.articles.forEach((a) => expect(unread(a, 'paragraphs')).toBe(false));
    }
  });

  it('keeps its file name right when the seed moved', async () => {
    const seed = parsedSeeds()[0]!;
    const back = fromParseEntry(await throughPack(toParseEntry(seed.file, seed, seed.articles.map(copyFacts))), 'moved/there.txt');
    expect(back.file).toBe('moved/there.txt');
    back.articles.forEach((a) => expect(a.source.file).toBe('moved/there.txt'));
    expect(back.articles.map((a) => a.paragraphs)).toEqual(seed.articles.map((a) => a.paragraphs));
  });

  it('goes through dedupe, enrichment from the cache and collation with its paragraphs unread, and equals the fresh article', async () => {
    const seeds = parsedSeeds();
    const ctx = loadEnrichment();
    const fresh = dedupeArticles(seeds.flatMap((s) => s.articles)).articles;
    const freshArticles = fresh.map((m) => enrichArticle(m, ctx));
    // As a build does: each cached article's dedupe facts come from its entry, not from its text.
    const facts = new Map<ParsedArticle, CopyFacts>();
    const cachedSeeds = await Promise.all(seeds.map(async (s) => {
      const entry = await throughPack(toParseEntry(s.file, s, s.articles.map(copyFacts)));
      const back = fromParseEntry(entry, s.file);
      back.articles.forEach((a, i) => facts.set(a, entry.facts[i]!));
      return back;
    }));
    const merged = dedupeArticles(cachedSeeds.flatMap((s) => s.articles), (a) => facts.get(a)!).articles;
    const entries = await throughPack(freshArticles.map((r) => toEnrichEntry(r.article, r.diagnostics)));
    const articles = merged.map((m, i) => fromEnrichEntry(entries[i]!, m));
    const archive = collateArchive(articles, { country: (c) => c, topic: (t) => t });
    for (const a of archive.articles) {
      expect(unread(a, 'paragraphs')).toBe(true);
      expect(unread(a, 'topicEvidence')).toBe(true);
      // A card takes the lead without reading the other paragraphs.
      expect(cardInput(a).lead).toBe(freshArticles.find((r) => r.article.id === a.id)!.article.paragraphs[0]);
      expect(unread(a, 'paragraphs')).toBe(true);
    }
    expect(JSON.stringify(articles)).toBe(JSON.stringify(freshArticles.map((r) => r.article)));
    expect(articles).toEqual(freshArticles.map((r) => r.article));
  });

  it('merges the copies of a story found in two seeds with their paragraphs unread', async () => {
    // The same seed under two names: every story has two copies, merged by dedupe.
    const seed = parsedSeeds()[0]!;
    const copy = parseSeed({ path: 'copy.txt', bytes: readFileSync(new URL(readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()[0]!, seedsDir)) });
    const facts = new Map<ParsedArticle, CopyFacts>();
    const cached = await Promise.all([seed, copy].map(async (s) => {
      const entry = await throughPack(toParseEntry(s.file, s, s.articles.map(copyFacts)));
      const back = fromParseEntry(entry, s.file);
      back.articles.forEach((a, i) => facts.set(a, entry.facts[i]!));
      return back.articles;
    }));
    const merged = dedupeArticles(cached.flat(), (a) => facts.get(a)!);
    expect(merged.duplicates).toBe(seed.articles.length);
    for (const a of merged.articles) {
      expect(a.sources).toHaveLength(2);
      expect(unread(a, 'paragraphs')).toBe(true);
    }
    expect(JSON.stringify(merged)).toBe(JSON.stringify(dedupeArticles([seed, copy].flatMap((s) => s.articles))));
  });
});
