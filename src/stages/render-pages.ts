import { Eta, type Options as EtaOptions } from 'eta';
import { Feed } from 'feed';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RenderedFile } from '../model/types.js';
import { viewOf, type PagePlan, type SitemapUrl } from '../views/page-views.js';
import type { FeedView } from '../views/feed-view.js';
import { BuildError } from '../errors.js';
import { removeIllegalChars } from '../parse/remove-illegal-chars.js';

/** Renders planned pages to file contents. */
export interface Renderer {
  /** Renders a plan from its inputs (made by `plan.inputs()` when not given). */
  render(plan: PagePlan, inputs?: unknown): RenderedFile;
}

/**
 * A renderer whose HTML comes only from the eta files in `templatesDir` (seed text is never
 * compiled as a template, and eta's auto-escaping stays on), and whose feeds, JSON, sitemaps
 * and assets come from their own writers. With `overridesDir` (default none), a file there of
 * the same relative name as a built-in template or asset (`article.eta`, `assets/style.css`)
 * is used instead of it; every other one stays built-in.
 */
export function createRenderer(templatesDir: string, generator = 'dateline', overridesDir: string | null = null): Renderer {
  const base = path.resolve(templatesDir);
  const overrides = overridesDir === null ? null : path.resolve(overridesDir);
  const effective = (file: string): string => {
    const rel = path.relative(base, file);
    if (overrides === null || rel.startsWith('..') || path.isAbsolute(rel)) return file;
    const own = path.join(overrides, rel);
    return statSync(own, { throwIfNoEntry: false })?.isFile() ? own : file;
  };
  const eta = new Eta({ views: base, cache: true, autoEscape: true, autoTrim: [false, 'nl'] });
  // Eta resolves every name (includes and layouts too) inside the built-in folder; the file read is the user's when there is one.
  const readTemplate = eta.readFile!.bind(eta);
  eta.readFile = (file: string) => readTemplate(effective(file));
  // Eta resolves a template's name on every render and include (a JSON key, then four path
  // operations): a list page includes a card per article, and over a cold build that cost about
  // one percent of its time. A name resolves the same way from the same template every time (no
  // file is read to resolve it), so each is resolved once; a name that fails is never kept.
  const resolveName = eta.resolvePath!.bind(eta);
  const resolved = new Map<string, string>();
  eta.resolvePath = (template: string, options?: Partial<EtaOptions>) => {
    const key = `${options?.filepath ?? ''}\u0000${template}`;
    let file = resolved.get(key);
    if (file === undefined) {
      file = resolveName(template, options);
      resolved.set(key, file);
    }
    return file;
  };
  const assets = new Map<string, string>();
  const asset = (name: string): string => {
    let text = assets.get(name);
    if (text === undefined) {
      text = readFileSync(effective(path.join(base, name)), 'utf8');
      assets.set(name, text);
    }
    return text;
  };
  // Plans that share one inputs object (a feed's Atom and JSON Feed) share its view: made once.
  const views = new WeakMap<object, unknown>();
  const viewFor = (plan: PagePlan, inputs: unknown): unknown => {
    if (typeof inputs !== 'object' || inputs === null) return viewOf(plan, inputs);
    if (!views.has(inputs)) views.set(inputs, viewOf(plan, inputs));
    return views.get(inputs);
  };
  return {
    render(plan, inputs = plan.inputs()) {
      try {
        return { path: plan.path, contents: renderOne(plan, viewFor(plan, inputs)) };
      } catch (error) {
        throw new BuildError(`rendering ${plan.path} with template "${plan.template}" failed`, 'check the template named in the message', { cause: error });
      }
    },
  };

  function renderOne(plan: PagePlan, view: unknown): string | Uint8Array {
    switch (plan.template) {
      case 'json':
        return `${JSON.stringify(view, null, 1)}\n`;
      case 'json-list':
        return jsonList(view as { key: string; items: readonly unknown[] });
      case 'text':
        return String(view);
      case 'asset':
        return asset(String(view));
      case 'atom':
        // Characters XML forbids can never be markup: removing them keeps every feed well-formed.
        return removeIllegalChars(feed(view as FeedView, generator, 'atom').atom1());
      case 'jsonfeed': {
        // The feed package writes JSON Feed 1.0's shape without its deprecated fields, which is
        // JSON Feed 1.1: declare the current version.
        // 1.1 replaced `author` with `authors` and added `language`.
        const v = view as FeedView;
        const { author: _author, ...json } = JSON.parse(feed(v, generator, 'json').json1()) as Record<string, unknown>;
        const authors = [{ name: v.author.name, ...(v.author.url ? { url: v.author.url } : {}) }];
        return `${JSON.stringify({ ...json, version: 'https://jsonfeed.org/version/1.1', authors, language: v.language }, null, 2)}\n`;
      }
      case 'sitemap':
        return removeIllegalChars(sitemap((view as { urls: SitemapUrl[] }).urls, 'urlset', 'url'));
      case 'sitemap-index':
        return removeIllegalChars(sitemap((view as { sitemaps: SitemapUrl[] }).sitemaps, 'sitemapindex', 'sitemap'));
      default:
        return eta.render(`./${plan.template}`, view as object);
    }
  }
}

