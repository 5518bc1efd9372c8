import { BuildError } from './errors.js';
/** Options of a build; every field has a default in `defaultConfig`. */
export interface SiteConfig {
  /** Folder of seed files (`*.txt`), read recursively. */
  readonly seedsDir: string;
  /** Folder the archive is written to; replaced whole, atomically, at the end of a build. */
  readonly outDir: string;
  /** Absolute URL the archive is served from (`https://news.example/archive/`), or null. */
  readonly siteUrl: string | null;
  readonly title: string;
  readonly description: string;
  /** The publisher's home page, for schema.org `publisher.url` and the feeds' author; null uses `siteUrl`. */
  readonly publisherUrl: string | null;
  /** An absolute URL of the publisher's logo image, for schema.org `publisher.logo`; or null. */
  readonly publisherLogo: string | null;
  /** Language of the archive, for `<html lang>` and the search index. */
  readonly language: string;
  /** Articles on one page of a country, topic or credit list. */
  readonly pageSize: number;
  /** Articles on the home page. */
  readonly homeSize: number;
  /** Fail (exit 1) on warnings too, not only on errors. */
  readonly strict: boolean;
  /** Build the Pagefind search index. */
  readonly search: boolean;
  /**
   * Records a search bundle holds at most, about: past it a year's bundle is cut into runs of
   * months and the undated one into several. Smaller bundles make a new seed re-index less;
   * larger ones make the search page merge fewer bundles. Null: grows with the archive.
   */
  readonly searchBundleSize: number | null;
  /** A taxonomy file to use instead of `data/taxonomy.json`, or null. */
  readonly taxonomy: string | null;
  /** Keep parsed seeds, enriched articles and page keys between builds, so a rebuild redoes only what changed. */
  readonly cache: boolean;
  /** Folder of the build cache; never inside the output folder. */
  readonly cacheDir: string;
  /** Seconds to wait for another build writing the same output folder to finish (0: fail at once, exit 2). */
  readonly lockTimeout: number;
  /** Folder of template overrides: a file there replaces the built-in template or asset of the same name; or null. */
  readonly templates: string | null;
}

/** Defaults: seeds from `seeds/`, archive to `dist/`, no absolute URLs. */
export const defaultConfig = {
  seedsDir: 'seeds',
  outDir: 'dist',
  siteUrl: null,
  title: 'Dateline news archive',
  description: 'An archive of news articles, browsable by country, topic, credit and month.',
  publisherUrl: null,
  publisherLogo: null,
  language: 'en',
  pageSize: 50,
  homeSize: 12,
  strict: false,
  search: true,
  searchBundleSize: null,
  taxonomy: null,
  cache: true,
  cacheDir: '.dateline-cache',
  lockTimeout: 0,
  templates: null,
} satisfies SiteConfig;

/** Merges partial options over the defaults once, checking each value; misuse throws a TypeError. */
export function resolveConfig(options: Partial<SiteConfig> = {}): SiteConfig {
  const config: SiteConfig = { ...defaultConfig, ...stripUndefined(options) };
  for (const key of Object.keys(options)) {
    if (!(key in defaultConfig)) throw new TypeError(`resolveConfig: unknown option "${key}"; known options are ${Object.keys(defaultConfig).join(', ')}`);
  }
  if (!Number.isInteger(config.lockTimeout) || config.lockTimeout < 0) {
    throw new TypeError('resolveConfig: lockTimeout must be a whole number of seconds, 0 or more');
  }
  for (const key of ['pageSize', 'homeSize'] as const) {
    if (!Number.isInteger(config[key]) || config[key] < 1) throw new TypeError(`resolveConfig: ${key} must be a positive whole number`);
  }
  if (config.searchBundleSize !== null && (!Number.isInteger(config.searchBundleSize) || config.searchBundleSize < 1)) {
    throw new TypeError('resolveConfig: searchBundleSize must be a positive whole number, or null to let it grow with the archive');
  }
  for (const key of ['seedsDir', 'outDir', 'title', 'description', 'language', 'cacheDir'] as const) {
    if (typeof config[key] !== 'string' || config[key] === '') throw new TypeError(`resolveConfig: ${key} must be a non-empty text`);
  }
  for (const key of ['strict', 'search', 'cache'] as const) {
    if (typeof config[key] !== 'boolean') throw new TypeError(`resolveConfig: ${key} must be true or false, not ${JSON.stringify(config[key])}`);
  }
  if (config.taxonomy !== null && (typeof config.taxonomy !== 'string' || config.taxonomy === '')) {
    throw new TypeError('resolveConfig: taxonomy must be the path of a taxonomy JSON file, or null');
  }
  if (config.templates !== null && (typeof config.templates !== 'string' || config.templates === '')) {
    throw new TypeError('resolveConfig: templates must be the path of a folder of template overrides, or null');
  }
  for (const key of ['publisherUrl', 'publisherLogo'] as const) {
    const value = config[key];
    if (value !== null && !isPublicHttpUrl(value)) {
      throw new TypeError(`resolveConfig: ${key} must be an absolute http(s) URL or null`);
    }
  }
  if (!isLanguageTag(config.language)) {
    throw new TypeError(`resolveConfig: language "${config.language}" is not a BCP 47 language tag of at most ${maxLanguageChars} characters, such as en or pt-BR`);
  }
  if (config.siteUrl === null) return config;
  if (typeof config.siteUrl !== 'string') throw new TypeError('resolveConfig: siteUrl must be a text (an absolute URL) or null');
  let url: URL;
  try {
    url = new URL(config.siteUrl);
  } catch {
    throw new TypeError(`resolveConfig: siteUrl "${config.siteUrl}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`resolveConfig: siteUrl must be http or https, not ${url.protocol}`);
  }
  // The site URL is printed into every page, feed and sitemap: credentials in it would be published.
  if (url.username !== '' || url.password !== '') {
    throw new TypeError('resolveConfig: siteUrl must not hold a user name or password (user:pass@); give the public URL');
  }
  return { ...config, siteUrl: url.href.endsWith('/') ? url.href : `${url.href}/` };
}

/** True for an absolute http(s) URL without a user name or password (it is printed into every page). */
function isPublicHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** Longest language tag taken: Pagefind panics on one of 32 characters or more. */
const maxLanguageChars = 31;

/** True for a well-formed BCP 47 language tag (checked by Intl) that Pagefind can take. */
function isLanguageTag(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > maxLanguageChars || !/^[A-Za-z0-9-]+$/.test(value)) return false;
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The build date from SOURCE_DATE_EPOCH (reproducible builds), or null when it is not set. */
export function sourceDateEpoch(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  const date = /^\d{1,12}$/.test(raw) ? new Date(Number(raw) * 1000) : null;
  if (!date || Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999) {
    throw new BuildError(`SOURCE_DATE_EPOCH="${raw}" is not a time`, 'set it to whole seconds since 1970 (e.g. git log -1 --format=%ct), or unset it');
  }
  return date.toISOString().slice(0, 10);
}
