/**
 * A small HTML tokenizer for the safety tests: enough of the HTML5 tokenizer to count elements
 * and attributes and to read text, including raw-text (`script`, `style`) and RCDATA elements.
 */

export interface StartTag {
  readonly type: 'start';
  readonly name: string;
  readonly attrs: ReadonlyArray<readonly [string, string]>;
  readonly start: number;
  readonly end: number;
}
export interface EndTag {
  readonly type: 'end';
  readonly name: string;
  readonly start: number;
  readonly end: number;
}
export interface TextToken {
  readonly type: 'text';
  readonly raw: string;
  readonly start: number;
}
export type HtmlToken = StartTag | EndTag | TextToken | { readonly type: 'comment' | 'doctype'; readonly start: number };

const rawText = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
const rcData = new Set(['title', 'textarea']);
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
const isAlpha = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c);

export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let i = 0;
  let textStart = 0;
  const flushText = (to: number): void => {
    if (to > textStart) tokens.push({ type: 'text', raw: html.slice(textStart, to), start: textStart });
  };
  while (i < html.length) {
    if (html[i] !== '<') {
      i++;
      continue;
    }
    if (html.startsWith('<!--', i)) {
      flushText(i);
      const close = html.indexOf('-->', i + 4);
      tokens.push({ type: 'comment', start: i });
      i = close === -1 ? html.length : close + 3;
      textStart = i;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      flushText(i);
      const close = html.indexOf('>', i);
      tokens.push({ type: html.slice(i, i + 9).toLowerCase() === '<!doctype' ? 'doctype' : 'comment', start: i });
      i = close === -1 ? html.length : close + 1;
      textStart = i;
      continue;
    }
    const closing = html[i + 1] === '/';
    if (!isAlpha(html[closing ? i + 2 : i + 1])) {
      i++;
      continue;
    }
    flushText(i);
    const start = i;
    i += closing ? 2 : 1;
    let name = '';
    while (i < html.length && !isSpace(html[i]) && html[i] !== '/' && html[i] !== '>') name += html[i++]!.toLowerCase();
    const attrs: Array<readonly [string, string]> = [];
    for (;;) {
      while (i < html.length && (isSpace(html[i]) || html[i] === '/')) i++;
      if (i >= html.length || html[i] === '>') break;
      let attr = html[i++]!.toLowerCase();
      while (i < html.length && !isSpace(html[i]) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') attr += html[i++]!.toLowerCase();
      while (isSpace(html[i])) i++;
      let value = '';
      if (html[i] === '=') {
        i++;
        while (isSpace(html[i])) i++;
        const quote = html[i];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, i + 1);
          value = html.slice(i + 1, close === -1 ? html.length : close);
          i = close === -1 ? html.length : close + 1;
        } else {
          while (i < html.length && !isSpace(html[i]) && html[i] !== '>') value += html[i++];
        }
      }
      if (!attrs.some(([n]) => n === attr)) attrs.push([attr, decodeEntities(value)]);
    }
    i++; // '>'
    tokens.push(closing ? { type: 'end', name, start, end: i } : { type: 'start', name, attrs, start, end: i });
    textStart = i;
    if (!closing && (rawText.has(name) || rcData.has(name))) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      const to = close === -1 ? html.length : close;
      flushText(to);
      i = to;
      textStart = i;
    }
  }
  flushText(html.length);
  return tokens;
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/** Decodes the character references a serializer writes (named basics and numeric). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{1,8});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0x10ffff ? whole : String.fromCodePoint(code);
    }
    return named[ref] ?? whole;
  });
}

/** Start tags of a page. */
export function startTags(html: string): StartTag[] {
  return tokenizeHtml(html).filter((t): t is StartTag => t.type === 'start');
}

/** Elements and attributes of a page, counted. */
export function shape(html: string): { elements: number; attributes: number; names: string } {
  const tags = startTags(html);
  return {
    elements: tags.length,
    attributes: tags.reduce((n, t) => n + t.attrs.length, 0),
    names: tags.map((t) => `${t.name}[${t.attrs.map(([n]) => n).join(',')}]`).join(' '),
  };
}

/** The decoded text inside the first element named `name`; throws if it holds an element. */
export function elementText(html: string, name: string): string {
  const tokens = tokenizeHtml(html);
  const at = tokens.findIndex((t) => t.type === 'start' && t.name === name);
  if (at === -1) throw new Error(`no <${name}>`);
  let text = '';
  for (const t of tokens.slice(at + 1)) {
    if (t.type === 'end' && t.name === name) return text;
    if (t.type !== 'text') throw new Error(`<${name}> holds a ${t.type} token`);
    text += decodeEntities(t.raw);
  }
  throw new Error(`<${name}> is never closed`);
}

/** The raw contents of every `<script type="application/ld+json">`. */
export function jsonLdScripts(html: string): string[] {
  const tokens = tokenizeHtml(html);
  const out: string[] = [];
  tokens.forEach((t, i) => {
    if (t.type === 'start' && t.name === 'script' && t.attrs.some(([n, v]) => n === 'type' && v === 'application/ld+json')) {
      const next = tokens[i + 1];
      out.push(next?.type === 'text' ? next.raw : '');
    }
  });
  return out;
}

