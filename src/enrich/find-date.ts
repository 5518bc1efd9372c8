import { monthNames } from '../text/month-names.js';

/** A date found in text, as `YYYY-MM-DD`. */
export type IsoDate = string;

const months = monthNames.map((m) => m.toLowerCase());
// A local constant, as in the dateline reader: the ReDoS test evaluates each file's patterns from its own constants.
const monthPattern = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
// `March 5, 2025`, `5 March 2025`, `2025-03-05`: day, month and year all written out.
const datePattern = new RegExp(
  `\\b${monthPattern} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b|\\b(\\d{1,2})(?:st|nd|rd|th)? ${monthPattern},? (\\d{4})\\b|\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`,
  'g',
);

const fourDigits = /\d{4}/;

function monthIndex(name: string): number {
  const prefix = name.toLowerCase().slice(0, 3);
  return months.findIndex((m) => m.startsWith(prefix));
}

function iso(year: number, month: number, day: number): IsoDate | null {
  const d = new Date(Date.UTC(year, month, day));
  if (year < 1900 || year > 2200 || d.getUTCMonth() !== month || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

/**
 * The first full calendar date written in a text (`March 5, 2025`, `5 March 2025`,
 * `2025-03-05`), or null. A weekday or a month without a day is not a date.
 */
export function findDate(text: string): IsoDate | null {
  // Every form has a four-digit year: most paragraphs have none, and this scan is much cheaper.
  if (!fourDigits.test(text)) return null;
  for (const m of text.matchAll(datePattern)) {
    const found = m[1]
      ? iso(Number(m[3]), monthIndex(m[1]), Number(m[2]))
      : m[5]
        ? iso(Number(m[6]), monthIndex(m[5]), Number(m[4]))
        : iso(Number(m[7]), Number(m[8]) - 1, Number(m[9]));
    if (found) return found;
  }
  return null;
}
