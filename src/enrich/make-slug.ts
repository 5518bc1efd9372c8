import slugify from '@sindresorhus/slugify';
import { maxSlugLength, slugPattern } from '../text/slug.js';

/**
 * A URL-safe slug for a text: transliterated to ASCII, bidi and zero-width controls dropped,
 * cut at a word boundary to at most 80 characters; `fallback` when nothing is left.
 */
export function makeSlug(text: string, fallback: string): string {
  // Controls, format characters (every bidi control incl. U+061C ALM, zero-width characters, soft
  // hyphen) and other default-ignorable code points are invisible: drop them, never split on them.
  const clean = text.normalize('NFC').replace(/[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu, '');
  let slug = slugify(clean, { decamelize: false }).replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (slug.length > maxSlugLength) {
    slug = slug.slice(0, maxSlugLength + 1);
    const cut = slug.lastIndexOf('-');
    slug = (cut > 20 ? slug.slice(0, cut) : slug.slice(0, maxSlugLength)).replace(/-$/, '');
  }
  return slugPattern.test(slug) ? slug : fallback;
}
