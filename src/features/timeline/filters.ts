/**
 * Timeline filtering and facet counts: pure functions over the bundle, no React. Within a field
 * the chosen values are alternatives (any of them); across fields every field must match.
 */
import type { Catalog, CatalogTalk } from '../../shared/bundle';
import { toSpeakerId } from '../../shared/ids';
import {
  FILTER_FIELDS,
  toDayFilterValue,
  type FilterField,
  type TimelineFilters,
} from '../../shared/paths';

export const FILTER_LABELS: Record<FilterField, string> = {
  conference: 'Conference',
  year: 'Year',
  day: 'Day',
  track: 'Track',
  tag: 'Tag',
  speaker: 'Speaker',
};

/** The values a talk has for each filter field (a talk has several tags and speakers). */
export type FacetValues = Record<FilterField, readonly string[]>;

export interface FacetOption {
  value: string;
  label: string;
}

/** Built once per bundle; filtering and counting then only read it. */
export interface FacetIndex {
  entries: ReadonlyArray<{ talk: CatalogTalk; values: FacetValues }>;
  /** Every value that occurs in the bundle, in the order the filter bar lists them. */
  options: Record<FilterField, readonly FacetOption[]>;
  labels: Record<FilterField, ReadonlyMap<string, string>>;
}

export interface FacetOptionCount extends FacetOption {
  /** Talks left if this value were the field's only choice, given the other fields' filters. */
  count: number;
  selected: boolean;
  /** False for a value in the URL that no talk has: it matches nothing. */
  known: boolean;
}

export interface FilterChip {
  field: FilterField;
  value: string;
  label: string;
  known: boolean;
}

/** The year a talk (or a day note) is filed under: its conference's, else its day's date's. */
export const yearOf = (
  talk: Pick<CatalogTalk, 'conference' | 'day'>,
  conferenceYear: ReadonlyMap<string, number | undefined>,
) => {
  const year = conferenceYear.get(talk.conference) ?? Number(talk.day.date?.slice(0, 4));
  return year && Number.isFinite(year) ? [String(year)] : [];
};

/** Known ranks first, in order; unknown ones last (Infinity − Infinity would be NaN). */
const compareRanks = (a = Infinity, b = Infinity) => (a === b ? 0 : a < b ? -1 : 1);

type FacetSource = Pick<Catalog, 'conferences' | 'talks' | 'tags' | 'speakers'>;
const facetIndexes = new WeakMap<FacetSource, FacetIndex>();

/**
 * Indexes the bundle's talks by the values each filter field can take; once per bundle (the
 * timeline and the search page share it: at 10,000 talks it takes a third of a second).
 */
export function buildFacetIndex(bundle: FacetSource): FacetIndex {
  let index = facetIndexes.get(bundle);
  if (!index) {
    index = indexFacets(bundle);
    facetIndexes.set(bundle, index);
  }
  return index;
}

function indexFacets(bundle: FacetSource): FacetIndex {
  const conferenceYear = new Map(bundle.conferences.map((c) => [c.id as string, c.year]));
  const speakerIdsByTalk = new Map<string, string[]>();
  for (const speaker of bundle.speakers) {
    for (const talkId of speaker.talks) {
      const ids = speakerIdsByTalk.get(talkId) ?? [];
      ids.push(speaker.id);
      speakerIdsByTalk.set(talkId, ids);
    }
  }

  const labels = Object.fromEntries(
    FILTER_FIELDS.map((field) => [field, new Map<string, string>()]),
  ) as Record<FilterField, Map<string, string>>;
  const label = (field: FilterField, value: string, text: string) => {
    if (!labels[field].has(value)) labels[field].set(value, text);
  };
  for (const c of bundle.conferences) label('conference', c.id, c.name);
  for (const tag of bundle.tags) label('tag', tag.id, tag.name);
  for (const speaker of bundle.speakers) label('speaker', speaker.id, speaker.name);

  // A day is one conference's day: with several conferences its label names the conference too.
  const severalConferences = new Set(bundle.talks.map((talk) => talk.conference)).size > 1;
  const conferenceRank = new Map(bundle.conferences.map((c, rank) => [c.id as string, rank]));
  const dayNumber = new Map<string, number>();
  const dayRank = new Map<string, number>();
  const entries = bundle.talks.map((talk) => {
    const speakers =
      speakerIdsByTalk.get(talk.id) ??
      talk.speakers.map((s) => {
        const id = toSpeakerId(s.handle ?? s.name);
        label('speaker', id, s.name);
        return id;
      });
    label('conference', talk.conference, talk.conference);
    const day = toDayFilterValue(talk.conference, talk.day.id);
    const conferenceName = labels.conference.get(talk.conference) ?? talk.conference;
    label(
      'day',
      day,
      severalConferences ? `${conferenceName} · ${talk.day.label}` : talk.day.label,
    );
    if (talk.day.number !== undefined) dayNumber.set(day, talk.day.number);
    dayRank.set(day, conferenceRank.get(talk.conference) ?? Infinity);
    if (talk.track) label('track', talk.track.id, talk.track.name);
    for (const tag of talk.tags) label('tag', tag, tag);
    const values: FacetValues = {
      conference: [talk.conference],
      year: yearOf(talk, conferenceYear),
      day: [day],
      track: talk.track ? [talk.track.id] : [],
      tag: talk.tags,
      speaker: speakers,
    };
    for (const year of values.year) label('year', year, year);
    return { talk, values };
  });

  const used = Object.fromEntries(
    FILTER_FIELDS.map((field) => [field, new Set(entries.flatMap((e) => e.values[field]))]),
  ) as Record<FilterField, Set<string>>;
  const byName = (a: FacetOption, b: FacetOption) => a.label.localeCompare(b.label);
  const optionsOf = (field: FilterField, sort?: (a: FacetOption, b: FacetOption) => number) => {
    const options = [...labels[field]]
      .filter(([value]) => used[field].has(value))
      .map(([value, text]) => ({ value, label: text }));
    return sort ? options.sort(sort) : options;
  };

  return {
    entries,
    labels,
    options: {
      // The bundle's order: newest conference first, most used tag first.
      conference: optionsOf('conference'),
      year: optionsOf('year', (a, b) => Number(b.value) - Number(a.value)),
      // Each conference's days together, in the conferences' order, then by day number.
      day: optionsOf(
        'day',
        (a, b) =>
          compareRanks(dayRank.get(a.value), dayRank.get(b.value)) ||
          compareRanks(dayNumber.get(a.value), dayNumber.get(b.value)) ||
          byName(a, b),
      ),
      track: optionsOf('track', byName),
      tag: optionsOf('tag'),
      speaker: optionsOf('speaker', byName),
    },
  };
}

