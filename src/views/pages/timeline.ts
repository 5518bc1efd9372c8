import { pageView, type SiteInputs } from '../page-view.js';
import { linkTo, urls } from '../site-urls.js';
import type { GroupLink } from './home.js';

/** Everything the archive's timeline page reads: the months of each year and the undated count. */
export interface TimelinePageInputs {
  readonly site: SiteInputs;
  readonly path: string;
  readonly years: ReadonlyArray<{ readonly year: string; readonly months: readonly GroupLink[] }>;
  readonly undated: number;
}

/** The view of the timeline page, from its inputs alone. */
export function timelinePageView(inputs: TimelinePageInputs): unknown {
  const { site, path } = inputs;
  return {
    page: pageView(site, path, urls.archive, { title: 'Archive', breadcrumbs: [{ label: 'Home', url: urls.home }, { label: 'Archive', url: null }] }),
    heading: 'Archive by month',
    years: inputs.years.map(({ year, months }) => ({
      year,
      href: linkTo(path, urls.year(year)),
      count: months.reduce((n, m) => n + m.count, 0),
      months: months.map((m) => ({ name: m.name, href: linkTo(path, urls.month(m.key)), count: m.count })),
    })),
    undated: inputs.undated === 0 ? null : { href: linkTo(path, urls.undated), count: inputs.undated },
  };
}
