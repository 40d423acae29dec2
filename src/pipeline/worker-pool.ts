/**
 * Parsing and rendering the notes (markdown parsing is most of a build) on worker threads, one
 * file at a time per worker. The pool is tinypool's (vitest's own, no dependencies): it queues the
 * files, hands each to the next free thread and reports a thread's crash as the run's error. The results come back in file order, equal to `compileFile`'s
 * on the main thread, so the compile result does not depend on how many threads there were.
 */
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import type { CompiledFile } from './compile-file';
import type { RawFile } from './read/files';
import type { Vocabulary } from './enrich/tags';

/**
 * Below this much text (about 1,500 talks) a second worker saves little: each takes about a second
 * to start, and at 1,000 talks parsing on two of them ends about when one thread alone would.
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

/**
 * Below this much text (a few dozen talks) the compile takes less than a thread takes to start:
 * it stays on the main thread even when that thread has other work.
 */
export const MIN_OFF_MAIN_BYTES = 512 * 1024;

/**
 * One thread per core for big folders, none for small ones. With `mainThreadBusy` (`vite build`
 * bundles the app on it meanwhile), middling folders get one thread: on the main thread the
 * compile would hold the bundler back for its whole length.
 */
export function workerThreadsFor(
  files: readonly RawFile[],
  cores: number = availableParallelism(),
  mainThreadBusy = false,
): number {
  const bytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
  if (bytes < MIN_WORKER_BYTES || files.length < 2) {
    return mainThreadBusy && bytes >= MIN_OFF_MAIN_BYTES ? 1 : 0;
  }
  return Math.min(cores, MAX_WORKERS, files.length);
}

/** Every file compiled on `threads` worker threads (a tinypool pool); the results in file order. */
export async function compileFilesInWorkers(
  files: readonly RawFile[],
  vocabulary: Vocabulary,
  threads: number,
  /** Called as each file is done. */
  onDone: () => void = () => {},
): Promise<CompiledFile[]> {
  const count = Math.max(1, Math.min(threads, files.length));
  const pool = new Tinypool({
    filename: WORKER_URL.href,
    minThreads: count,
    maxThreads: count,
    workerData: { vocabulary },
    resourceLimits: WORKER_LIMITS,
  });
  try {
    return await Promise.all(
      files.map(async (file) => {
        const compiled = (await pool.run(file)) as CompiledFile;
        onDone();
        return compiled;
      }),
    );
  } finally {
    await pool.destroy();
  }
}
