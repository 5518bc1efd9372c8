import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';

describe('resolveConfig checks each value (issue 12)', () => {
  it('12.3: a language of 32 or more characters, which panics Pagefind, is refused as not BCP 47', () => {
    expect(() => resolveConfig({ language: 'x'.repeat(40) })).toThrow(/language .* is not a BCP 47 language tag/);
    expect(() => resolveConfig({ language: 'en_US' })).toThrow(TypeError);
    expect(() => resolveConfig({ language: 'en-' })).toThrow(TypeError);
    for (const language of ['en', 'pt-BR', 'zh-Hant-TW', 'de-CH-1901']) expect(resolveConfig({ language }).language).toBe(language);
  });

  it('12.11: config booleans are type-checked ("false" as text is not false)', () => {
    expect(() => resolveConfig({ search: 'false' as unknown as boolean })).toThrow(/search must be true or false/);
    expect(() => resolveConfig({ strict: 1 as unknown as boolean })).toThrow(/strict must be true or false/);
    expect(resolveConfig({ search: false, strict: true })).toMatchObject({ search: false, strict: true });
  });

  it('12.11: a site URL holding credentials is refused, never published', () => {
    expect(() => resolveConfig({ siteUrl: 'https://user:secret@news.example/' })).toThrow(/user name or password/);
    expect(() => resolveConfig({ siteUrl: 'https://user@news.example/' })).toThrow(/user name or password/);
    expect(resolveConfig({ siteUrl: 'https://news.example/archive' }).siteUrl).toBe('https://news.example/archive/');
  });

  it('issue 8: searchBundleSize is a positive whole number, or null to grow with the archive', () => {
    expect(resolveConfig({}).searchBundleSize).toBeNull();
    expect(resolveConfig({ searchBundleSize: 200 }).searchBundleSize).toBe(200);
    for (const bad of [0, -5, 2.5, '300' as unknown as number]) expect(() => resolveConfig({ searchBundleSize: bad })).toThrow(/searchBundleSize must be a positive whole number/);
  });

  it('refuses a taxonomy that is not a path', () => {
    expect(() => resolveConfig({ taxonomy: 42 as unknown as string })).toThrow(/taxonomy must be/);
  });

  it('issue 10: publisherUrl and publisherLogo are absolute public http(s) URLs or null', () => {
    expect(resolveConfig({}).publisherLogo).toBeNull();
    expect(resolveConfig({ publisherUrl: 'https://news.example/', publisherLogo: 'https://news.example/logo.png' }))
      .toMatchObject({ publisherUrl: 'https://news.example/', publisherLogo: 'https://news.example/logo.png' });
    expect(() => resolveConfig({ publisherLogo: 'logo.png' })).toThrow(/publisherLogo must be an absolute http\(s\) URL/);
    expect(() => resolveConfig({ publisherUrl: 'ftp://news.example/' })).toThrow(/publisherUrl must be/);
    expect(() => resolveConfig({ publisherUrl: 'https://me:pw@news.example/' })).toThrow(/publisherUrl must be/);
  });
});
