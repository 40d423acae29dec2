/**
 * The first results' display records (src/shared/search/result-cards.ts), fetched a few small
 * files at a time, so results are drawn before the catalog is in.
 */
import { useQueries } from '@tanstack/react-query';
import type { TalkId, TagId } from '../../shared/ids';
import type { ResultCard } from '../../shared/search/result-cards';
import { SEARCH_CARDS_PATTERN, searchShardFile } from '../../shared/search/shards';
import type { SearchAnswer } from './engine';
import { SearchLoadError } from './errors';
import { fetchJson } from './load-engine';

const cardsFileQuery = (file: number) => ({
  queryKey: ['search-cards', file] as const,
  queryFn: async (): Promise<Array<ResultCard | null>> => {
    const url = `${import.meta.env.BASE_URL}${searchShardFile(file, SEARCH_CARDS_PATTERN)}`;
    const data = await fetchJson(url);
    if (!Array.isArray(data)) throw new SearchLoadError(`${url} is corrupt: it is not a list.`);
    return data as Array<ResultCard | null>;
  },
  staleTime: Infinity,
  networkMode: 'always' as const,
});

/**
 * The display records of the answer's first `count` matches, by id, once their files are in
 * (`enabled` false: none fetched, the catalog draws them). Files fetched once are kept.
 */
export function useResultCards(
  answer: SearchAnswer,
  count: number,
  enabled: boolean,
): ReadonlyMap<TalkId, ResultCard> {
  const files = enabled ? [...new Set(answer.cardFiles.slice(0, count))] : [];
  return useQueries({ queries: files.map(cardsFileQuery), combine: cardsById });
}

const NO_CARDS: ReadonlyMap<TalkId, ResultCard> = new Map();

function cardsById(
  results: ReadonlyArray<{ data?: Array<ResultCard | null> | undefined }>,
): ReadonlyMap<TalkId, ResultCard> {
  if (results.length === 0) return NO_CARDS;
  const cards = new Map<TalkId, ResultCard>();
  for (const { data } of results) for (const card of data ?? []) if (card) cards.set(card.id, card);
  return cards;
}

const cardPlaces = new WeakMap<
  ResultCard,
  { conference: { name: string }; tagNames: ReadonlyMap<TagId, string> }
>();

/**
 * A record's conference name and tag names as a card reads them: the same objects for the same
 * record, so a memoized card is not drawn again.
 */
export function placeOf(card: ResultCard) {
  let place = cardPlaces.get(card);
  if (!place) {
    place = {
      conference: { name: card.conferenceName },
      tagNames: new Map(card.tags.map((tag, n) => [tag, card.tagNames[n] ?? tag])),
    };
    cardPlaces.set(card, place);
  }
  return place;
}
