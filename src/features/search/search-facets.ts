/**
 * Search results through the timeline's filters: which hits pass them, and how the hits split by
 * conference, track, tag… (the filter bar's counts, computed over the hits only).
 */
import type { Catalog, CatalogDayNote } from '../../shared/bundle';
import type { TalkId } from '../../shared/ids';
import { toDayFilterValue, type FilterField, type TimelineFilters } from '../../shared/paths';
import { dayNoteSearchIds } from '../../shared/search/day-notes';
import { matchesFilters, yearOf, type FacetIndex, type FacetValues } from '../timeline';

/** A day note a search found, with what the filters read of it (it has no tags, track or speakers). */
export interface DayNoteHit {
  note: CatalogDayNote;
  values: FacetValues;
}

const dayNoteIndexes = new WeakMap<Catalog, ReadonlyMap<string, DayNoteHit>>();

/** The catalog's day notes by search id (`note:lca-2018/day-2/0`), built once per catalog. */
export function dayNotesBySearchId(catalog: Catalog): ReadonlyMap<string, DayNoteHit> {
  let byId = dayNoteIndexes.get(catalog);
  if (!byId) {
    const years = new Map(catalog.conferences.map((c) => [c.id as string, c.year]));
    const ids = dayNoteSearchIds(catalog.dayNotes);
    byId = new Map(
      catalog.dayNotes.map((note, n) => [
        ids[n]!,
        {
          note,
          values: {
            conference: [note.conference],
            year: yearOf(note, years),
            day: [toDayFilterValue(note.conference, note.day.id)],
            track: [],
            tag: [],
            speaker: [],
          },
        },
      ]),
    );
    dayNoteIndexes.set(catalog, byId);
  }
  return byId;
}

type Entry = FacetIndex['entries'][number];
const entriesById = new WeakMap<FacetIndex, ReadonlyMap<TalkId, Entry>>();

/** The index's entries by talk id, built once per index: a search answers many times per second. */
function byIdOf(index: FacetIndex): ReadonlyMap<TalkId, Entry> {
  let byId = entriesById.get(index);
  if (!byId) {
    byId = new Map(index.entries.map((entry) => [entry.talk.id, entry]));
    entriesById.set(index, byId);
  }
  return byId;
}

/** The facet index narrowed to `ids`, in their order (best hit first), options to values they use. */
export function restrictFacetIndex(index: FacetIndex, ids: readonly TalkId[]): FacetIndex {
  const byId = byIdOf(index);
  const entries = ids.flatMap((id) => {
    const entry = byId.get(id);
    return entry ? [entry] : [];
  });
  const narrow = (field: FilterField) => {
    const values = new Set(entries.flatMap((entry) => entry.values[field]));
    return index.options[field].filter((option) => values.has(option.value));
  };
  const options = {
    conference: narrow('conference'),
    year: narrow('year'),
    day: narrow('day'),
    track: narrow('track'),
    tag: narrow('tag'),
    speaker: narrow('speaker'),
  };
  return { entries, labels: index.labels, options };
}

/**
 * The hits that pass the filters, best first. Day notes (`dayNotes`) pass on their conference,
 * year and day; a tag, track or speaker filter leaves them out.
 */
export function filterHits<Hit extends { id: TalkId }>(
  index: FacetIndex,
  hits: readonly Hit[],
  filters: TimelineFilters,
  dayNotes: ReadonlyMap<string, DayNoteHit> = new Map(),
): Hit[] {
  const byId = byIdOf(index);
  return hits.filter((hit) => {
    const known = byId.get(hit.id)?.values ?? dayNotes.get(hit.id)?.values;
    return known !== undefined && matchesFilters(known, filters);
  });
}
