import type { Article, DateSource, Diagnostic, MergedArticle } from '../model/types.js';
import { findCountryEvidence } from '../enrich/find-countries.js';
import { findDate } from '../enrich/find-date.js';
import { findDateline, type Dateline } from '../text/find-dateline.js';
import { anchorWeekday, findEventWeekday, isFilePhoto } from '../enrich/anchor-weekday.js';
import { parseCredit } from '../enrich/parse-credit.js';
import { findTopics } from '../enrich/find-topics.js';
import type { Enrichment } from '../enrich/load-enrichment.js';
import { makeSlug } from '../enrich/make-slug.js';
import { tokenizeArticle } from '../enrich/tokenize-article.js';
import { captionCredit, collapseSpace } from '../text/text-key.js';

/** An enriched article and the problems its front matter had. */
export interface EnrichResult {
  readonly article: Article;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Adds what a reader browses by: countries (ISO 3166-1 alpha-2, most central first), 1–2
 * topics with their evidence, a date and where it came from, a normalised photo credit, a
 * stable id and a slug. Front matter wins over what is found in the text. Pure.
 */
export function enrichArticle(article: MergedArticle & { readonly key: string }, ctx: Enrichment): EnrichResult {
  const diagnostics: Diagnostic[] = [];
  const where = article.sources[0]!;
  const meta = article.meta;
  // Country and topic finding read the same words: tokenize each zone once.
  const words = tokenizeArticle(article);

  const countryEvidence = meta.countries ? [] : findCountryEvidence(article, ctx.gazetteer, undefined, words);
  const countries = meta.countries
    ? meta.countries.filter((code) => {
        if (ctx.gazetteer.countryNames.has(code)) return true;
        diagnostics.push({ ...where, severity: 'error', rule: 'front-matter-schema', message: `front matter key "countries": ${code} is not an ISO 3166-1 alpha-2 code` });
        return false;
      })
    : countryEvidence.map((e) => e.country);

  const evidence = findTopics(article, ctx.topics, undefined, words);
  const known = meta.topics ? new Set(ctx.topics.topics.map((t) => t.slug)) : null;
  const topics = meta.topics
    ? meta.topics.filter((slug) => {
        if (known!.has(slug)) return true;
        diagnostics.push({ ...where, severity: 'error', rule: 'front-matter-schema', message: `front matter key "topics": "${slug}" is not in the taxonomy` });
        return false;
      })
    : evidence.map((e) => e.topic);

  let date: string | null = meta.date ?? null;
  let dateSource: DateSource | null = date ? 'front-matter' : null;
  let photoCaption: string | undefined;
  let photoDate: string | null = null;
  for (const c of article.captions) {
    photoDate = findDate(c);
    if (photoDate !== null) {
      photoCaption = c;
      break;
    }
  }
  const dateline = article.paragraphs[0] === undefined ? null : findDateline(article.paragraphs[0]);
  // The first full date of the body, looked for once though two rules may ask.
  let bodyDate: string | null | undefined;
  const firstBodyDate = (): string | null => (bodyDate === undefined ? (bodyDate = firstDate(article.paragraphs)) : bodyDate);
  if (!date) {
    date = datelineDate(dateline, firstBodyDate, photoDate);
    if (date) dateSource = 'dateline';
  }
  if (!date) {
    date = firstBodyDate();
    if (date) dateSource = 'body';
  }
  // "Gunmen ambushed a patrol Thursday" under a photo of Wednesday 5 March: 6 March. Not for an
  // archive photo, whose date is not the story's.
  const weekday = !date && photoDate && !isFilePhoto(photoCaption!) ? findEventWeekday(article.paragraphs) : null;
  if (!date && photoDate && weekday !== null) {
    date = anchorWeekday(photoDate, weekday);
    dateSource = 'weekday';
  }
  if (!date && photoDate) {
    date = photoDate;
    dateSource = 'caption';
  }

  const rawCredit = meta.credit ?? article.captions.map(captionCredit).find((c) => c !== null) ?? null;
  const credit = rawCredit === null ? null : normaliseCredit(rawCredit, ctx.creditAliases);
  const creditParts = credit === null ? null : parseCredit(credit, ctx.creditAliases);

  return {
    article: {
      id: article.key,
      slug: makeSlug(meta.slug ?? article.headline, `article-${article.key}`),
      headline: article.headline,
      captions: article.captions,
      credit,
      date,
      dateSource,
      photoDate,
      dateline: dateline ? { place: dateline.place, country: dateline.country ?? null } : null,
      agency: creditParts?.agency ?? null,
      photographer: creditParts?.photographer ?? null,
      countries,
      topics,
      topicEvidence: evidence,
      countryEvidence,
      paragraphs: article.paragraphs,
      sources: article.sources,
      meta,
    },
    diagnostics,
  };
}

/** Shows a known agency by its usual name (`Agence France-Presse` → `AFP`); keeps any other credit's text. */
export function normaliseCredit(credit: string, aliases: ReadonlyMap<string, string>): string {
  // `Photo: AFP`, `Photo by Reuters`: the label is not part of the credit.
  const text = collapseSpace(credit).replace(/^(?:photo(?:graph)?s?|images?|pictures?|credit)\s*(?::|by)\s*/i, '');
  return aliases.get(text.toLowerCase()) ?? (text || collapseSpace(credit));
}

/** The first full date written in any of `texts`, or null. */
function firstDate(texts: readonly string[]): string | null {
  for (const text of texts) {
    const date = findDate(text);
    if (date !== null) return date;
  }
  return null;
}

/**
 * The date of a wire dateline (`BEIRUT, March 5 (Reuters) -`) in the first paragraph, its year
 * taken from the photo's date or else the first full date in the body; null without either.
 */
function datelineDate(line: Dateline | null, firstBodyDate: () => string | null, photoDate: string | null): string | null {
  if (line?.month === undefined || line.day === undefined) return null;
  const year = (photoDate ?? firstBodyDate() ?? '').slice(0, 4);
  if (!year) return null;
  const d = new Date(Date.UTC(Number(year), line.month, line.day));
  return d.getUTCMonth() === line.month ? d.toISOString().slice(0, 10) : null;
}
