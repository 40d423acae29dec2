/**
 * Search over the compiled notes, wherever it runs (a Web Worker in the browser, the main thread
 * where there is no Worker): reads the term-sharded index a shard at a time, answers queries.
 */
import type { Bundle } from '../../shared/bundle';
import type { TalkId } from '../../shared/ids';
import type { SearchResult, SearchableTalk } from '../../shared/search/query';
import { ShardedSearch } from '../../shared/search/sharded-search';
import type { SearchManifest, SearchShard } from '../../shared/search/shards';

/** What a results page needs of a search, small enough to post from a worker. */
export interface SearchAnswer {
  /** The input as typed: answers may arrive out of order and are matched back by it. */
  input: string;
  hits: Array<{ id: TalkId; matchedTerms: string[] }>;
  matchedAll: boolean;
  notice?: string;
}

export interface SearchEngine {
  search(input: string): Promise<SearchAnswer>;
}

/** Most results kept for one query: a results page of a 50,000-talk corpus stays light. */
export const MAX_HITS = 500;

export function toAnswer(input: string, result: SearchResult<TalkId>): SearchAnswer {
  return {
    input,
    hits: result.hits.map(({ id, matchedTerms }) => ({ id, matchedTerms })),
    matchedAll: result.matchedAll,
    ...(result.notice ? { notice: result.notice } : {}),
  };
}

/** Builds an engine from the manifest and a way to fetch shards. Throws when the index is stale. */
export function createSearchEngine(
  manifest: SearchManifest,
  loadShard: (shard: number) => Promise<SearchShard>,
  bundle: Pick<Bundle, 'talks'>,
): SearchEngine {
  const index = new ShardedSearch(manifest, loadShard);
  const talks = new Map<TalkId, SearchableTalk>(
    bundle.talks.map((talk) => [talk.id, { title: talk.title, text: talk.text }]),
  );
  return {
    search: async (input) => toAnswer(input, await index.search(input, talks, { limit: MAX_HITS })),
  };
}
