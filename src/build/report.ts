/**
 * How the notes' problems are told, the same by `npm run notes` and `npm run build`: each once as
 * `file:line: message` (a warning says so), then one summary line. A problem in the notes is never
 * shown with a stack trace; a bug in Lanyard is (in full with `DEBUG=lanyard`).
 */
import path from 'node:path';
import { NotesError, type ContentIssue } from '../pipeline/issues';
import type { SkippedEntry } from '../pipeline/read/files';

export { NotesError };

/** `content/lca-2018/day-2.md:3: message`: the path as typed from the project root, so it is clickable. */
export function formatIssue(contentDir: string, issue: ContentIssue): string {
  const file = path.relative(process.cwd(), path.resolve(contentDir, issue.file));
  const severity = issue.severity === 'warning' ? 'warning: ' : '';
  return `${file.split(path.sep).join('/')}:${issue.line}: ${severity}${issue.message}`;
}

export const plural = (count: number, word: string): string =>
  `${count} ${word}${count === 1 ? '' : 's'}`;

/** Names listed in the summary before "and N more". */
const SKIPPED_SHOWN = 8;

/** "2 errors, 1 warning in content; skipped 2: .drafts/ (hidden), photo.jpg (not a note)". */
export function summarizeIssues(
  issues: readonly ContentIssue[],
  skipped: readonly SkippedEntry[],
  contentDir: string,
): string {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const counts = `${plural(errors, 'error')}, ${plural(issues.length - errors, 'warning')} in ${shownDir(contentDir)}`;
  if (skipped.length === 0) return counts;
  const shown = skipped.slice(0, SKIPPED_SHOWN).map((entry) => `${entry.path} (${entry.reason})`);
  const more = skipped.length > SKIPPED_SHOWN ? `, and ${skipped.length - SKIPPED_SHOWN} more` : '';
  return `${counts}; skipped ${skipped.length}: ${shown.join(', ')}${more}`;
}

/**
 * Every problem once, in file order, then the summary: what a failed run prints. The summary
 * counts `skipped` too.
 */
export function describeIssues(
  contentDir: string,
  issues: readonly ContentIssue[],
  skipped: readonly SkippedEntry[],
  outcome: string,
): string {
  return [
    ...issues.map((issue) => formatIssue(contentDir, issue)),
    `lanyard: ${outcome}: ${summarizeIssues(issues, skipped, contentDir)}`,
  ].join('\n');
}

/** The folder as typed from the project root, for the summary. */
export const shownDir = (contentDir: string): string =>
  path.relative(process.cwd(), path.resolve(contentDir)) || '.';

/** Frames of a Lanyard bug's stack shown without `DEBUG=lanyard`. */
const STACK_FRAMES = 6;

/**
 * What to print for an error that escaped: a {@link NotesError} by its message alone; anything
 * else is a bug in Lanyard, shown as one with the top of its stack (all of it with DEBUG=lanyard).
 */
export function describeFailure(error: unknown, debug = process.env.DEBUG ?? ''): string {
  if (error instanceof NotesError) return error.message;
  const full = /(^|,)\s*lanyard\s*(,|$)/.test(debug);
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const lines = stack.split('\n');
  const frames = full ? lines : lines.slice(0, STACK_FRAMES + 1);
  const cut = frames.length < lines.length ? ['    … (DEBUG=lanyard shows all of it)'] : [];
  return [
    'lanyard: internal error (a bug in Lanyard, not in the notes; please report it):',
    ...frames,
    ...cut,
  ].join('\n');
}
