/// <reference lib="webworker" />
/**
 * The search worker: loads the index once and answers queries, so typing never waits on lunr.
 * One load at a time; searches sent before it finishes wait for it.
 */
import { searchShardFile } from '../../shared/search/shards';
import type { SearchEngine } from './engine';
import { loadSearchEngine } from './load-engine';
import { TALK_ID_SLOT, type WorkerReply, type WorkerRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

let engine: Promise<SearchEngine> | null = null;

const reply = (message: WorkerReply) => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'load') {
    engine ??= loadSearchEngine({
      talkUrl: (id) => request.talkUrlPattern.replace(TALK_ID_SLOT, id),
      manifestUrl: request.manifestUrl,
      shardUrl: (n) => searchShardFile(n, request.shardUrlPattern),
    });
    engine.then(
      () => reply({ type: 'ready' }),
      (error: unknown) => {
        engine = null; // Let the next load try again (the network may come back).
        reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return;
  }
  if (!engine) {
    reply({ type: 'error', id: request.id, message: 'The search index is not loaded.' });
    return;
  }
  void answer(engine, request.id, request.input);
});

/** Always replies to a query: its answer, or the error that stopped it (a search that throws too). */
async function answer(loading: Promise<SearchEngine>, id: number, input: string): Promise<void> {
  try {
    const loaded = await loading;
    reply({ type: 'answer', id, answer: await loaded.search(input) });
  } catch (error: unknown) {
    reply({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
}