/** Does a talk with these values pass every active field (but `except`, when given)? */
export function matchesFilters(
  values: FacetValues,
  filters: TimelineFilters,
  except?: FilterField,
): boolean {
  return FILTER_FIELDS.every((field) => {
    const wanted = filters[field];
    if (field === except || !wanted || wanted.length === 0) return true;
    return values[field].some((value) => wanted.includes(value));
  });
}

export function filterTalks(index: FacetIndex, filters: TimelineFilters): CatalogTalk[] {
  if (countActiveFilters(filters) === 0) return index.entries.map((e) => e.talk);
  return index.entries.filter((e) => matchesFilters(e.values, filters)).map((e) => e.talk);
}

/**
 * For each field, how many talks each value would leave given the other fields' filters: the
 * field's own choices are ignored, so ticking a second value shows what it adds.
 */
export function countFacets(
  index: FacetIndex,
  filters: TimelineFilters,
): Record<FilterField, Map<string, number>> {
  const counts = Object.fromEntries(FILTER_FIELDS.map((f) => [f, new Map<string, number>()]));
  for (const field of FILTER_FIELDS) {
    const fieldCounts = counts[field] as Map<string, number>;
    for (const entry of index.entries) {
      if (!matchesFilters(entry.values, filters, field)) continue;
      for (const value of new Set(entry.values[field])) {
        fieldCounts.set(value, (fieldCounts.get(value) ?? 0) + 1);
      }
    }
  }
  return counts as Record<FilterField, Map<string, number>>;
}

/** The filter bar's options: every known value with its count, then unknown chosen values. */
export function facetOptions(
  index: FacetIndex,
  filters: TimelineFilters,
): Record<FilterField, FacetOptionCount[]> {
  const counts = countFacets(index, filters);
  const result = {} as Record<FilterField, FacetOptionCount[]>;
  for (const field of FILTER_FIELDS) {
    const chosen = filters[field] ?? [];
    const known = index.options[field].map((option) => ({
      ...option,
      count: counts[field].get(option.value) ?? 0,
      selected: chosen.includes(option.value),
      known: true,
    }));
    const unknown = chosen
      .filter((value) => !known.some((option) => option.value === value))
      .map((value) => ({ value, label: value, count: 0, selected: true, known: false }));
    result[field] = [...known, ...unknown];
  }
  return result;
}

/** One removable chip per chosen value, in field order; a value no talk has is `known: false`. */
export function activeChips(index: FacetIndex, filters: TimelineFilters): FilterChip[] {
  return FILTER_FIELDS.flatMap((field) =>
    (filters[field] ?? []).map((value) => {
      const known = index.options[field].some((option) => option.value === value);
      return { field, value, label: index.labels[field].get(value) ?? value, known };
    }),
  );
}

export function countActiveFilters(filters: TimelineFilters): number {
  return FILTER_FIELDS.reduce((sum, field) => sum + (filters[field]?.length ?? 0), 0);
}

/** Adds `value` to the field's choices, or removes it when already chosen. */
export function toggleFilter(
  filters: TimelineFilters,
  field: FilterField,
  value: string,
): TimelineFilters {
  const current = filters[field] ?? [];
  return current.includes(value)
    ? removeFilter(filters, field, value)
    : { ...filters, [field]: [...current, value] };
}

export function removeFilter(
  filters: TimelineFilters,
  field: FilterField,
  value: string,
): TimelineFilters {
  const rest = (filters[field] ?? []).filter((v) => v !== value);
  const next: TimelineFilters = { ...filters };
  if (rest.length > 0) next[field] = rest;
  else delete next[field];
  return next;
}
