import { readFileSync } from 'node:fs';
import { defaultGazetteer, type Gazetteer } from './gazetteer.js';
import { slugPattern } from './make-slug.js';
import { compileTopics, type TopicDefinition, type TopicMatcher } from './find-topics.js';
import { addIptcTerms, type IptcConcept } from './iptc-terms.js';

/** Everything enrichment reads, loaded once per build and shared by every article. */
export interface Enrichment {
  readonly gazetteer: Gazetteer;
  readonly topics: TopicMatcher;
  /** Folded credit text → the agency name shown. */
  readonly creditAliases: ReadonlyMap<string, string>;
}

const dataDir = new URL('../../data/', import.meta.url);

/** Reads a taxonomy file (`{"topics": [{slug, name, terms}]}`), checking its shape. */
export function readTaxonomy(path: string | URL = new URL('taxonomy.json', dataDir)): TopicDefinition[] {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { topics?: unknown };
  if (!Array.isArray(raw.topics)) throw new TypeError(`readTaxonomy: ${String(path)} has no "topics" list`);
  return raw.topics.map((t: Partial<TopicDefinition>, i: number) => {
    if (typeof t.slug !== 'string' || !slugPattern.test(t.slug) || typeof t.name !== 'string' || typeof t.terms !== 'object' || t.terms === null) {
      throw new TypeError(`readTaxonomy: topic ${i} in ${String(path)} needs a slug, a name and terms`);
    }
    return { slug: t.slug, name: t.name, terms: t.terms, ...(typeof t.iptc === 'string' ? { iptc: t.iptc } : {}) };
  });
}

/** A taxonomy file's optional `ignore` list: phrases whose words count for no topic (`ground zero`). */
export function readTaxonomyIgnores(path: string | URL = new URL('taxonomy.json', dataDir)): string[] {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { ignore?: unknown };
  return Array.isArray(raw.ignore) ? raw.ignore.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * Loads the gazetteer, the taxonomy and the credit table: the slow part of enrichment, done once.
 * Multi-word place names are compiled into the taxonomy as blockers, so `West Bank` never
 * counts as a bank nor `Red Sea` as the sea.
 */
export function loadEnrichment(taxonomyPath?: string): Enrichment {
  const credits = JSON.parse(readFileSync(new URL('credits.json', dataDir), 'utf8')) as { aliases: Record<string, string> };
  const iptc = JSON.parse(readFileSync(new URL('iptc-media-topics.json', dataDir), 'utf8')) as { concepts: IptcConcept[] };
  const gazetteer = defaultGazetteer();
  const placeNames = [...gazetteer.phrases.keys()].filter((key) => key.includes(' '));
  return {
    gazetteer,
    topics: compileTopics(addIptcTerms(readTaxonomy(taxonomyPath), iptc.concepts), { blockers: [...placeNames, ...readTaxonomyIgnores(taxonomyPath)] }),
    creditAliases: new Map(Object.entries(credits.aliases)),
  };
}
