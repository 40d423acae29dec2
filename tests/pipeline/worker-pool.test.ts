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
    ['no files', [], 2, false, 0],
    ['small notes', [file(1000), file(2000)], 2, false, 0],
    ['one big file', [file(MIN_WORKER_BYTES)], 2, false, 0],
    ['big notes, 2 cores', [file(MIN_WORKER_BYTES), file(10)], 2, false, 2],
    ['big notes, 1 core', [file(MIN_WORKER_BYTES), file(10)], 1, false, 1],
    ['big notes, 64 cores', Array.from({ length: 20 }, () => file(MIN_WORKER_BYTES)), 64, false, 8],
    ['3 files, 4 cores', [file(MIN_WORKER_BYTES), file(1), file(1)], 4, false, 3],
    ['middling notes', [file(MIN_OFF_MAIN_BYTES), file(10)], 2, false, 0],
    ['middling notes, main thread busy', [file(MIN_OFF_MAIN_BYTES), file(10)], 2, true, 1],
    ['one big file, main thread busy', [file(MIN_WORKER_BYTES)], 2, true, 1],
    ['small notes, main thread busy', [file(MIN_OFF_MAIN_BYTES - 11), file(10)], 2, true, 0],
    ['big notes, main thread busy', [file(MIN_WORKER_BYTES), file(10)], 2, true, 2],
  ])('workerThreadsFor: %s', (_name, files, cores, busy, expected) => {
    expect(workerThreadsFor(files, cores, busy)).toBe(expected);
  });
});
