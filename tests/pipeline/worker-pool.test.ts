/** Parsing on worker threads gives the same result as on the main thread. */
import { describe, expect, it } from 'vitest';
import { compileNotes } from '../../src/pipeline/compile';
import type { RawFile } from '../../src/pipeline/read/files';
import {
  MIN_OFF_MAIN_BYTES,
  MIN_WORKER_BYTES,
  workerThreadsFor,
} from '../../src/pipeline/worker-pool';

const file = (bytes: number): RawFile => ({ path: 'x.md', bytes: new Uint8Array(bytes) });

describe('worker threads', () => {
  it('compile the sample notes exactly as the main thread does', async () => {
    const now = new Date('2026-01-01');
    const [onMain, onWorkers] = await Promise.all([
      compileNotes({ contentDir: 'content', now, workers: 0 }),
      compileNotes({ contentDir: 'content', now, workers: 2 }),
    ]);
    expect(JSON.stringify(onWorkers)).toBe(JSON.stringify(onMain));
  }, 60_000); // starting two threads that load the compiler takes seconds on a busy machine

  it.each([
    ['no files', [], 2, 0],
    ['small notes', [file(1000), file(2000)], 2, 0],
    ['just under the threshold for one thread', [file(MIN_OFF_MAIN_BYTES - 1)], 2, 0],
    ['middling notes: one thread, the main one left to Vite', [file(MIN_OFF_MAIN_BYTES)], 2, 1],
    ['middling notes, many files', [file(MIN_WORKER_BYTES - 21), file(10), file(10)], 4, 1],
    ['one big file', [file(MIN_WORKER_BYTES)], 2, 1],
    ['big notes, 2 cores', [file(MIN_WORKER_BYTES), file(10)], 2, 2],
    ['big notes, 1 core', [file(MIN_WORKER_BYTES), file(10)], 1, 1],
    ['big notes, 64 cores', Array.from({ length: 20 }, () => file(MIN_WORKER_BYTES)), 64, 8],
    ['3 files, 4 cores', [file(MIN_WORKER_BYTES), file(1), file(1)], 4, 3],
  ])('workerThreadsFor: %s', (_name, files, cores, expected) => {
    expect(workerThreadsFor(files, cores)).toBe(expected);
  });
});
