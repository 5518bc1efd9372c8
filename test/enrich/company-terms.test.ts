import { describe, expect, it } from 'vitest';
import { addCompanyTerms } from '../../src/enrich/company-terms.js';
import { findTopics, type TopicDefinition } from '../../src/enrich/find-topics.js';
import { loadEnrichment } from '../../src/enrich/load-enrichment.js';

const ctx = loadEnrichment();
const topics = (headline: string, ...paragraphs: string[]): string[] => findTopics({ headline, captions: [], paragraphs }, ctx.topics).map((t) => t.topic);

describe('company names as business evidence', () => {
  const taxonomy: TopicDefinition[] = [
    { slug: 'economy', name: 'Economy', iptc: 'medtop:04000000', terms: { market: 2 } },
    { slug: 'tech', name: 'Technology', iptc: 'medtop:13000000', terms: { apple: 3 } },
  ];

  it('adds each company the gazetteer knows as a term of the topic standing for IPTC economy, business and finance', () => {
    const out = addCompanyTerms(taxonomy, ['boeing', 'qatar airways'], { weight: 1 });
    expect(out[0]!.terms).toEqual({ boeing: 1, 'qatar airways': 1, market: 2 });
    expect(out[1]!.terms).toEqual({ apple: 3 });
  });

  it('leaves a name the taxonomy lists already to its own topics, and a taxonomy without a business topic unchanged', () => {
    expect(addCompanyTerms(taxonomy, ['apple'])[0]!.terms).not.toHaveProperty('apple');
    const noBusiness = [taxonomy[1]!];
    expect(addCompanyTerms(noBusiness, ['boeing'])).toEqual(noBusiness);
  });

  it('files an aircraft delivery, with no business word said, under business', () => {
    const t = topics(
      'First Airbus A380 delivered',
      'Airbus handed over the first A380 to Singapore Airlines at a ceremony in Toulouse on Monday.',
      'The double-decker jet will fly between Singapore and Sydney from later this month, Airbus said.',
    );
    expect(t[0]).toBe('economy-business-finance');
  });
});
