/**
 * The article page a reader sees (issue 10.2): a plain date with a quiet note on its source, the
 * dateline set as newspapers set it, the caption as text (there is never a photo file), no scrape
 * file names, newer/older within the main country, and undated neighbours in scrape order.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, type BuiltArchive } from '../../src/build.js';
import { article, cleanupTemp, sampleSeedsDir, seedText, tempDir, writeSeeds } from '../safety/seed-folders.js';

afterAll(cleanupTemp);

const text = (b: BuiltArchive, p: string): string => {
  const f = b.files.find((x) => x.path === p);
  if (!f) throw new Error(`no file ${p}`);
  return typeof f.contents === 'string' ? f.contents : new TextDecoder().decode(f.contents);
};
const pageOf = (b: BuiltArchive, headline: string): string => text(b, `articles/${b.articles.find((a) => a.headline === headline)!.slug}/index.html`);
/** What a reader sees of a page: its main part, without markup. */
const visible = (html: string): string => html.slice(html.indexOf('<main'), html.indexOf('</main>')).replace(/<[^>]+>/g, ' ');

describe('article pages of the samples', () => {
  let built: BuiltArchive;
  beforeAll(async () => {
    built = await buildArchive({ seedsDir: sampleSeedsDir, search: false });
  });

  it('show no scrape file name, and no figure or empty photo frame: the caption is a caption text', () => {
    const files = built.articles.flatMap((a) => a.sources.map((s) => s.file));
    expect(files.length).toBeGreaterThan(0);
    for (const a of built.articles) {
      const html = pageOf(built, a.headline);
      for (const f of files) expect(html, `${a.slug}: ${f}`).not.toContain(f.replace(/\.txt$/, ''));
      expect(html, a.slug).not.toMatch(/<figure|<figcaption|<img/);
      if (a.captions.length > 0) expect(html).toMatch(/<div class="photo-caption">\s*<p dir="auto">/);
    }
  });

  it('show the date plainly with its source as a note, never "Photo dated"', () => {
    const html = pageOf(built, 'Assad Loyalists Kill at Least 13 Police Officers in Ambush on Syrian Forces in Coastal Town');
    expect(html).toContain('<time datetime="2025-03-06">6 March 2025</time> <span class="date-note">(from the weekday in the text)</span>');
    for (const f of built.files.filter((x) => x.path.endsWith('.html'))) expect(text(built, f.path), f.path).not.toContain('Photo dated');
  });

  it('name the photographer apart and link the agency’s credit page', () => {
    const html = pageOf(built, 'Lebanon’s PM Visits Syrian President to Discuss Border Demarcation and Security');
    expect(html).toContain('Photo: Dalati &amp; Nohra / Handout via <a href="../../credits/reuters/index.html">Reuters</a>');
  });

  it('gather credits under their agency, each with an Atom and a JSON feed', () => {
    const credits = built.files.map((f) => f.path).filter((p) => p.startsWith('credits/'));
    // One list per agency (beside the index, its by-count view and the agencies' undated lists).
    const agencies = credits.filter((p) => /^credits\/[^/]+\/index\.html$/.test(p) && p !== 'credits/by-count/index.html').sort();
    expect(agencies).toEqual(['credits/afp/index.html', 'credits/reuters/index.html']);
    for (const f of ['credits/afp/feed.xml', 'credits/afp/feed.json', 'credits/reuters/feed.xml', 'credits/reuters/feed.json']) expect(credits).toContain(f);
    const reuters = text(built, 'credits/reuters/index.html');
    expect(reuters).toContain('2 articles');
    expect(reuters).toContain('Lebanon’s PM Visits Syrian President');
    expect(text(built, 'credits/reuters/feed.json')).toContain('Security Forces Pursue ISIS Remnants in West Iraq');
  });

  it('link newer and older within the main country as well as in the archive, and fill the side column', () => {
    const html = pageOf(built, 'Iraq Launches Operation to Pursue ISIS Elements After Recent Attacks');
    const iraqOlder = built.articles.find((a) => a.headline === 'Security Forces Pursue ISIS Remnants in West Iraq')!;
    expect(html).toMatch(new RegExp(`<a class="older" href="../../articles/${iraqOlder.slug}/index.html"><span>Older on Iraq</span>`));
    expect(html).toContain('<span>Newer in the archive</span>');
    expect(html).toMatch(/<aside class="article-aside"[^>]*>\s*<h2 id="more-heading"><a href="..\/..\/countries\/iq\/index.html">More on Iraq<\/a>/);
  });
});

