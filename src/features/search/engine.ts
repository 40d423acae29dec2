/**
 * Search over the compiled notes, wherever it runs (a Web Worker in the browser, the main thread
 * where there is no Worker): loads the prebuilt index, checks its versions, answers queries.
 */
import type { Bundle, Talk } from '../../shared/bundle';
import type { TalkId } from '../../shared/ids';
import { loadSearchIndex } from '../../shared/search/index-file';
import { searchTalks, type SearchResult, type SearchableTalk } from '../../shared/search/query';

/** What a results page needs of a search, small enough to post from a worker. */
export interface SearchAnswer {
  /** The input as typed: answers may arrive out of order and are matched back by it. */
  input: string;
  hits: Array<{ id: TalkId; matchedTerms: string[] }>;
  matchedAll: boolean;
  notice?: string;
}

export interface SearchEngine {
  search(input: string): SearchAnswer;
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

/** Builds an engine from the two data files as fetched. Throws when the index is stale. */
export function createSearchEngine(
  indexFile: unknown,
  bundle: Pick<Bundle, 'talks'>,
): SearchEngine {
  const index = loadSearchIndex(indexFile);
  const talks = new Map<TalkId, SearchableTalk>(
    bundle.talks.map((talk: Talk) => [talk.id, { title: talk.title, text: talk.text }]),
  );
  return {
    search: (input) => toAnswer(input, searchTalks(index, talks, input, { limit: MAX_HITS })),
  };
}
