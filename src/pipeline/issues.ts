/** What every stage of the compiler reports besides its result. Node-only. */

/** A problem found in the notes. `line` is 1-based in the file as it is on disk. */
export interface ContentIssue {
  severity: 'error' | 'warning';
  /** Path relative to the content folder, `/` separators. */
  file: string;
  line: number;
  message: string;
}
