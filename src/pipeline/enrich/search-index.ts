/** The search index, built once at build time so the browser only loads it (`lunr.Index.load`). */
import lunr from 'lunr';
import type { Bundle, DayNote, Talk } from '../../shared/bundle';
import { dayNoteSearchIds } from '../../shared/search/day-notes';
import type { SerializedSearchIndex } from '../../shared/search/index-file';
import { configurePipeline, PIPELINE_VERSION } from '../../shared/search/pipeline';
import { buildCompactIndex, hasUniqueRefs, toLunrJson, type CompactIndex } from './index-builder';

/** Fields people search by; title and speakers weigh most. */
export const SEARCH_FIELDS = {
  title: 10,
  speakers: 8,
  tags: 5,
  track: 3,
  conference: 2,
  text: 1,
} as const;

export interface SearchDocument {
  id: string;
  title: string;
  speakers: string;
  tags: string;
  track: string;
  conference: string;
  text: string;
}

export function toSearchDocument(talk: Talk, conferenceName: string): SearchDocument {
  return {
    id: talk.id,
    title: talk.title,
    speakers: talk.speakers
      .flatMap((speaker) => [speaker.name, speaker.handle ?? '', speaker.affiliation ?? ''])
      .join(' '),
    tags: talk.tags.join(' '),
    track: talk.track?.name ?? '',
    conference: `${conferenceName} ${talk.conference}`,
    text: talk.text,
  };
}

/** A day note as a search document: its heading (or its day) as the title, its text. */
export function toDayNoteDocument(
  note: DayNote,
  id: string,
  conferenceName: string,
): SearchDocument {
  return {
    id,
    title: note.heading ?? '',
    speakers: '',
    tags: '',
    track: '',
    conference: `${conferenceName} ${note.conference}`,
    text: note.text,
  };
}

/**
 * The lunr index over every talk and day note (under `dayNoteSearchIds`), built with the shared
 * Unicode pipeline (tokenizer, folding, CJK bigrams, stemmer) that `searchTalks` applies to queries.
 */
export function buildSearchIndex(bundle: Bundle): SerializedSearchIndex {
  const names = new Map(bundle.conferences.map((conference) => [conference.id, conference.name]));
  const noteIds = dayNoteSearchIds(bundle.dayNotes);
  return indexDocuments([
    ...bundle.talks.map((talk) => toSearchDocument(talk, names.get(talk.conference) ?? '')),
    ...bundle.dayNotes.map((note, n) =>
      toDayNoteDocument(note, noteIds[n]!, names.get(note.conference) ?? ''),
    ),
  ]);
}

/** Search documents → the serialized index, with the versions the app checks on load. */
export function indexDocuments(documents: readonly SearchDocument[]): SerializedSearchIndex {
  if (!hasUniqueRefs(documents.map((document) => document.id))) {
    return indexDocumentsWithLunr(documents);
  }
  return toSerializedIndex(buildCompactIndex(documents, SEARCH_FIELDS));
}

/** The index as lunr's own `Builder` makes it: slower, and what `indexDocuments` must equal. */
export function indexDocumentsWithLunr(
  documents: readonly SearchDocument[],
): SerializedSearchIndex {
  const index = lunr(function () {
    configurePipeline(this);
    this.ref('id');
    for (const [field, boost] of Object.entries(SEARCH_FIELDS)) this.field(field, { boost });
    for (const document of documents) this.add(document);
  });
  return { lunrVersion: lunr.version, pipelineVersion: PIPELINE_VERSION, index: index.toJSON() };
}

const compactIndexes = new WeakMap<SerializedSearchIndex, CompactIndex>();

/** The compact form a serialized index was made from, for cutting shards without lunr's objects. */
export function compactIndexOf(serialized: SerializedSearchIndex): CompactIndex | undefined {
  return compactIndexes.get(serialized);
}

/**
 * lunr's serialized form (millions of small objects at 10,000 talks) is made only when `index` is
 * first read: the build cuts its shards from the compact form and never needs it.
 */
function toSerializedIndex(compact: CompactIndex): SerializedSearchIndex {
  let json: object | undefined;
  const serialized = {
    lunrVersion: lunr.version,
    pipelineVersion: PIPELINE_VERSION,
    get index(): object {
      return (json ??= toLunrJson(compact));
    },
  };
  compactIndexes.set(serialized, compact);
  return serialized;
}
