/** Splits the serialized lunr index into a manifest and term shards (see src/shared/search/shards.ts). */
import type { SerializedSearchIndex } from '../../shared/search/index-file';
import { forEachVectorEntry, termsInOrder, type CompactIndex } from '../enrich/index-builder';
import { compactIndexOf } from '../enrich/search-index';
import { cardTermsOf } from '../../shared/search/query';
import {
  CARDS_PER_FILE,
  SEARCH_CARDS_PATTERN,
  SEARCH_FORMAT_VERSION,
  SEARCH_MANIFEST_FILE,
  searchShardFile,
  type SearchManifest,
  type SearchShard,
} from '../../shared/search/shards';
import type { Catalog } from '../../shared/bundle';
import type { ResultCard, ResultCardsFile } from '../../shared/search/result-cards';

/** lunr's `Index#toJSON()`, the parts read here. */
interface SerializedLunrIndex {
  fields: string[];
  fieldVectors: Array<[string, number[]]>;
  invertedIndex: Array<[string, { _index: number } & Record<string, unknown>]>;
}

/** About this many bytes of JSON per shard: a query touching a few terms fetches a few of these. */
export const TARGET_SHARD_BYTES = 48 * 1024;

export interface ShardedSearchIndex {
  manifest: SearchManifest;
  shards: SearchShard[];
}

/** `title/lca-2018/keynote` → field `title`, talk `lca-2018/keynote` (lunr's FieldRef format). */
function splitFieldRef(fieldRef: string): [string, string] {
  const slash = fieldRef.indexOf('/');
  return [fieldRef.slice(0, slash), fieldRef.slice(slash + 1)];
}

/** Per term, its index in the term vectors and each field's talks and weights (a shard entry). */
type Entries = Map<string, [number, Record<string, number[]>]>;

interface ShardInput {
  fields: string[];
  /** In sorted term order. */
  entries: Entries;
  cardTerms: string[];
  talks: string[];
}

/** Bytes a term adds to its shard's JSON: `"term":entry,`. */
const memberLength = (term: string, entryLength: number) =>
  JSON.stringify(term).length + entryLength + 2;

/**
 * Sorted terms cut into consecutive ranges of about `targetBytes` (`sizeOf(n)`: term n's share of
 * its shard's JSON): each shard's first term, and each term's shard.
 */
export function termRanges(
  terms: readonly string[],
  sizeOf: (n: number) => number,
  targetBytes: number,
): { shardStarts: string[]; shardOfTerm: Int32Array } {
  const shardStarts: string[] = [];
  const shardOfTerm = new Int32Array(terms.length);
  let filled = Infinity;
  terms.forEach((term, n) => {
    const size = sizeOf(n);
    if (filled > 0 && filled + size > targetBytes) {
      shardStarts.push(term);
      filled = 0;
    }
    filled += size;
    shardOfTerm[n] = shardStarts.length - 1;
  });
  if (shardStarts.length === 0) shardStarts.push('');
  return { shardStarts, shardOfTerm };
}

/** From lunr's serialized index: postings for the terms, field vectors for the weights. */
function fromLunrJson(index: SerializedLunrIndex): ShardInput {
  const termByIndex = new Map<number, string>();
  const entries: Entries = new Map();
  for (const [term, posting] of index.invertedIndex) {
    termByIndex.set(posting._index, term);
    entries.set(term, [posting._index, {}]);
  }
  const talks = new Map<string, number>();
  for (const [fieldRef, elements] of index.fieldVectors) {
    const [field, talk] = splitFieldRef(fieldRef);
    if (!talks.has(talk)) talks.set(talk, talks.size);
    const number = talks.get(talk)!;
    for (let i = 0; i < elements.length; i += 2) {
      const term = termByIndex.get(elements[i]!);
      const entry = term === undefined ? undefined : entries.get(term);
      if (!entry) continue;
      (entry[1][field] ??= []).push(number, elements[i + 1]!);
    }
  }
  return {
    fields: index.fields,
    entries,
    cardTerms: cardTermsOf(index.invertedIndex),
    talks: [...talks.keys()],
  };
}

