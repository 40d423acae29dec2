/** What every stage of the compiler reports besides its result. Node-only. */

/** A problem found in the notes. `line` is 1-based in the file as it is on disk. */
export interface ContentIssue {
  severity: 'error' | 'warning';
  /** Path relative to the content folder, `/` separators. */
  file: string;
  line: number;
  message: string;
}

/** A problem with the notes as a whole (no notes folder): the message is all the user needs. */
export class NotesError extends Error {
  override name = 'NotesError';

  /** Vite prints a failed build's error with `util.inspect`: the message, not a stack trace. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.message;
  }
}
