/**
 * Search over the compiled notes, wherever it runs (a Web Worker in the browser, the main thread
 * where there is no Worker): reads the term-sharded index a shard at a time, answers queries.
 */
import type { Bundle } from '../../shared/bundle';
import type { TalkId } from '../../shared/ids';
import { parseQuery, type SearchResult, type SearchableTalk } from '../../shared/search/query';
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

/** Does the query check "phrases" against the talks' text? Only those need the notes. */
export function needsText(input: string): boolean {
  const query = parseQuery(input);
  return query.phrases.length > 0 || query.excludePhrases.length > 0;
}

/**
 * Builds an engine from the manifest and a way to fetch shards. Throws when the index is stale.
 * The talks' text (`loadTalks`, the bundle) is fetched only when a query has a "phrase": the
 * manifest lists the talk ids, which is all other queries need.
 */
export function createSearchEngine(
  manifest: SearchManifest,
  loadShard: (shard: number) => Promise<SearchShard>,
  loadTalks: () => Promise<Pick<Bundle, 'talks'>['talks']>,
): SearchEngine {
  const index = new ShardedSearch(manifest, loadShard);
  const withoutText = new Map<TalkId, SearchableTalk>(
    manifest.talks.map((id) => [id as TalkId, { title: '', text: '' }]),
  );
  let withText: Promise<Map<TalkId, SearchableTalk>> | undefined;
  const texts = () => {
    withText ??= loadTalks().then(
      (talks) => new Map(talks.map((talk) => [talk.id, { title: talk.title, text: talk.text }])),
    );
    // A failed download is tried again by the next phrase.
    withText.catch(() => (withText = undefined));
    return withText;
  };
  return {
    search: async (input) => {
      const talks = needsText(input) ? await texts() : withoutText;
      return toAnswer(input, await index.search(input, talks, { limit: MAX_HITS }));
    },
  };
}