/** The same, read straight off the compiler's compact index (no lunr objects in between). */
function fromCompactIndex(index: CompactIndex): ShardInput {
  const byNumber: Array<[number, Record<string, number[]>]> = [];
  const entries: Entries = new Map();
  for (const number of termsInOrder(index.terms)) {
    const entry: [number, Record<string, number[]>] = [number, {}];
    byNumber[number] = entry;
    entries.set(index.terms[number]!, entry);
  }
  const fieldCount = index.fields.length;
  forEachVectorEntry(index, (_talk, field, term, score, vector) => {
    (byNumber[term]![1][field] ??= []).push(Math.floor(vector / fieldCount), score);
  });
  return {
    fields: [...index.fields],
    entries,
    cardTerms: cardTermsOf([...entries].map(([term, [, weights]]) => [term, weights])),
    talks: [...index.refs],
  };
}

export function shardSearchIndex(
  serialized: SerializedSearchIndex,
  targetBytes = TARGET_SHARD_BYTES,
): ShardedSearchIndex {
  const compact = compactIndexOf(serialized);
  const { fields, entries, cardTerms, talks } = compact
    ? fromCompactIndex(compact)
    : fromLunrJson(serialized.index as SerializedLunrIndex);

  const terms = [...entries.keys()].sort();
  const { shardStarts, shardOfTerm } = termRanges(
    terms,
    (n) => memberLength(terms[n]!, JSON.stringify(entries.get(terms[n]!)).length),
    targetBytes,
  );
  // Null-prototype: a term is a word from the notes, and `__proto__` must stay a term.
  const shards: SearchShard[] = shardStarts.map(() => Object.create(null) as SearchShard);
  terms.forEach((term, n) => (shards[shardOfTerm[n]!]![term] = entries.get(term)!));

  return {
    manifest: {
      formatVersion: SEARCH_FORMAT_VERSION,
      lunrVersion: serialized.lunrVersion,
      pipelineVersion: serialized.pipelineVersion,
      fields,
      shardStarts,
      terms,
      cardTerms,
      talks,
    },
    shards,
  };
}

/**
 * The files the site publishes for search: the manifest, every shard, serialized, and the result
 * cards (result-cards.ts) of the manifest's talks, read from the catalog.
 */
export function toSearchFiles(
  serialized: SerializedSearchIndex,
  catalog: Catalog,
): Array<{ fileName: string; source: string }> {
  const compact = compactIndexOf(serialized);
  const { manifest, shards } =
    compact && !compact.refs.some(isArrayIndex)
      ? compactShardSources(compact, serialized)
      : serializeShards(shardSearchIndex(serialized));
  return [
    { fileName: SEARCH_MANIFEST_FILE, source: JSON.stringify(manifest) },
    ...shards.map((source, n) => ({ fileName: searchShardFile(n), source })),
    ...resultCardFiles(manifest.talks, catalog).map((cards, n) => ({
      fileName: searchShardFile(n, SEARCH_CARDS_PATTERN),
      source: JSON.stringify(cards),
    })),
  ];
}

/** The talks' result cards, {@link CARDS_PER_FILE} a file, in the manifest's order. */
export function resultCardFiles(talks: readonly string[], catalog: Catalog): ResultCardsFile[] {
  const talksById = new Map(catalog.talks.map((talk) => [talk.id as string, talk]));
  const conferenceNames = new Map(catalog.conferences.map((c) => [c.id as string, c.name]));
  const tagNames = new Map(catalog.tags.map((tag) => [tag.id as string, tag.name]));
  const cardOf = (id: string): ResultCard | null => {
    const talk = talksById.get(id);
    if (!talk) return null;
    const { title, speakers, conference, day, track, tags, excerpt, linkCount } = talk;
    return {
      id: talk.id,
      title,
      speakers,
      conference,
      day,
      track,
      tags,
      excerpt,
      linkCount,
      conferenceName: conferenceNames.get(conference) ?? conference,
      tagNames: tags.map((tag) => tagNames.get(tag) ?? tag),
    };
  };
  const files: ResultCardsFile[] = [];
  for (let start = 0; start < talks.length; start += CARDS_PER_FILE) {
    files.push(talks.slice(start, start + CARDS_PER_FILE).map(cardOf));
  }
  return files;
}

function serializeShards({ manifest, shards }: ShardedSearchIndex) {
  return { manifest, shards: shards.map((shard) => JSON.stringify(shard)) };
}

/**
 * A key JavaScript puts before the others in an object, in numeric order (`"7"`, `"2018"`): an
 * object's JSON lists these first, whatever order they were added in.
 */
export function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}

