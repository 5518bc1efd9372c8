import type { IsoDate } from './find-date.js';

/** Weekday names, Sunday first (the order of `Date.getUTCDay`). */
const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

// A weekday as a word of its own (not `Mondays`).
const weekdayPattern = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b(?!s\b|-)/g;

/** Words before a weekday that make it no past event of this story: `next Monday`, `every Friday`. */
const notThePast = new Set(['next', 'every', 'coming', 'following', 'each', 'until', 'till', 'by', 'before']);

/** How many body paragraphs are read for the weekday: the lead and the two after it. */
const leadParagraphs = 3;

/**
 * The weekday (0 = Sunday) on which the body says its news happened, or null: the first weekday
 * named in the lead paragraphs (`on Monday`, `a coastal town Thursday`, `During Monday's meeting`),
 * skipping ones that look ahead or repeat (`next Monday`, `every Friday`, `Fridays`).
 */
export function findEventWeekday(paragraphs: readonly string[]): number | null {
  for (const p of paragraphs.slice(0, leadParagraphs)) {
    // Most paragraphs name no weekday: a cheap test first (the pattern is linear anyway).
    if (!/day\b/.test(p)) continue;
    for (const m of p.matchAll(weekdayPattern)) {
      // The word just before it, from the few characters ahead of the match.
      const before = p.slice(Math.max(0, m.index - 16), m.index).trimEnd().split(' ').pop();
      if (before && notThePast.has(before.toLowerCase())) continue;
      return weekdays.indexOf(m[1]!.toLowerCase() as (typeof weekdays)[number]);
    }
  }
  return null;
}

/**
 * The date of `weekday` anchored to a photo's date: the first day on or after the photo's date
 * that falls on that weekday (0 to 6 days later). A news photo is taken at the event or shortly
 * before the story about it is written, never after, so the event's weekday is read forward from
 * the photo: a photo of Wednesday 5 March and "gunmen ambushed a patrol Thursday" give 6 March.
 */
export function anchorWeekday(photoDate: IsoDate, weekday: number): IsoDate {
  const day = new Date(`${photoDate}T00:00:00Z`);
  const ahead = (weekday - day.getUTCDay() + 7) % 7;
  day.setUTCDate(day.getUTCDate() + ahead);
  return day.toISOString().slice(0, 10);
}

/** A caption of an archive photo (`File photo`, `(Reuters/File)`): its date says nothing about the story's. */
export function isFilePhoto(caption: string): boolean {
  return /\b(?:file|archive|archival)\b/i.test(caption);
}
