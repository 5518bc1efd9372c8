/**
 * `npx tsx scripts/build-iptc-topics.ts <cptall-en-GB.json>`: writes `data/iptc-media-topics.json`,
 * the IPTC Media Topics vocabulary cut to what topic finding reads — for every concept in use
 * (retired ones left out) its qcode, its broader concept, its English label and definition.
 * The source is IPTC's SKOS/JSON export of the vocabulary (see data/README.md for the copy used).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Concept {
  readonly qcode: string;
  readonly prefLabel: { readonly 'en-GB': string };
  readonly definition?: { readonly 'en-GB'?: string };
  readonly broader?: readonly string[];
  readonly retired?: string;
}

interface Vocabulary {
  readonly dateReleased: string;
  readonly licenceLink: string;
  readonly copyrightHolder: string;
  readonly conceptSet: readonly Concept[];
}

/** One row of the table: qcode, broader qcode (null at the top), label, definition. */
export type IptcRow = [string, string | null, string, string];

/** The compact table written to `data/iptc-media-topics.json`. */
export function buildIptcTable(vocabulary: Vocabulary, source: string): { source: string; licence: string; concepts: IptcRow[] } {
  const rows = vocabulary.conceptSet
    .filter((c) => !c.retired)
    .map((c): IptcRow => [
      c.qcode,
      c.broader?.[0] ? `medtop:${c.broader[0].split('/').pop()!}` : null,
      c.prefLabel['en-GB'].trim(),
      (c.definition?.['en-GB'] ?? '').trim(),
    ])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    source: `${source}; IPTC Media Topics released ${vocabulary.dateReleased.slice(0, 10)}; ${vocabulary.copyrightHolder}`,
    licence: vocabulary.licenceLink,
    concepts: rows,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [input, source = 'Zatteliet/eventdna-2021@ba5971761ec6c7a03dfc84cd01f35c2fc3cc5f40:data_formatting/iptc_tree/iptc_tree.json'] = process.argv.slice(2);
  if (!input) throw new TypeError('usage: build-iptc-topics.ts <cptall-en-GB.json> [source description]');
  const table = buildIptcTable(JSON.parse(readFileSync(input, 'utf8')) as Vocabulary, source);
  const rows = table.concepts.map((row) => `    ${JSON.stringify(row)}`).join(',\n');
  writeFileSync(
    new URL('../data/iptc-media-topics.json', import.meta.url),
    `{\n  "source": ${JSON.stringify(table.source)},\n  "licence": ${JSON.stringify(table.licence)},\n  "concepts": [\n${rows}\n  ]\n}\n`,
  );
}
