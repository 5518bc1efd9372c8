import { articleCount, pageView, type SiteInputs } from '../page-view.js';
import { linkTo, urls } from '../site-urls.js';
import type { GroupLink } from './home.js';

/** Everything an index of groups (countries, topics, credits) reads. */
export interface GroupsPageInputs {
  readonly site: SiteInputs;
  readonly path: string;
  readonly url: string;
  readonly heading: string;
  /** Which URL family the groups link to. */
  readonly kind: 'country' | 'topic' | 'credit';
  /** The groups by name; countries carry their region. */
  readonly groups: readonly GroupLink[];
  /**
   * Countries only: each region's distinct articles. An article about two countries of one
   * region counts once for it, so a region's count is not the sum of its countries'.
   */
  readonly regionCounts?: Readonly<Record<string, number>>;
  /** `name`: alphabetical (countries under their regions); `count`: most articles first. */
  readonly order: 'name' | 'count';
  /** The index's two orders: the URL of each. */
  readonly orders: { readonly name: string; readonly count: string };
}

type Entry = { name: string; href: string; count: string };

/** The view of an index of groups, from its inputs alone. */
export function groupsPageView(inputs: GroupsPageInputs): unknown {
  const { site, path, heading } = inputs;
  const urlOf = urls[inputs.kind];
  const entry = (g: GroupLink): Entry => ({ name: g.name, href: linkTo(path, urlOf(g.key)), count: articleCount(g.count) });
  const byCount = [...inputs.groups].sort((x, y) => y.count - x.count || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  let sections: Array<{ id: string | null; heading: string | null; count: string | null; groups: Entry[] }>;
  if (inputs.order === 'count') sections = [{ id: null, heading: null, count: null, groups: byCount.map(entry) }];
  else if (inputs.groups.some((g) => g.region !== undefined)) {
    // Regions with the most articles first; countries by name within a region.
    const regions = new Map<string, GroupLink[]>();
    for (const g of inputs.groups) regions.set(g.region ?? 'Other', [...(regions.get(g.region ?? 'Other') ?? []), g]);
    const total = (gs: readonly GroupLink[]): number => inputs.regionCounts?.[gs[0]!.region ?? 'Other'] ?? gs.reduce((n, g) => n + g.count, 0);
    sections = [...regions.entries()]
      .sort(([a, x], [b, y]) => total(y) - total(x) || (a < b ? -1 : 1))
      .map(([region, gs], i) => ({ id: `region-${i + 1}`, heading: region, count: articleCount(total(gs)), groups: gs.map(entry) }));
  } else sections = [{ id: null, heading: null, count: null, groups: inputs.groups.map(entry) }];
  const grouped = inputs.groups.some((g) => g.region !== undefined);
  return {
    page: pageView(site, path, inputs.url, {
      title: inputs.order === 'count' ? `${heading} by number of articles` : heading,
      breadcrumbs: [{ label: 'Home', url: urls.home }, ...(inputs.order === 'count' ? [{ label: heading, url: inputs.orders.name }, { label: 'By number of articles', url: null }] : [{ label: heading, url: null }])],
    }),
    heading,
    summary: `${inputs.groups.length} ${heading.toLowerCase()}`,
    orders: [
      { label: grouped ? 'By region' : 'By name', href: linkTo(path, inputs.orders.name), current: inputs.order === 'name' },
      { label: 'By number of articles', href: linkTo(path, inputs.orders.count), current: inputs.order === 'count' },
    ],
    sections,
  };
}
