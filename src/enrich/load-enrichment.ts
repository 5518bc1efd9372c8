import { readFileSync } from 'node:fs';
import { defaultGazetteer, type Gazetteer } from './gazetteer.js';
import { slugPattern } from '../text/slug.js';
import { compileTopics, type TopicDefinition, type TopicMatcher } from './find-topics.js';
import { BuildError } from '../errors.js';
import { addIptcTerms, type IptcConcept } from './iptc-terms.js';
import { addCompanyTerms } from './company-terms.js';

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
  const raw = readTaxonomyFile(path) as { topics?: unknown };
  const name = taxonomyName(path);
  const hint = 'fix the taxonomy file: {"topics": [{"slug": "...", "name": "...", "terms": {"word": 1}}]}';
  if (!Array.isArray(raw.topics)) throw new BuildError(`taxonomy file ${name} has no "topics" list`, hint);
  const topics = raw.topics as Array<Partial<TopicDefinition> | null>;
  const bySlug = new Map<string, number>();
  return topics.map((t: Partial<TopicDefinition> | null, i: number) => {
    if (t === null || typeof t !== 'object' || typeof t.slug !== 'string' || !slugPattern.test(t.slug) || typeof t.name !== 'string' || typeof t.terms !== 'object' || t.terms === null) {
      throw new BuildError(`taxonomy file ${name}: topic ${i} needs a slug, a name and terms`, hint);
    }
    // Two topics with one slug would share one page and one feed: their articles would merge.
    const first = bySlug.get(t.slug);
    if (first !== undefined) {
      throw new BuildError(`taxonomy file ${name}: topics ${first} ("${topics[first]!.name}") and ${i} ("${t.name}") both have the slug "${t.slug}"`, 'give every topic its own slug');
    }
    bySlug.set(t.slug, i);
    return { slug: t.slug, name: t.name, terms: t.terms, ...(typeof t.iptc === 'string' ? { iptc: t.iptc } : {}) };
  });
}

/** A taxonomy file's name for messages: the path given, or the file name of the default. */
function taxonomyName(path: string | URL): string {
  return path instanceof URL ? path.pathname : path;
}

/** Reads and parses a taxonomy file; a file that cannot be read or is not JSON is a BuildError naming it. */
function readTaxonomyFile(path: string | URL): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new BuildError(`cannot read taxonomy file ${taxonomyName(path)}`, 'check the path given to --taxonomy', { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BuildError(`taxonomy file ${taxonomyName(path)} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, 'fix the JSON syntax at the position given', { cause: error });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new BuildError(`taxonomy file ${taxonomyName(path)} must hold a JSON object`, 'write it as {"topics": [...]}');
  return data as Record<string, unknown>;
}

/** A taxonomy file's optional `ignore` list: phrases whose words count for no topic (`ground zero`). */
export function readTaxonomyIgnores(path: string | URL = new URL('taxonomy.json', dataDir)): string[] {
  const raw = readTaxonomyFile(path) as { ignore?: unknown };
  return Array.isArray(raw.ignore) ? raw.ignore.filter((x): x is string => typeof x === 'string') : [];
}

/** A taxonomy file's optional `names`: one-word terms that, capitalised on their own, name a party (`Labour`), with the topics they then count for. */
export function readTaxonomyNames(path: string | URL = new URL('taxonomy.json', dataDir)): Record<string, Record<string, number>> {
  const raw = readTaxonomyFile(path) as { names?: unknown };
  return raw.names !== null && typeof raw.names === 'object' && !Array.isArray(raw.names) ? (raw.names as Record<string, Record<string, number>>) : {};
}

/**
 * Loads the gazetteer, the taxonomy and the credit table: the slow part of enrichment, done once.
 * Multi-word place names are compiled into the taxonomy as blockers, so `West Bank` never
 * counts as a bank nor `Red Sea` as the sea; companies' names count for business.
 */
export function loadEnrichment(taxonomyPath?: string): Enrichment {
  const credits = JSON.parse(readFileSync(new URL('credits.json', dataDir), 'utf8')) as { aliases: Record<string, string> };
  const iptc = JSON.parse(readFileSync(new URL('iptc-media-topics.json', dataDir), 'utf8')) as { concepts: IptcConcept[] };
  const gazetteer = defaultGazetteer();
  // Names of companies and national bodies are not blockers: `Deutsche Bank` is still a bank.
  const placeNames = [...gazetteer.phrases].filter(([key, entries]) => key.includes(' ') && entries.some((e) => e.kind !== 'company' && e.kind !== 'institution')).map(([key]) => key);
  // A company named (`Boeing`, `Qatar Airways`) is evidence of a business story.
  const companies = [...gazetteer.phrases].filter(([, entries]) => entries.some((e) => e.kind === 'company')).map(([key]) => key);
  const topics = addCompanyTerms(addIptcTerms(readTaxonomy(taxonomyPath), iptc.concepts), companies);
  return {
    gazetteer,
    topics: compileTopics(topics, { blockers: [...placeNames, ...readTaxonomyIgnores(taxonomyPath)], names: readTaxonomyNames(taxonomyPath) }),
    creditAliases: new Map(Object.entries(credits.aliases)),
  };
}
