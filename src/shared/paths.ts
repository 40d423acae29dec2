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
export type FilterField = (typeof FILTER_FIELDS)[number];

/** `?conference=lca-2018&tag=docker&tag=aws`, fields in a fixed order so equal views share a URL. */
export function toFilterSearch(filters: TimelineFilters): string {
  const params = new URLSearchParams();
  for (const field of FILTER_FIELDS) {
    for (const value of filters[field] ?? []) params.append(field, value);
  }
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

export const paths = {
  home: (filters: TimelineFilters = {}) => `/${toFilterSearch(filters)}`,
  talk: (id: TalkId) => `/talks/${id}`,
  conference: (id: ConferenceId) => `/conferences/${id}`,
  tags: () => '/tags',
  tag: (id: TagId) => `/tags/${id}`,
  speakers: () => '/speakers',
  speaker: (id: SpeakerId) => `/speakers/${id}`,
  links: () => '/links',
  search: (query = '') => (query ? `/search?q=${encodeURIComponent(query)}` : '/search'),
} as const;
