/**
 * How an escaped error is told (build/report.ts): a problem in the notes by its message alone,
 * anything else as a bug in Lanyard with the top of its stack, all of it with DEBUG=lanyard.
 */
import { describe, expect, it } from 'vitest';
import { describeFailure, NotesError } from '../../src/build/report';

/** An error with a stack of `frames` frames, as a bug deep in the compiler would have. */
function deepError(frames: number): Error {
  const error = new TypeError('Cannot read properties of undefined');
  error.stack = [
    'TypeError: Cannot read properties of undefined',
    ...Array.from({ length: frames }, (_, i) => `    at step${i} (src/pipeline/x.ts:${i + 1}:1)`),
  ].join('\n');
  return error;
}

describe('describeFailure', () => {
  it('a problem in the notes is its message alone, with no stack', () => {
    const message = 'content/a.md:3: front matter: Map keys must be unique';
    expect(describeFailure(new NotesError(message), '')).toBe(message);
  });

  it('a bug in Lanyard says so, with the top six frames and how to see the rest', () => {
    const lines = describeFailure(deepError(20), '').split('\n');
    expect(lines[0]).toBe(
      'lanyard: internal error (a bug in Lanyard, not in the notes; please report it):',
    );
    expect(lines[1]).toBe('TypeError: Cannot read properties of undefined');
    expect(lines.slice(2, -1)).toEqual(
      Array.from({ length: 6 }, (_, i) => `    at step${i} (src/pipeline/x.ts:${i + 1}:1)`),
    );
    expect(lines.at(-1)).toBe('    … (DEBUG=lanyard shows all of it)');
  });

  it.each(['lanyard', 'vite,lanyard', 'lanyard , other'])(
    'DEBUG=%s shows the whole stack',
    (debug) => {
      const lines = describeFailure(deepError(20), debug).split('\n');
      expect(lines).toHaveLength(22);
      expect(lines.at(-1)).toBe('    at step19 (src/pipeline/x.ts:20:1)');
    },
  );

  it('DEBUG naming another tool does not', () => {
    expect(describeFailure(deepError(20), 'lanyardish').split('\n')).toHaveLength(9);
  });
});
