/** A worker thread of worker-pool.ts: parses and renders the files it is sent, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { parseAndRenderFile } from './compile';
import type { Vocabulary } from './enrich/tags';
import type { WorkerReply, WorkerRequest } from './worker-pool';

const { vocabulary } = workerData as { vocabulary: Vocabulary };

parentPort?.on('message', ({ index, file }: WorkerRequest) => {
  const reply: WorkerReply = { index, parsed: parseAndRenderFile(file, vocabulary) };
  parentPort?.postMessage(reply);
});
