/**
 * The search index split by term, so a query downloads only the postings of the terms it touches
 * (issue 6: one serialized lunr index of 10,000 talks is 47 MB). The format, shared by the
 * compiler that writes it and the worker that reads it:
 *
 * - `search/manifest.json`: versions, fields, the first term of each shard, every index term,
 *   sorted (prefix and typo expansion walk them as a trie, as with the whole index), and the talks.
 * - `search/<n>.json`: the terms from shard n's first term up to the next shard's, each with its
 *   index in lunr's term vectors and, per field, each talk's weight for the term (the talk's lunr
 *   field-vector entry) as flat pairs `[talk, weight, talk, weight, …]`, a talk being its number
 *   in the manifest's `talks`. Shards hold ranges of terms, so a prefix being typed finds its
 *   completions in one or two files.
 *
 * A posting plus its weights is all `lunr.Index#query` reads for a term: the query vector holds
 * only the query's terms, so the dot product with a field vector rebuilt from those terms alone
 * equals the dot product with the whole vector, and scores equal the whole index's.
 */

/**
 * The layout of the manifest and shards described here. Bump it when that layout changes: a
 * manifest of another layout (a stale cache, a half-deployed site) is refused with a clear
 * message, not read wrongly.
 */
export const SEARCH_FORMAT_VERSION = 2;

export interface SearchManifest {
  /** `SEARCH_FORMAT_VERSION` at build time. */
  formatVersion: number;
  lunrVersion: string;
  pipelineVersion: number;
  fields: string[];
  /** The first term of each shard, sorted: shard n holds the terms from `shardStarts[n]` on. */
  shardStarts: string[];
  /** Every term of the index, sorted. */
  terms: string[];
  /** The terms that occur in a card field (title, speakers, tags, track, conference), sorted. */
  cardTerms: string[];
  /** Every talk id in the index: searching needs no other file, but phrases need the talks' text. */
  talks: string[];
}

/** Per term: `[termIndex, { field: [talk, weight, talk, weight, …] }]`, talks by number. */
export type SearchShard = Record<string, [number, Record<string, number[]>]>;

/** Where the files live, under the site's base path. */
export const SEARCH_MANIFEST_FILE = 'data/search/manifest.json';
/** Shard file names: `{n}` is the shard's number. */
export const SEARCH_SHARD_PATTERN = 'data/search/{n}.json';
/** `data/search/7.json`, or shard 7 of another pattern (a URL with the base path). */
export const searchShardFile = (shard: number, pattern = SEARCH_SHARD_PATTERN): string =>
  pattern.replace('{n}', String(shard));

/** The shard holding `term`: the last whose first term is not after it (terms sorted as strings). */
export function shardOf(term: string, shardStarts: readonly string[]): number {
  let low = 0;
  let high = shardStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (shardStarts[mid]! <= term) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Records per file: the first screen's twenty results fall in up to twenty files, so a file is
 * kept to about a kilobyte gzip.
 */
export const CARDS_PER_FILE = 8;

/** Card file names: `{n}` is the file's number. */
export const SEARCH_CARDS_PATTERN = 'data/search/cards/{n}.json';

/** The result-cards file (result-cards.ts) holding talk number `talk` (its place in the manifest's `talks`). */
export const cardFileOf = (talk: number): number => Math.floor(talk / CARDS_PER_FILE);
