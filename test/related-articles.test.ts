import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model/types.js';
import { collateArchive } from '../src/stages/collate-archive.js';
import { relatedArticles } from '../src/views/related-articles.js';

const article = (id: string, date: string, countries: string[], topics: string[]): Article => ({
  id, slug: id, headline: `Story ${id}`, captions: [], credit: null, date, dateSource: 'body', photoDate: null, dateline: null, agency: null, photographer: null, countries, topics,
  topicEvidence: [], countryEvidence: [], paragraphs: ['x'], sources: [{ file: `${id}.txt`, line: 1 }], meta: {},
});
const names = { country: (c: string) => c, topic: (t: string) => t };

describe('relatedArticles', () => {
  const base = [
    article('a', '2025-01-01', ['IQ'], ['conflict-war-peace']),
    article('b', '2025-01-02', ['IQ'], ['conflict-war-peace']),
    article('c', '2025-01-03', ['IQ'], ['diplomacy']),
    article('d', '2025-01-04', ['SY'], ['conflict-war-peace']),
    article('e', '2025-01-05', ['IQ'], ['conflict-war-peace']),
    article('f', '2025-01-06', ['FR'], ['sport']),
  ];

  it('ranks by shared countries and topics, most recent first among equals', () => {
    const archive = collateArchive(base, names);
    const ids = relatedArticles(archive, archive.byId.get('e')!, 5).map((x) => x.id);
    expect(ids).toEqual(['b', 'a', 'd', 'c']);
    expect(ids).not.toContain('f');
  });

  it('puts a newer story sharing as much ahead of older ones, and never the article itself', () => {
    const archive = collateArchive([...base, article('g', '2025-02-01', ['IQ'], ['conflict-war-peace'])], names);
    const ids = relatedArticles(archive, archive.byId.get('b')!, 3).map((x) => x.id);
    expect(ids).toEqual(['g', 'e', 'a']);
  });
});

describe('relatedArticles on a long archive', () => {
  it('looks at neighbours in time, so a new story leaves old articles’ related lists alone', () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      article(`s${String(i).padStart(3, '0')}`, `2020-01-01`.replace('01-01', `${String((i % 12) + 1).padStart(2, '0')}-01`).replace('2020', String(2000 + Math.floor(i / 12))), ['IQ'], ['conflict-war-peace']));
    const before = collateArchive(many, names);
    const after = collateArchive([...many, article('new', '2099-01-01', ['IQ'], ['conflict-war-peace'])], names);
    const old = (archive: typeof before) => relatedArticles(archive, archive.byId.get('s010')!, 5).map((x) => x.id);
    expect(old(after)).toEqual(old(before));
    expect(old(before)).toHaveLength(5);
    expect(relatedArticles(after, after.byId.get('s199')!, 5).map((x) => x.id)).toContain('new');
  });
});
