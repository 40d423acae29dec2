import {
  keepPreviousData,
  queryOptions,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SearchClient } from './client';
import type { SearchAnswer } from './engine';

/** The loaded search engine (a worker, or inline), one per query cache. */
export const searchEngineQuery = () =>
  queryOptions({
    queryKey: ['search-engine'] as const,
    // Its own chunk (with the worker's protocol): loaded when the page is idle, not before.
    queryFn: async () => (await import('./client')).startSearchClient(),
    staleTime: Infinity,
    gcTime: Infinity,
    // Offline, TanStack Query pauses queries until the network is back: search would wait on
    // "Loading…" forever. It reads what this device has saved, so it always runs.
    networkMode: 'always',
    // A stale index will not get better by asking again; a failed download is retried on the
    // next keystroke (see prefetchSearch).
    retry: false,
  });

/** One query's answer; `generation` is when the engine loaded, so a reloaded index starts afresh. */
const searchResultsQuery = (client: SearchClient | undefined, generation: number, input: string) =>
  queryOptions({
    queryKey: ['search', generation, input] as const,
    queryFn: () => client!.search(input),
    networkMode: 'always',
    // A query the engine could not answer fails the same way the next time: say so at once.
    retry: false,
    staleTime: Infinity,
    gcTime: 60_000,
  });

/**
 * Sends the query to the engine now, from the input event, rather than after the route has
 * re-rendered with the new URL: the worker answers while React is still rendering.
 */
export function prefetchSearch(queryClient: QueryClient, input: string): void {
  const key = searchEngineQuery().queryKey;
  const state = queryClient.getQueryState(key);
  if (state?.status === 'error' && state.fetchStatus === 'idle') {
    void queryClient.refetchQueries({ queryKey: key });
    return;
  }
  const client = queryClient.getQueryData(key);
  const loadedAt = state?.dataUpdatedAt;
  if (!client || loadedAt === undefined || input.trim() === '') return;
  void queryClient.prefetchQuery(searchResultsQuery(client, loadedAt, input));
}

export type SearchState =
  | { status: 'empty' }
  | { status: 'loading' }
  /** `unavailable`: the index could not be loaded; `failed`: this query could not be answered. */
  | { status: 'error'; reason: 'unavailable' | 'failed'; message: string }
  | { status: 'ready'; answer: SearchAnswer; stale: boolean };

/**
 * Results for `input` as it is typed. While the next answer is on its way the previous one stays
 * on screen (`stale`), so results never flash empty between keystrokes.
 */
export function useSearch(input: string): SearchState {
  const engine = useQuery(searchEngineQuery());
  const wanted = input.trim() !== '';
  const results = useQuery({
    ...searchResultsQuery(engine.data, engine.dataUpdatedAt, input),
    enabled: engine.isSuccess && wanted,
    placeholderData: keepPreviousData,
  });
  if (!wanted) return { status: 'empty' };
  if (engine.isError)
    return { status: 'error', reason: 'unavailable', message: engine.error.message };
  if (results.isError) return { status: 'error', reason: 'failed', message: results.error.message };
  if (!results.data) return { status: 'loading' };
  return { status: 'ready', answer: results.data, stale: results.data.input !== input };
}

/**
 * Loads the search index once the first screen is up (when the browser is idle), so the first
 * keystroke does not wait for it and the first screen does not wait for search.
 */
export function useWarmSearch(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const warm = () => void queryClient.prefetchQuery(searchEngineQuery());
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(warm, { timeout: 2000 });
      return () => cancelIdleCallback(handle);
    }
    const handle = setTimeout(warm, 200);
    return () => clearTimeout(handle);
  }, [queryClient]);
}

/** Drops the loaded engine (after the notes changed in dev), stopping its worker. */
export function resetSearchEngine(queryClient: ReturnType<typeof useQueryClient>): void {
  const key = searchEngineQuery().queryKey;
  queryClient.getQueryData(key)?.dispose();
  queryClient.removeQueries({ queryKey: key });
}
