import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addIptcTerms, type IptcConcept } from '../../src/enrich/iptc-terms.js';
import { readTaxonomy } from '../../src/enrich/load-enrichment.js';

const table = JSON.parse(readFileSync(new URL('../../data/iptc-media-topics.json', import.meta.url), 'utf8')) as { licence: string; concepts: IptcConcept[] };
const topics = addIptcTerms(readTaxonomy(), table.concepts);
const termsOf = (slug: string): Readonly<Record<string, number>> => topics.find((t) => t.slug === slug)!.terms;

describe('IPTC Media Topics as topic evidence', () => {
  it('ships the vocabulary in use: over a thousand concepts under the 17 top-level topics, CC BY 4.0', () => {
    expect(table.concepts.length).toBeGreaterThan(1000);
    expect(table.concepts.filter(([, broader]) => broader === null)).toHaveLength(17);
    expect(table.licence).toContain('creativecommons.org/licenses/by/4.0');
  });

  it('gives each concept label to the topic of its nearest mapped ancestor (diplomacy, not politics)', () => {
    expect(termsOf('sport')).toHaveProperty(['triple jump']);
    expect(termsOf('arts-culture-entertainment')).toHaveProperty(['film festival']);
    expect(termsOf('diplomacy')).toHaveProperty(['summit meetings']);
    expect(termsOf('politics-government')).not.toHaveProperty(['summit meetings']);
    expect(termsOf('migration-refugees')).toHaveProperty(['illegal immigrants']);
  });

  it('keeps the weight of a term the taxonomy already has', () => {
    const hand = readTaxonomy().find((t) => t.slug === 'sport')!.terms;
    const [term, weight] = Object.entries(hand)[0]!;
    expect(termsOf('sport')[term]).toBe(weight);
  });

  it('leaves a label to the topic whose hand-written terms claim it (software is technology, not an industry of the economy)', () => {
    expect(termsOf('science-technology')).toHaveProperty(['software']);
    expect(termsOf('economy-business-finance')).not.toHaveProperty(['software']);
  });

  // Bug: labels were compared with hand-written terms as written, but matching folds plurals, so
  // IPTC's `aids` (health) made every `aid` (society) count for health too, `economics`
  // (technology) every `economic`, and `bombings` (weight 1) overrode `bombing` (weight 3).
  it('leaves a label that differs from a hand-written term only by its plural to that term (plural-folded label collision)', () => {
    expect(termsOf('health')).not.toHaveProperty(['aids']);
    expect(termsOf('science-technology')).not.toHaveProperty(['economics']);
    expect(termsOf('conflict-war-peace')).not.toHaveProperty(['bombings']);
    expect(termsOf('conflict-war-peace')['bombing']).toBe(3);
  });

  // Bug: IPTC's `securities` folds to `security`, so every security story counted for the economy.
  it('does not read security as securities (securities folded to security)', () => {
    // Weight 0: the taxonomy keeps IPTC's word out; its phrases (`securities market`) still count.
    expect(termsOf('economy-business-finance')['securities']).toBe(0);
    expect(termsOf('economy-business-finance')['securities market']).toBeGreaterThan(0);
  });
});
