import { monthNames } from '../../text/month-names.js';
import { articleCount, pageView, type SiteInputs } from '../page-view.js';
import { linkTo, urls } from '../site-urls.js';

/** One year of a timeline as inputs: its link and its months that have articles. */
export interface TimelineYearInput {
  readonly year: string;
  /** Site-relative URL of the year (the archive's year page), or null. */
  readonly url: string | null;
  /** Months with articles: key `2025-03`, count, and the site-relative URL (with `#fragment`) they link to. */
  readonly months: ReadonlyArray<{ readonly key: string; readonly count: number; readonly url: string }>;
}

/** A year-by-month grid: a row per year (newest first), a cell per month (null: no articles). */
export interface TimelineGrid {
  readonly months: ReadonlyArray<{ readonly short: string; readonly initial: string; readonly name: string }>;
  readonly years: ReadonlyArray<{
    readonly year: string;
    readonly href: string | null;
    readonly count: number;
    readonly label: string;
    readonly cells: ReadonlyArray<{ readonly count: number; readonly href: string; readonly label: string } | null>;
  }>;
}

/** The grid of a timeline on the page at `path`. */
export function timelineGrid(path: string, years: readonly TimelineYearInput[]): TimelineGrid {
  return {
    months: monthNames.map((name) => ({ short: name.slice(0, 3), initial: name.slice(0, 1), name })),
    years: years.map((y) => {
      const count = y.months.reduce((n, m) => n + m.count, 0);
      const byMonth = new Map(y.months.map((m) => [Number(m.key.slice(5, 7)), m]));
      return {
        year: y.year,
        href: y.url === null ? null : linkTo(path, y.url),
        count,
        label: `${y.year}: ${articleCount(count)}`,
        cells: monthNames.map((name, i) => {
          const m = byMonth.get(i + 1);
          return m ? { count: m.count, href: linkTo(path, m.url), label: `${name} ${y.year}: ${articleCount(m.count)}` } : null;
        }),
      };
    }),
  };
}

/** Everything the archive's timeline page reads: the months of each year and the undated count. */
export interface TimelinePageInputs {
  readonly site: SiteInputs;
  readonly path: string;
  readonly years: readonly TimelineYearInput[];
  readonly total: number;
  readonly undated: number;
}

/** The view of the timeline page, from its inputs alone. */
export function timelinePageView(inputs: TimelinePageInputs): unknown {
  const { site, path } = inputs;
  const dated = inputs.total - inputs.undated;
  return {
    page: pageView(site, path, urls.archive, { title: 'Archive', breadcrumbs: [{ label: 'Home', url: urls.home }, { label: 'Archive', url: null }] }),
    heading: 'Archive by month',
    summary: `${articleCount(inputs.total)}: ${dated} dated, ${inputs.undated} undated.`,
    grid: timelineGrid(path, inputs.years),
    undated: inputs.undated === 0 ? null : { href: linkTo(path, urls.undated), count: articleCount(inputs.undated) },
  };
}
