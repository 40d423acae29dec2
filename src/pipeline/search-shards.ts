/** Splits the serialized lunr index into a manifest and term shards (see src/shared/search/shards.ts). */
import type { SerializedSearchIndex } from '../shared/search/index-file';
import { cardTermsOf } from '../shared/search/query';
import {
  SEARCH_MANIFEST_FILE,
  searchShardFile,
  shardOf,
  type SearchManifest,
  type SearchShard,
} from '../shared/search/shards';

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

export function shardSearchIndex(
  serialized: SerializedSearchIndex,
  targetBytes = TARGET_SHARD_BYTES,
): ShardedSearchIndex {
  const index = serialized.index as SerializedLunrIndex;
  const termByIndex = new Map<number, string>();
  const entries = new Map<string, [number, Record<string, Record<string, number>>]>();
  for (const [term, posting] of index.invertedIndex) {
    termByIndex.set(posting._index, term);
    entries.set(term, [posting._index, {}]);
  }
  const talks = new Set<string>();
  for (const [fieldRef, elements] of index.fieldVectors) {
    const [field, talk] = splitFieldRef(fieldRef);
    talks.add(talk);
    for (let i = 0; i < elements.length; i += 2) {
      const term = termByIndex.get(elements[i]!);
      const entry = term === undefined ? undefined : entries.get(term);
      if (!entry) continue;
      (entry[1][field] ??= {})[talk] = elements[i + 1]!;
    }
  }

  const totalBytes = [...entries].reduce(
    (sum, [term, entry]) => sum + term.length + JSON.stringify(entry).length + 4,
    0,
  );
  const shardCount = Math.max(1, Math.ceil(totalBytes / targetBytes));
  const shards: SearchShard[] = Array.from({ length: shardCount }, () => ({}));
  for (const [term, entry] of entries) shards[shardOf(term, shardCount)]![term] = entry;

  return {
    manifest: {
      lunrVersion: serialized.lunrVersion,
      pipelineVersion: serialized.pipelineVersion,
      fields: index.fields,
      shardCount,
      terms: [...entries.keys()].sort(),
      cardTerms: cardTermsOf(index.invertedIndex),
      talks: [...talks],
    },
    shards,
  };
}

/** The files the site publishes for search: the manifest and every shard, serialized. */
export function toSearchFiles(
  serialized: SerializedSearchIndex,
): Array<{ fileName: string; source: string }> {
  const { manifest, shards } = shardSearchIndex(serialized);
  return [
    { fileName: SEARCH_MANIFEST_FILE, source: JSON.stringify(manifest) },
    ...shards.map((shard, n) => ({ fileName: searchShardFile(n), source: JSON.stringify(shard) })),
  ];
}
