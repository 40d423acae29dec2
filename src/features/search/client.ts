/**
 * The page's handle on search: a Web Worker where the browser has one (lunr and the index stay
 * off the main thread and out of the first-load JavaScript), the same engine inline where it has
 * not (old browsers, jsdom).
 */
import { talkFile } from '../../shared/data-files';
import {
  SEARCH_MANIFEST_FILE,
  SEARCH_SHARD_PATTERN,
  searchShardFile,
} from '../../shared/search/shards';
import type { SearchAnswer } from './engine';
import { SearchLoadError } from './errors';
import { TALK_ID_SLOT, type WorkerReply, type WorkerRequest } from './protocol';

export interface SearchClient {
  search(input: string): Promise<SearchAnswer>;
  /** Stops the worker; the client cannot be used after. */
  dispose(): void;
}

/** Where the worker finds the data, under the site's base path. */
export const searchDataUrls = () => ({
  talkUrlPattern: `${import.meta.env.BASE_URL}${talkFile(TALK_ID_SLOT)}`,
  manifestUrl: `${import.meta.env.BASE_URL}${SEARCH_MANIFEST_FILE}`,
  shardUrlPattern: `${import.meta.env.BASE_URL}${SEARCH_SHARD_PATTERN}`,
});

/**
 * Longest wait for the worker to load the index or answer a query: past it the page says search
 * is not available rather than showing "Loading…" forever (offline, with the index not saved).
 */
export const SEARCH_TIMEOUT_MS = 20_000;

export const TIMEOUT_MESSAGE =
  'Search did not answer: part of the search index is probably not saved on this device, and it cannot be downloaded now.';

/** `promise`, or a SearchLoadError once `ms` have passed. */
function withTimeout<T>(promise: Promise<T>, ms = SEARCH_TIMEOUT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new SearchLoadError(TIMEOUT_MESSAGE)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Starts the worker and resolves once it has loaded the index. */
function startWorkerClient(): Promise<SearchClient> {
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<
    number,
    { resolve: (a: SearchAnswer) => void; reject: (e: Error) => void }
  >();
  let nextId = 1;
  const send = (message: WorkerRequest) => worker.postMessage(message);

  return new Promise((resolveClient, rejectClient) => {
    worker.addEventListener('error', (event) => {
      const error = new SearchLoadError(
        `The search worker failed: ${event.message || 'unknown error'}`,
      );
      rejectClient(error);
      for (const { reject } of pending.values()) reject(error);
      pending.clear();
    });
    worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const message = event.data;
      if (message.type === 'ready') {
        resolveClient({
          search: (input) => {
            const id = nextId++;
            const answer = new Promise<SearchAnswer>((resolve, reject) => {
              pending.set(id, { resolve, reject });
              send({ type: 'search', id, input });
            });
            return withTimeout(answer).finally(() => pending.delete(id));
          },
          dispose: () => worker.terminate(),
        });
      } else if (message.type === 'answer') {
        pending.get(message.id)?.resolve(message.answer);
        pending.delete(message.id);
      } else if (message.id === undefined) {
        worker.terminate();
        rejectClient(new SearchLoadError(message.message));
      } else {
        pending.get(message.id)?.reject(new Error(message.message));
        pending.delete(message.id);
      }
    });
    send({ type: 'load', ...searchDataUrls() });
  });
}

async function startInlineClient(): Promise<SearchClient> {
  const { loadSearchEngine } = await import('./load-engine');
  const { talkUrlPattern, manifestUrl, shardUrlPattern } = searchDataUrls();
  const engine = await loadSearchEngine({
    talkUrl: (id) => talkUrlPattern.replace(TALK_ID_SLOT, id),
    manifestUrl,
    shardUrl: (n) => searchShardFile(n, shardUrlPattern),
  });
  return { search: (input) => engine.search(input), dispose: () => {} };
}

export function startSearchClient(): Promise<SearchClient> {
  return withTimeout(typeof Worker === 'function' ? startWorkerClient() : startInlineClient());
}
