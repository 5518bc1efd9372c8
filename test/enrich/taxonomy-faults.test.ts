/** Issue 12.11: taxonomy and front-matter faults found from outside. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileTopics, findTopics, type TopicMatcher } from '../../src/enrich/find-topics.js';
import { loadEnrichment } from '../../src/enrich/load-enrichment.js';
import { parseSeed } from '../../src/stages/parse-seed.js';
import { cleanupTemp, tempDir } from '../safety/seed-folders.js';

afterAll(cleanupTemp);

describe('taxonomy phrase matching (issue 12.11)', () => {
  it('is not quadratic in the lengths of phrases sharing a start word: one table look-up per match', () => {
    const longest = 150;
    const terms: Record<string, number> = {};
    for (let n = 1; n <= longest; n++) terms[`war${' peace'.repeat(n)}`] = 1;
    const matcher = compileTopics([{ slug: 'war', name: 'War', terms }]);
    let lookups = 0;
    class CountingMap<K, V> extends Map<K, V> {
      override get(key: K): V | undefined {
        lookups++;
        return super.get(key);
      }
    }
    const counted: TopicMatcher = { ...matcher, phrases: new CountingMap(matcher.phrases) };
    const words = 400;
    const found = findTopics({ headline: 'War', paragraphs: ['war peace '.repeat(words / 2)], captions: [] }, counted);
    expect(found.map((t) => t.topic)).toEqual(['war']);
    // Before the fix every length from the longest down was tried at every `war`: ~150 each.
    expect(lookups).toBeLessThanOrEqual(words);
  });
});

describe('taxonomy files (issue 12.11)', () => {
  const write = (name: string, text: string): string => {
    const file = path.join(tempDir('taxonomy'), name);
    writeFileSync(file, text);
    return file;
  };

  it('malformed JSON names its file', () => {
    const file = write('broken.json', '{"topics": [');
    expect(() => loadEnrichment(file)).toThrow(new RegExp(`taxonomy file ${file.replace(/[.]/g, '\\.')} is not valid JSON`));
  });

  it('two topics with the same slug are refused, naming both', () => {
    const file = write('dupes.json', JSON.stringify({ topics: [{ slug: 'war', name: 'War', terms: { war: 1 } }, { slug: 'war', name: 'Warfare', terms: { battle: 1 } }] }));
    expect(() => loadEnrichment(file)).toThrow(/topics 0 \("War"\) and 1 \("Warfare"\) both have the slug "war"/);
  });
});

describe('YAML warnings (issue 12.11)', () => {
  it('a YAML warning is a diagnostic naming the file and line, not an anonymous terminal line', async () => {
    const emitted: string[] = [];
    const onWarning = (w: Error): void => void emitted.push(w.message);
    process.on('warning', onWarning);
    const text = '---\ndate: 2025-01-02\nbyline: !foo Jane Doe\n---\nA Headline Here\n\nA Headline Here\n\nThe body of the article in one paragraph.\n';
    const r = parseSeed({ path: 'yaml.txt', bytes: new TextEncoder().encode(text) });
    await new Promise((resolve) => setImmediate(resolve)); // process warnings are emitted a tick later
    process.off('warning', onWarning);
    expect(r.diagnostics).toEqual([expect.objectContaining({ file: 'yaml.txt', line: 3, severity: 'warning', rule: 'front-matter-yaml-warning' })]);
    expect(r.diagnostics[0]!.message).toContain('Unresolved tag: !foo');
    expect(r.articles[0]!.meta.byline).toBe('Jane Doe');
    expect(emitted).toEqual([]);
  });
});
