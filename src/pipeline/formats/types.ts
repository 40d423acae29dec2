/** What a notes format is: the files it takes, where their structure is, how their notes render. */
import type { Root as HastRoot } from 'hast';
import type { Link } from '../../shared/bundle';
import type { HeadingCandidate, HeadingCues, Line } from './headings';
import type { LimitedLine } from './nesting';

export interface NotesFormat {
  /** Stored on every section (`Section.format`), so its notes render the same way later. */
  readonly name: string;
  /** File name endings it takes, lower case (`.md`): how `formats/index.ts` picks a file's format. */
  readonly extensions: readonly string[];
  /** The lines that may head a day, a track or a talk; `parseNote` decides which they are. */
  findHeadings(lines: readonly Line[], cues: HeadingCues): HeadingCandidate[];
  /** A section's body as it renders, given the link definitions (`[ref]: url`) of its whole file. */
  withLinkDefinitions(body: string, definitions: readonly string[]): string;
  /** A section's notes as an HTML tree (not yet sanitized: render.ts does that) and their links. */
  /**
   * The notes as HTML and their links; `unsafeUrls` (targets left out for their scheme) and
   * `limited` (lines of the body cut down past a limit, nesting.ts) are for warnings.
   */
  toHtmlTree(body: string): {
    tree: HastRoot;
    links: Link[];
    unsafeUrls?: string[];
    limited?: LimitedLine[];
  };
}
