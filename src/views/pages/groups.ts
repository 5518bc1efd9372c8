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
  readonly groups: readonly GroupLink[];
}

/** The view of an index of groups, from its inputs alone. */
export function groupsPageView(inputs: GroupsPageInputs): unknown {
  const { site, path, heading } = inputs;
  const urlOf = urls[inputs.kind];
  return {
    page: pageView(site, path, inputs.url, { title: heading, breadcrumbs: [{ label: 'Home', url: urls.home }, { label: heading, url: null }] }),
    heading,
    groups: inputs.groups.map((g) => ({ name: g.name, href: linkTo(path, urlOf(g.key)), count: articleCount(g.count) })),
  };
}
