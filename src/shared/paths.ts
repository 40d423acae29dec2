/**
 * Every URL the app makes, in one place: `<Link to={paths.talk(talk.id)}>`. Paths are relative to
 * the router's basename (the site's base path), so they work under `/notes/` as well as `/`.
 */
import type { ConferenceId, SpeakerId, TagId, TalkId } from './ids';

/** Timeline filters as they appear in the URL: several values per field. */
export interface TimelineFilters {
  conference?: readonly string[];
  year?: readonly string[];
  day?: readonly string[];
  track?: readonly string[];
  tag?: readonly string[];
  speaker?: readonly string[];
}

export const FILTER_FIELDS = ['conference', 'year', 'day', 'track', 'tag', 'speaker'] as const;

/**
 * A day as the day filter names it: the day of one conference (`?day=lca-2018.day-2`), so "Day 2"
 * of two events never merges. Neither id has a `.` (both are slugs).
 */
export const toDayFilterValue = (conference: string, day: string): string => `${conference}.${day}`;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** The timeline's conference order: newest first unless the URL says `?order=oldest`. */
export type TimelineOrder = 'newest' | 'oldest';

/**
 * `?conference=lca-2018&tag=docker&tag=aws`, fields in a fixed order so equal views share a URL.
 * `order=oldest` comes last; newest first is the default and is left out.
 */
export function toFilterSearch(filters: TimelineFilters, order: TimelineOrder = 'newest'): string {
  const params = new URLSearchParams();
  for (const field of FILTER_FIELDS) {
    for (const value of filters[field] ?? []) params.append(field, value);
  }
  if (order === 'oldest') params.set('order', 'oldest');
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function readFilters(params: URLSearchParams): TimelineFilters {
  const filters: Record<string, string[]> = {};
  for (const field of FILTER_FIELDS) {
    const values = params.getAll(field).filter((value) => value !== '');
    if (values.length > 0) filters[field] = [...new Set(values)];
  }
  return filters;
}

const SCOPES: ReadonlyArray<[RegExp, FilterField]> = [
  [/^\/tags\/([^/]+)\/?$/, 'tag'],
  [/^\/speakers\/([^/]+)\/?$/, 'speaker'],
  [/^\/conferences\/([^/]+)\/?$/, 'conference'],
];

/**
 * What a search started on a page stays within: the timeline's filters on `/`, the tag on
 * `/tags/docker`, the speaker on `/speakers/…`, the conference on `/conferences/…`; else nothing.
 */
export function searchScopeOf(pathname: string, search: string): TimelineFilters {
  if (pathname === '/') return readFilters(new URLSearchParams(search));
  for (const [pattern, field] of SCOPES) {
    const match = pattern.exec(pathname);
    if (match) {
      try {
        return { [field]: [decodeURIComponent(match[1]!)] };
      } catch {
        return {};
      }
    }
  }
  return {};
}

/** Any `order` other than `oldest` (missing, misspelt) means newest first. */
export function readTimelineOrder(params: URLSearchParams): TimelineOrder {
  return params.get('order') === 'oldest' ? 'oldest' : 'newest';
}

/** A view's own URL: the home page's, or another page listing talks the same way (starred). */
export type ViewPath = (filters: TimelineFilters, order: TimelineOrder) => string;

/**
 * A shared list's talk ids in a URL: `lca-2018/keynote,pycon-2015/intro`. Ids are slugs joined by
 * `/`, so neither `/` nor `,` needs escaping in a query (RFC 3986); anything else is escaped.
 */
export const toSharedParam = (ids: readonly string[]): string =>
  ids.map((id) => encodeURIComponent(id).replaceAll('%2F', '/')).join(',');

/** The ids of `?shared=…`, in order, once each; none when absent. */
export function readSharedIds(params: URLSearchParams): string[] {
  const raw = params.get('shared');
  if (!raw) return [];
  return [
    ...new Set(
      raw
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
}

/** How the tag cloud is ordered: `?sort=count`, or by name when absent. */
export type TagSort = 'name' | 'count';

export const paths = {
  home: (filters: TimelineFilters = {}, order: TimelineOrder = 'newest') =>
    `/${toFilterSearch(filters, order)}`,
  /** A talk; `highlight` (a search's matched terms) marks them in its notes: `?hl=docker`. */
  talk: (id: TalkId, highlight: readonly string[] = []) => {
    const params = new URLSearchParams(highlight.map((term): [string, string] => ['hl', term]));
    return `/talks/${id}${highlight.length > 0 ? `?${params}` : ''}`;
  },
  conferences: () => '/conferences',
  conference: (id: ConferenceId) => `/conferences/${id}`,
  /** The tag cloud, by name (the default) or by how many talks carry each tag. */
  tags: (sort: TagSort = 'name') => (sort === 'count' ? '/tags?sort=count' : '/tags'),
  tag: (id: TagId) => `/tags/${id}`,
  /** The speakers index; past its first page, `/speakers/page/2` (speaker-index.ts). */
  speakers: (page = 1) => (page > 1 ? `/speakers/page/${page}` : '/speakers'),
  speaker: (id: SpeakerId) => `/speakers/${id}`,
  links: () => '/links',
  /** The reader's starred talks, filtered and ordered like the timeline. */
  starred: (filters: TimelineFilters = {}, order: TimelineOrder = 'newest') =>
    `/starred${toFilterSearch(filters, order)}`,
  /**
   * A list of talks someone shared (their stars, a filtered view): read-only, with filters on top.
   * `/starred?shared=lca-2018/keynote,pycon-2015/intro&tag=docker`.
   */
  shared: (
    ids: readonly string[],
    filters: TimelineFilters = {},
    order: TimelineOrder = 'newest',
  ) => {
    const rest = toFilterSearch(filters, order).slice(1);
    return `/starred?shared=${toSharedParam(ids)}${rest ? `&${rest}` : ''}`;
  },
  /** Search results, within timeline filters: `/search?q=docker&conference=lca-2018`. */
  search: (query = '', filters: TimelineFilters = {}) => {
    const filterSearch = toFilterSearch(filters).slice(1);
    const q = query ? `q=${encodeURIComponent(query)}` : '';
    const search = [q, filterSearch].filter(Boolean).join('&');
    return `/search${search ? `?${search}` : ''}`;
  },
} as const;
