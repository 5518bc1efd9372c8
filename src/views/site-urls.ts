/** Site-relative URLs of the archive's pages, each a folder ending in `/`. */
export const urls = {
  home: '',
  article: (slug: string): string => `articles/${slug}/`,
  countries: 'countries/',
  country: (code: string): string => `countries/${code.toLowerCase()}/`,
  topics: 'topics/',
  topic: (slug: string): string => `topics/${slug}/`,
  credits: 'credits/',
  credit: (key: string): string => `credits/${key}/`,
  archive: 'archive/',
  year: (year: string): string => `archive/${year}/`,
  month: (month: string): string => `archive/${month.slice(0, 4)}/${month.slice(5, 7)}/`,
  undated: 'archive/undated/',
  search: 'search/',
};

/** The output file of a site-relative folder URL: `articles/x/` → `articles/x/index.html`. */
export function outputPath(url: string): string {
  return `${url}index.html`;
}

/** The prefix that leads from a page's output path back to the site root (`../../`). */
export function rootOf(path: string): string {
  let depth = 0;
  for (let at = path.indexOf('/'); at !== -1; at = path.indexOf('/', at + 1)) depth++;
  return (roots[depth] ??= '../'.repeat(depth));
}

/** `../` repeated, by depth: every link of every page asks for one. */
const roots: string[] = [];

/**
 * A link from the page at `fromPath` to a site-relative URL. Folder URLs get an explicit
 * `index.html`, so the archive browses from disk (file://) as well as from any web sub-path.
 * `root` replaces the relative way back to the site root (`../../`) when a page needs another.
 */
export function linkTo(fromPath: string, url: string, root: string = rootOf(fromPath)): string {
  const target = url === '' || url.endsWith('/') ? `${url}index.html` : url;
  return `${root}${target}`;
}

/** An absolute URL under the site URL, or null when no site URL is set. */
export function absoluteUrl(siteUrl: string | null, url: string): string | null {
  return siteUrl === null ? null : new URL(url, siteUrl).href;
}
