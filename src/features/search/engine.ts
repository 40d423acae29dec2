/**
 * Search over the compiled notes, wherever it runs (a Web Worker in the browser, the main thread
 * where there is no Worker): reads the term-sharded index a shard at a time, answers queries.
 */
import type { TalkId } from '../../shared/ids';
import { isDayNoteSearchId } from '../../shared/search/day-notes';
import { parseQuery, type SearchResult, type SearchableTalk } from '../../shared/search/query';
import { ShardedSearch } from '../../shared/search/sharded-search';
import { cardFileOf, type SearchManifest, type SearchShard } from '../../shared/search/shards';

/** What a results page needs of a search, small enough to post from a worker. */
export interface SearchAnswer {
  /** The input as typed: answers may arrive out of order and are matched back by it. */
  input: string;
  /**
   * Every match, best first (never capped: counts and filter counts are over all of them; the
   * page draws them a screenful at a time). Day notes come under `note:` ids (day-notes.ts).
   */
  ids: TalkId[];
  /**
   * What each of the first matches matched (index terms and phrases, for marking them), in the
   * order of `ids`: the first {@link DETAILED_HITS}, which is more than the page draws at first.
   */
  matchedTerms: string[][];
  /** What all the matches matched: marks the matches past those (see `hitsOf`). */
  terms: string[];
  matchedAll: boolean;
  /**
   * The result-cards file (result-cards.ts) of each of the first matches, in the order of `ids`:
   * the page draws them from those before the catalog is in.
   */
  cardFiles: number[];
  notice?: string;
}

export interface SearchEngine {
  search(input: string): Promise<SearchAnswer>;
}

/** Said when some of the index a query needs could not be fetched (offline, not saved here). */
export const PARTIAL_INDEX_NOTICE =
  'Part of the search index is not saved on this device and cannot be downloaded now, so some matches may be missing.';

/**
 * Matches answered with what each matched. Working that out for every match of a common word
 * (thousands at 10,000 talks), and posting it from the worker, cost more than the search itself.
 */
export const DETAILED_HITS = 100;

export function toAnswer(
  input: string,
  result: SearchResult<TalkId> & { missingShards?: number },
  talkNumbers: ReadonlyMap<TalkId, number>,
): SearchAnswer {
  const notice = [result.notice, result.missingShards ? PARTIAL_INDEX_NOTICE : '']
    .filter(Boolean)
    .join(' ');
  return {
    input,
    ids: result.ids,
    matchedTerms: result.hits.map((hit) => hit.matchedTerms),
    terms: result.terms,
    matchedAll: result.matchedAll,
    cardFiles: result.ids.slice(0, DETAILED_HITS).map((id) => cardFileOf(talkNumbers.get(id) ?? 0)),
    ...(notice ? { notice } : {}),
  };
}

/** Does the query check "phrases" against the talks' text? Only those need the notes. */
export function needsText(input: string): boolean {
  const query = parseQuery(input);
  return query.phrases.length > 0 || query.excludePhrases.length > 0;
}

/**
 * Most talks whose text is fetched to check a "phrase": the best of those with every word of it.
 * Past that, the phrase is checked only among them, and the answer says so.
 */
export const MAX_PHRASE_CHECKS = 200;

/** Talk files fetched at once when checking a phrase. */
const FETCHES_AT_ONCE = 8;

export const PHRASE_CAP_NOTICE = (cap: number) =>
  `More than ${cap} talks have every word of that phrase; it was checked in the best ${cap}.`;

/** Runs `task` over `items`, `width` at a time. */
async function eachLimited<T>(
  items: readonly T[],
  width: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

/**
 * Builds an engine from the manifest and a way to fetch shards. Throws when the index is stale.
 * Only "phrases" need the talks' text: a phrase query first finds the talks with every word of
 * it, then fetches those talks' own files (`loadTalk`, the best {@link MAX_PHRASE_CHECKS}) and
 * checks the phrase in them. Fetched texts are kept for the next phrase.
 */
export function createSearchEngine(
  manifest: SearchManifest,
  loadShard: (shard: number) => Promise<SearchShard>,
  loadTalk: (id: TalkId) => Promise<SearchableTalk>,
  { maxPhraseChecks = MAX_PHRASE_CHECKS }: { maxPhraseChecks?: number } = {},
): SearchEngine {
  const index = new ShardedSearch(manifest, loadShard);
  const talkNumbers = new Map(manifest.talks.map((id, n) => [id as TalkId, n]));
  const withoutText = new Map<TalkId, SearchableTalk>(
    manifest.talks.map((id) => [id as TalkId, { title: '', text: '' }]),
  );
  const texts = new Map<TalkId, Promise<SearchableTalk>>();
  const textOf = (id: TalkId) => {
    let text = texts.get(id);
    if (!text) {
      text = loadTalk(id);
      // A failed download is tried again by the next phrase.
      text.catch(() => texts.delete(id));
      texts.set(id, text);
    }
    return text;
  };

  const searchPhrases = async (input: string): Promise<SearchAnswer> => {
    const candidates = await index.search(input, withoutText, { limit: 0, checkPhrases: false });
    // Day notes have no file of their own to check a phrase in: a phrase finds talks only.
    const ids = candidates.ids.slice(0, maxPhraseChecks).filter((id) => !isDayNoteSearchId(id));
    const loaded = new Map<TalkId, SearchableTalk>();
    await eachLimited(ids, FETCHES_AT_ONCE, async (id) => {
      loaded.set(id, await textOf(id));
    });
    const answer = toAnswer(
      input,
      await index.search(input, loaded, { limit: DETAILED_HITS }),
      talkNumbers,
    );
    if (candidates.total <= maxPhraseChecks) return answer;
    return {
      ...answer,
      notice: [answer.notice, PHRASE_CAP_NOTICE(maxPhraseChecks)].filter(Boolean).join(' '),
    };
  };

  return {
    search: async (input) =>
      needsText(input)
        ? searchPhrases(input)
        : toAnswer(
            input,
            await index.search(input, withoutText, { limit: DETAILED_HITS }),
            talkNumbers,
          ),
  };
}