/** Escapes text for HTML. */
const htmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * A feed of the view. The feed package declares Atom entry titles and summaries `type="html"`
 * (in CDATA), so a feed reader would render seed text in them as markup: for Atom they are
 * HTML-escaped first. It escapes the feed's own title itself, but writes category labels into
 * attributes unescaped: those are XML-escaped here. JSON Feed text stays as it is.
 */
function feed(view: FeedView, generator: string, format: 'atom' | 'json'): Feed {
  const text = format === 'atom' ? htmlEscape : (s: string): string => s;
  const label = format === 'atom' ? xmlEscape : (s: string): string => s;
  const f = new Feed({
    title: view.title,
    id: view.id,
    link: view.link,
    updated: new Date(view.updated),
    generator,
    copyright: '',
    feedLinks: { atom: view.atomUrl, json: view.jsonUrl },
    // RFC 4287: a feed whose entries have no author must have one itself.
    ...(format === 'atom' ? { author: { name: view.author.name, ...(view.author.url ? { link: view.author.url } : {}) } } : {}),
  });
  for (const item of view.items) {
    f.addItem({
      id: item.id,
      title: text(item.title),
      link: item.link,
      date: new Date(item.date),
      ...(item.published ? { published: new Date(item.published) } : {}),
      description: text(item.summary),
      content: item.contentHtml,
      category: item.categories.map((name) => ({ name: label(name) })),
    });
  }
  return f;
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function sitemap(urls: readonly SitemapUrl[], root: string, entry: string): string {
  const body = urls.map((u) => `<${entry}><loc>${xmlEscape(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</${entry}>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</${root}>\n`;
}

/**
 * `{"<key>": [...]}` with one item a line, built as bytes: the list of a large archive is
 * hundreds of megabytes, near V8's longest string, so it is never one string.
 */
function jsonList(view: { key: string; items: readonly unknown[] }): Uint8Array {
  // Items are encoded a thousand at a time: a buffer per item made a 10,000-article list slow to
  // assemble, and one text for all of them would pass V8's longest string at 100,000 articles.
  const chunks: Buffer[] = [];
  for (let i = 0; i < view.items.length; i += 1000) {
    chunks.push(Buffer.from(view.items.slice(i, i + 1000).map((item) => JSON.stringify(item)).join(',\n')));
  }
  return jsonListOf(view.key, chunks);
}

/** `{"<key>": [...]}` from its items' JSON, one item (or a run of items) a part, parts apart by `,\n`. */
export function jsonListOf(key: string, parts: readonly Uint8Array[]): Uint8Array {
  const comma = Buffer.from(',\n');
  const all: Uint8Array[] = [Buffer.from(`{${JSON.stringify(key)}: [\n`)];
  parts.forEach((part, i) => {
    if (i > 0) all.push(comma);
    all.push(part);
  });
  all.push(Buffer.from('\n]}\n'));
  return Buffer.concat(all);
}
