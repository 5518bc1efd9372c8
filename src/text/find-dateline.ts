import { monthNames } from './month-names.js';

/** A wire dateline opening a paragraph: `BEIRUT, March 5 (Reuters) -`, `TYRE, Lebanon —`. */
export interface Dateline {
  /** The place as printed in capitals, shown in title case: `Beirut`. */
  readonly place: string;
  /** The country or region after the place, as written (`Lebanon`), when given. */
  readonly country?: string;
  /** Month (0 = January) and day of a date in the dateline, without a year. */
  readonly month?: number;
  readonly day?: number;
  /** The agency in parentheses (`Reuters`), when given. */
  readonly agency?: string;
  /** The paragraph's text after the dateline's dash. */
  readonly rest: string;
}

const month = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
// PLACE in capitals, then optional `, Country`, `, Month Day`, `(Agency)`, and a dash. A hyphen
// stands only inside a place word (WINSTON-SALEM), never at its end, so the dash that closes the
// dateline has one reading: a trailing hyphen in the word made the pattern quadratic on dash runs.
const datelinePattern = new RegExp(
  `^([A-Z](?:[A-Z.'\\u2019]|-(?=[A-Z]))*(?: [A-Z](?:[A-Z.'\\u2019]|-(?=[A-Z]))*){0,3})` +
    `(?:, ((?!${month} \\d)[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}))?` +
    `(?:, ${month} (\\d{1,2}))?` +
    `(?: \\(([A-Za-z][A-Za-z .&-]{0,30})\\))?` +
    ` ?[-\\u2013\\u2014]+ (\\S.*)$`,
  's',
);

const titleCase = (caps: string): string => caps.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());

/**
 * The dateline a paragraph opens with, or null: a place in capitals (at least two letters)
 * followed by any of a country, a month and day, an agency in parentheses, then a dash.
 * A date without a year is returned as month and day; the caller chooses the year.
 */
export function findDateline(paragraph: string): Dateline | null {
  const m = datelinePattern.exec(paragraph.trim());
  if (!m || m[1]!.replace(/[^A-Z]/g, '').length < 2) return null;
  const [, place, country, , monthName, day, agency, rest] = m;
  const monthIndex = monthName ? monthNames.findIndex((n) => n.toLowerCase().startsWith(monthName.slice(0, 3).toLowerCase())) : -1;
  const dayNumber = day ? Number(day) : 0;
  return {
    place: titleCase(place!),
    ...(country ? { country } : {}),
    ...(monthIndex >= 0 && dayNumber >= 1 && dayNumber <= 31 ? { month: monthIndex, day: dayNumber } : {}),
    ...(agency ? { agency: agency.trim() } : {}),
    rest: rest!,
  };
}
