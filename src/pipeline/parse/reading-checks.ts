/**
 * Readings that look wrong, said as warnings with the file and line and how to make the notes
 * explicit: a talk that swallowed a long run of headings, a file with many headings read as one or
 * two talks, a talk with no speaker over a line that looks like a name, a title as long as a
 * sentence. `npm run notes -- check` and the build print them. Pure.
 */
import { findFencedLines, readAtxHeading, type Line } from '../formats/headings';
import { looksLikeLooseName } from './speakers';
import type { ContentIssue } from '../issues';
import type { ParsedNote, Section } from './types';

/** A talk this long with headings inside it has probably swallowed other talks. */
const LONG_TALK_LINES = 300;
/** A file with this many headings read as one or two talks was probably misread. */
const MANY_HEADINGS = 6;
const LONG_TITLE_WORDS = 15;

const EXPLICIT_TALK =
  'write each talk as a "## Title" heading with a "speaker: Name" line under it';

function warning(file: string, line: number, message: string): ContentIssue {
  return { severity: 'warning', file, line, message };
}

function headingLines(lines: readonly Line[]): Line[] {
  const fenced = findFencedLines(lines);
  return lines.filter((line, index) => !fenced.has(index) && readAtxHeading(line.text)?.text);
}

/** A short line right under a title that reads like a person the parser did not take. */
function nameLikeFirstLine(section: Section): string | null {
  const first = section.body
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim();
  // "- Live captioning": a list item is the talk's notes, not a person left out.
  if (!first || /^(?:[-*+•]|\d+[.)])\s/.test(first)) return null;
  const words = first.replace(/[*_]/g, '').trim();
  // "We cached things.": a sentence, not a name.
  if (/[.!?]$/.test(words)) return null;
  return words.length <= 40 && looksLikeLooseName(words) && words.split(/\s+/).length >= 2
    ? words
    : null;
}

/** The level of the `#` heading on a file line, or null. `lines` run on from their first number. */
function levelAt(lines: readonly Line[], number: number): number | null {
  const line = lines[number - (lines[0]?.number ?? 0)];
  return line ? (readAtxHeading(line.text)?.level ?? null) : null;
}

/** The index of the first item whose line is at least `number` (items in file order). */
function firstAtOrAfter<T>(items: readonly T[], lineOf: (item: T) => number, number: number) {
  let [low, high] = [0, items.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (lineOf(items[middle]!) < number) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The talk whose lines hold a heading's line, if any (talks in file order, not overlapping). */
function talkAround(talks: readonly Section[], number: number): Section | undefined {
  const talk = talks[firstAtOrAfter(talks, (candidate) => candidate.startLine, number) - 1];
  return talk && number <= talk.endLine ? talk : undefined;
}

/**
 * A heading deeper than the heading of the talk it sits in, a talk whose speaker is known: a
 * section of that talk's notes ("## Error messages" under "# Forms for everyone by Omar Haddad").
 */
function isSectionOfTalk(
  heading: Line,
  lines: readonly Line[],
  talks: readonly Section[],
): boolean {
  const talk = talkAround(talks, heading.number);
  if (!talk || talk.speakers.length === 0) return false;
  const own = levelAt(lines, talk.startLine);
  const level = readAtxHeading(heading.text)?.level;
  return own !== null && level !== undefined && level > own;
}

/** Warnings about how one file was read. `body` is the text the sections were read from. */
export function checkReading(note: ParsedNote, body: string, bodyLine: number): ContentIssue[] {
  const lines = body.split('\n').map((text, index) => ({ text, number: bodyLine + index }));
  const talks = note.sections
    .filter((section) => section.kind === 'talk')
    .sort((a, b) => a.startLine - b.startLine);
  const headings = headingLines(lines).filter((line) => !isSectionOfTalk(line, lines, talks));
  const issues: ContentIssue[] = [];
  // Headings read as the day's own sections (lunch, to-do) are read right.
  const notes = note.sections.filter((section) => section.kind === 'note' && section.title).length;
  if (headings.length - notes >= MANY_HEADINGS && talks.length <= 2) {
    issues.push(
      warning(
        note.file,
        headings[0]!.number,
        `${headings.length} headings were read as ${talks.length === 1 ? 'one talk' : `${talks.length} talks`}: if they are talks, ${EXPLICIT_TALK}`,
      ),
    );
  }
  for (const talk of talks) {
    const title = talk.title ?? '';
    const span = talk.endLine - talk.startLine + 1;
    const first = firstAtOrAfter(headings, (line) => line.number, talk.startLine + 1);
    const inside = headings.slice(
      first,
      firstAtOrAfter(headings, (line) => line.number, talk.endLine + 1),
    );
    if (span > LONG_TALK_LINES && inside.length > 0) {
      issues.push(
        warning(
          note.file,
          talk.startLine,
          `the talk "${title}" runs ${span} lines with ${inside.length} headings inside it (line ${inside[0]!.number} first): if those are talks, ${EXPLICIT_TALK}`,
        ),
      );
    }
    const name = talk.speakers.length === 0 ? nameLikeFirstLine(talk) : null;
    if (name) {
      issues.push(
        warning(
          note.file,
          talk.startLine,
          `the talk "${title}" has no speaker, but "${name}" under its title looks like a name: write "speaker: ${name}" if it is one`,
        ),
      );
    }
    const words = title.split(/\s+/).filter((word) => word !== '').length;
    if (words > LONG_TITLE_WORDS) {
      issues.push(
        warning(
          note.file,
          talk.startLine,
          `the talk title "${title.slice(0, 60)}…" is ${words} words long: if it is a line of notes rather than a title, leave it plain (no "#", no bold), or give the file a "title:" in its front matter`,
        ),
      );
    }
  }
  return issues;
}
