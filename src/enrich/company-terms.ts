import type { TopicDefinition } from './find-topics.js';

/** The IPTC Media Topics concept a company's name is evidence for: economy, business and finance. */
const businessQcode = 'medtop:04000000';

/** Options for drawing topic terms from company names. */
export interface CompanyTermOptions {
  /** Weight of a company's name as a term (default 1, calibrated on the real dev set: 0.5 and 1.5 did worse, 2 undid the gain). */
  readonly weight: number;
}

/** Default company term options. */
export const defaultCompanyTermOptions = { weight: 1 } satisfies CompanyTermOptions;

/**
 * Adds the names of the companies the gazetteer knows (`boeing`, `qatar airways`: folded, as
 * its phrase keys are) as terms of the topic that stands for IPTC's economy, business and
 * finance: a story that names a company is, at least in part, about business (`Airbus A380
 * delivered`, `Apple sued over iPhone name`), though no business word may be said. A name the
 * taxonomy already lists keeps its topics and weight; a taxonomy with no such topic is unchanged.
 */
export function addCompanyTerms(
  topics: readonly TopicDefinition[],
  companies: Iterable<string>,
  options: CompanyTermOptions = defaultCompanyTermOptions,
): TopicDefinition[] {
  const business = topics.findIndex((t) => t.iptc?.split(/\s+/).includes(businessQcode));
  if (business === -1) return [...topics];
  const listed = new Set(topics.flatMap((t) => Object.keys(t.terms)));
  const added: Record<string, number> = {};
  for (const name of companies) if (!listed.has(name)) added[name] = options.weight;
  return topics.map((t, i) => (i === business ? { ...t, terms: { ...added, ...t.terms } } : t));
}
