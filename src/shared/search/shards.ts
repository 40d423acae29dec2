/**
 * The search index split by term, so a query downloads only the postings of the terms it touches
 * (issue 6: one serialized lunr index of 10,000 talks is 47 MB). The format, shared by the
 * compiler that writes it and the worker that reads it:
 *
 * - `search/manifest.json`: versions, fields, how many shards, and every index term, sorted
 *   (prefix and typo expansion walk them as a trie, as with the whole index).
 * - `search/<n>.json`: for each term whose hash falls in shard n, its index in lunr's term
 *   vectors and, per field, each talk's weight for the term (the talk's lunr field-vector entry).
 *
 * A posting plus its weights is all `lunr.Index#query` reads for a term: the query vector holds
 * only the query's terms, so the dot product with a field vector rebuilt from those terms alone
 * equals the dot product with the whole vector, and scores equal the whole index's.
 */

export interface SearchManifest {
  lunrVersion: string;
  pipelineVersion: number;
  fields: string[];
  shardCount: number;
  /** Every term of the index, sorted. */
  terms: string[];
  /** The terms that occur in a card field (title, speakers, tags, track, conference), sorted. */
  cardTerms: string[];
  /** Every talk id in the index: searching needs no other file, but phrases need the talks' text. */
  talks: string[];
}

/** Per term: `[termIndex, { field: { talkId: weight } }]`. */
export type SearchShard = Record<string, [number, Record<string, Record<string, number>>]>;

/** Where the files live, under the site's base path. */
export const SEARCH_MANIFEST_FILE = 'data/search/manifest.json';
/** Shard file names: `{n}` is the shard's number. */
export const SEARCH_SHARD_PATTERN = 'data/search/{n}.json';
/** `data/search/7.json`, or shard 7 of another pattern (a URL with the base path). */
export const searchShardFile = (shard: number, pattern = SEARCH_SHARD_PATTERN): string =>
  pattern.replace('{n}', String(shard));

/** FNV-1a over UTF-16 code units: the shard of a term, the same in Node and every browser. */
export function shardOf(term: string, shardCount: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shardCount;
}
