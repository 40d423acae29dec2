/**
 * Parsing and rendering the notes (markdown parsing is most of a build) on worker threads, one
 * file at a time per worker. The results come back in file order, equal to `parseAndRenderFile`'s
 * on the main thread, so the compile result does not depend on how many threads there were.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParsedFile } from './compile';
import type { RawFile } from './read/files';
import type { Vocabulary } from './enrich/tags';

/**
 * Below this much text (about 1,500 talks) workers save little: each takes about a second to
 * start, and at 1,000 talks parsing on two of them ends about when one thread alone would.
 */
export const MIN_WORKER_BYTES = 4 * 1024 * 1024;

/** Most threads worth starting: the main thread waits, so more cores help until they don't. */
const MAX_WORKERS = 8;

/**
 * Parsing markdown makes a great many short-lived objects: a young generation bigger than V8's
 * default (16 MB semi-spaces) means fewer scavenges, about a tenth less CPU at 1,000 talks.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 96 };

/** Node runs no TypeScript by itself: this file registers tsx in the thread, then loads the worker. */
const WORKER_URL = new URL('./compile-worker.mjs', import.meta.url);

/** One thread per core for big folders, none for small ones. */
export function workerThreadsFor(
  files: readonly RawFile[],
  cores: number = availableParallelism(),
): number {
  const bytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
  if (bytes < MIN_WORKER_BYTES || files.length < 2) return 0;
  return Math.min(cores, MAX_WORKERS, files.length);
}

/** What the main thread sends a worker: the file to parse, by its place in the list. */
export interface WorkerRequest {
  index: number;
  file: RawFile;
}

/** And what it sends back. */
export interface WorkerReply {
  index: number;
  parsed: ParsedFile;
}

/** Every file parsed and rendered on `threads` worker threads; the results in file order. */
export async function parseFilesInWorkers(
  files: readonly RawFile[],
  vocabulary: Vocabulary,
  threads: number,
): Promise<ParsedFile[]> {
  const results = new Array<ParsedFile>(files.length);
  let next = 0;
  const workers = Array.from(
    { length: Math.max(1, Math.min(threads, files.length)) },
    () => new Worker(WORKER_URL, { workerData: { vocabulary }, resourceLimits: WORKER_LIMITS }),
  );
  const drain = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= files.length) return resolve();
        const request: WorkerRequest = { index: next, file: files[next]! };
        next++;
        worker.postMessage(request);
      };
      worker.on('message', ({ index, parsed }: WorkerReply) => {
        results[index] = parsed;
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`notes worker exited with code ${code}`)));
      send();
    });
  try {
    await Promise.all(workers.map(drain));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