/** Each term's postings (field vector number and weight), in field-vector order: lunr's order. */
function postingsByTerm(index: CompactIndex) {
  const start = new Int32Array(index.terms.length + 1);
  for (const term of index.vectorTerms) start[term + 1]!++;
  for (let term = 0; term < index.terms.length; term++) start[term + 1]! += start[term]!;
  const filled = start.slice(0, -1);
  const vector = new Int32Array(index.vectorTerms.length);
  const score = new Float64Array(index.vectorTerms.length);
  forEachVectorEntry(index, (_ref, _field, term, weight, n) => {
    const at = filled[term]!++;
    vector[at] = n;
    score[at] = weight;
  });
  return { start, vector, score };
}

/**
 * Writes a term's shard entry, `[term number, { field: { talk: weight } }]`, as JSON.stringify
 * would; and says how long that is without writing it, so sizing the shards keeps no copy.
 */
export function shardEntryWriter(index: CompactIndex) {
  const fieldCount = index.fields.length;
  const fieldJson = index.fields.map((field) => JSON.stringify(field));
  const { start, vector, score } = postingsByTerm(index);
  const talkOf = (posting: number) => Math.floor(vector[posting]! / fieldCount);
  const fieldOf = (posting: number) => vector[posting]! % fieldCount;
  /** The term's fields in lunr's order (of the first talk with the term in each), postings per field. */
  const postingsByField = (term: number): Array<[number, number[]]> => {
    const byField = new Map<number, number[]>();
    for (let posting = start[term]!; posting < start[term + 1]!; posting++) {
      const field = fieldOf(posting);
      const postings = byField.get(field);
      if (postings) postings.push(posting);
      else byField.set(field, [posting]);
    }
    return [...byField];
  };
  return {
    /** The fields the term occurs in, by name. */
    fields: (term: number): string[] =>
      postingsByField(term).map(([field]) => index.fields[field]!),
    json: (term: number): string => {
      const fields = postingsByField(term).map(([field, postings]) => {
        const pairs = postings.map(
          (posting) => `${talkOf(posting)},${numberJson(score[posting]!)}`,
        );
        return `${fieldJson[field]!}:[${pairs.join(',')}]`;
      });
      return `[${term},{${fields.join(',')}}]`;
    },
    length: (term: number): number => {
      // `[n,{` … `}]`, fields joined by commas, each `"field":[` … `]` with `talk,weight,…`.
      const fields = postingsByField(term);
      let length = String(term).length + 5 + Math.max(0, fields.length - 1);
      for (const [field, postings] of fields) {
        length += fieldJson[field]!.length + 3 + postings.length - 1;
        for (const posting of postings) {
          length += String(talkOf(posting)).length + 1 + numberJson(score[posting]!).length;
        }
      }
      return length;
    },
  };
}

/**
 * `shardSearchIndex` and `JSON.stringify` of each shard, the same text, written straight from the
 * compiler's compact index: no object per posting, and each shard's entries written only then.
 */
export function compactShardSources(
  index: CompactIndex,
  versions: Pick<SerializedSearchIndex, 'lunrVersion' | 'pipelineVersion'>,
  targetBytes = TARGET_SHARD_BYTES,
): { manifest: SearchManifest; shards: string[] } {
  const entry = shardEntryWriter(index);
  const order = termsInOrder(index.terms);
  const { shardStarts, shardOfTerm } = termRanges(
    order.map((term) => index.terms[term]!),
    (n) => memberLength(index.terms[order[n]!]!, entry.length(order[n]!)),
    targetBytes,
  );
  const members: Array<Record<string, number>> = shardStarts.map(
    () => Object.create(null) as Record<string, number>,
  );
  order.forEach((term, n) => (members[shardOfTerm[n]!]![index.terms[term]!] = term));
  const shards = members.map(
    (shard) =>
      `{${Object.entries(shard)
        .map(([text, term]) => `${JSON.stringify(text)}:${entry.json(term)}`)
        .join(',')}}`,
  );
  const cardTerms = cardTermsOf(
    order.map((term) => {
      const docs: Record<string, object> = {};
      for (const field of entry.fields(term)) docs[field] = { [term]: 1 };
      return [index.terms[term]!, docs] as [string, Record<string, unknown>];
    }),
  );
  return {
    manifest: {
      formatVersion: SEARCH_FORMAT_VERSION,
      lunrVersion: versions.lunrVersion,
      pipelineVersion: versions.pipelineVersion,
      fields: [...index.fields],
      shardStarts,
      terms: order.map((term) => index.terms[term]!),
      cardTerms,
      talks: [...index.refs],
    },
    shards,
  };
}

/** JSON.stringify of a number. */
const numberJson = (value: number): string => (Number.isFinite(value) ? String(value) : 'null');