describe('datelines and undated neighbours', () => {
  let built: BuiltArchive;
  beforeAll(async () => {
    const seeds = writeSeeds(path.join(tempDir('article-page'), 'seeds'), {
      'a.txt': article('Strikes Hit Southern Lebanon', ['TYRE, Lebanon — Israeli strikes hit several villages near the city, officials said.', 'Residents fled north.']),
      // Undated, headlines in reverse alphabetical order of their files: the order is the files'.
      '1.txt': seedText(article('Zebra Crossing Opens in Town', ['A crossing opened.']), article('Mayor Opens the Market', ['The market opened.'])),
      '2.txt': article('Apple Harvest Begins', ['The harvest began.']),
      'photo.txt': article('Storm Batters the Coast', ['Waves flooded the seafront road.'], 'Waves hit the seafront in Beirut, January 9, 2025. (Reuters)'),
    });
    built = await buildArchive({ seedsDir: seeds, search: false });
  });

  it('keeps the dateline’s place and country and sets it apart before the text', () => {
    const a = built.articles.find((x) => x.headline === 'Strikes Hit Southern Lebanon')!;
    expect(a.dateline).toEqual({ place: 'Tyre', country: 'Lebanon' });
    const html = pageOf(built, a.headline);
    expect(html).toContain('<p class="dateline" dir="auto">TYRE, Lebanon —</p>');
    expect(visible(html)).toContain('Israeli strikes hit several villages');
    expect(visible(html)).not.toContain('TYRE, Lebanon — Israeli');
  });

  it('orders undated articles by seed file and line, not by headline', () => {
    const undated = built.articles.filter((a) => a.date === null).map((a) => a.headline);
    expect(undated).toEqual(['Zebra Crossing Opens in Town', 'Mayor Opens the Market', 'Apple Harvest Begins', 'Strikes Hit Southern Lebanon']);
    const zebra = pageOf(built, 'Mayor Opens the Market');
    expect(zebra).toMatch(/<span>Newer in the archive<\/span> <span dir="auto">Zebra Crossing Opens in Town/);
    expect(zebra).toMatch(/<span>Older in the archive<\/span> <span dir="auto">Apple Harvest Begins/);
  });

  it('gives a photo date alone as the photo date, never as a publication date (JSON-LD, Open Graph, Atom, JSON Feed)', () => {
    const a = built.articles.find((x) => x.headline === 'Storm Batters the Coast')!;
    expect(a).toMatchObject({ date: '2025-01-09', dateSource: 'caption' });
    const html = pageOf(built, a.headline);
    expect(html).toContain('<time datetime="2025-01-09">9 January 2025</time> <span class="date-note">(photo date)</span>');
    expect(html).not.toMatch(/datePublished|article:published_time/);
    const atom = text(built, 'feed.xml');
    const entry = atom.slice(atom.indexOf('Storm Batters the Coast'));
    expect(entry.slice(0, entry.indexOf('</entry>'))).toContain('<updated>2025-01-09T00:00:00.000Z</updated>');
    expect(entry.slice(0, entry.indexOf('</entry>'))).not.toContain('<published>');
    const item = (JSON.parse(text(built, 'feed.json')) as { items: Array<Record<string, unknown>> }).items.find((i) => i.title === a.headline)!;
    expect(item.date_modified).toBe('2025-01-09T00:00:00.000Z');
    expect(item.date_published).toBeUndefined();
  });
});
