/** One note file's bytes → its parsed note: decoded, front matter and path read, sections found. */
import { toSlug } from '../../shared/ids';
import { formatOf, withoutNoteExtension } from '../formats/index';
import type { ContentIssue } from '../issues';
import { decodeNote } from '../read/decode';
import type { RawFile } from '../read/files';
import { parseDayLabel } from './days';
import { readFrontMatter, type FrontMatter } from './front-matter';
import { isDayNoteHeading, namesAnEvent, parseNote } from './parse-note';
import { factsFromPath, mergeFacts, toReadableName } from './path-facts';
import { checkReading } from './reading-checks';
import { splitTitleAndSpeakers } from './speakers';
import type { EventHints, ParsedNote, Section } from './types';
import type { Speaker } from '../../shared/bundle';

function fileStem(path: string): string {
  return withoutNoteExtension(path.split('/').pop() ?? path);
}

/** "day-2", "2018-01-23", "friday", "notes", "j2-notes": a file named for a day, not a talk. */
export function isDayFileName(stem: string): boolean {
  const words = stem
    .replace(/[-_.]+/g, ' ')
    .replace(/\b(notes?|journal|log|recap|summary|index|readme)\b/gi, '')
    .trim();
  if (words === '') return true;
  return (
    /^\d{4} \d{2} \d{2}$/.test(words) ||
    parseDayLabel(words) !== null ||
    parseDayLabel(stem) !== null
  );
}

/**
 * A file name less what orders it among its siblings: "Day 2 - 04 - Making Things" → "Making
 * Things", "1030-angular-fresh-style", "3_cross_pollinating", "11.00am_michael-chan". A number
 * before a plural stays: "10-things-i-learned".
 */
function withoutSequence(stem: string): string {
  const ORDER =
    /^(?:(?:day|jour|tag)[-_ ]?\d+|\d{1,2}[:.h]\d{2}(?:\s*[ap]m)?|\d{1,4}[a-z]?)(?:\s*[-–_.:]\s*|\s+)/iu;
  let rest = stem;
  for (let match = ORDER.exec(rest); match; match = ORDER.exec(rest)) {
    const after = rest.slice(match[0].length);
    const nextWord = /^[\p{L}\p{N}']+/u.exec(after)?.[0] ?? '';
    const pluralAfterNumber = /^\d/.test(match[0]) && /^\p{Ll}+[^s]s$/u.test(nextWord);
    if (after.trim() === '' || pluralAfterNumber) break;
    rest = after;
  }
  return rest;
}

/**
 * The title of a file that is one talk: its front matter's, else its name as the user wrote it
 * ("Keynote by Evan You.md" keeps its capitals; "building-secure-systems.md" gets them). A
 * speaker the name gives ("… by Evan You", "Title - Jane Doe") is the talk's.
 */
function fileTalkTitle(
  title: string | undefined,
  stem: string,
): { title: string; speakers: Speaker[] } {
  if (title) return { title, speakers: [] };
  const bare = withoutSequence(stem.trim());
  const readable = /\s/.test(bare) ? bare : toReadableName(bare);
  const split = splitTitleAndSpeakers(readable);
  if (!split) return { title: readable, speakers: [] };
  return { title: /\sby\s/i.test(readable) ? readable : split.title, speakers: split.speakers };
}

/**
 * A file with no talk in it is one talk when it is named like one (`building-secure-systems.md`)
 * or says so in front matter (`title:`); a file named for a day stays that day's note.
 */
function asSingleTalk(note: ParsedNote, data: FrontMatter): ParsedNote {
  if (note.sections.some((section) => section.kind === 'talk')) return note;
  const stem = fileStem(note.file);
  if (!data.title && isDayFileName(stem)) return note;
  // A checklist, a to-do list: every section under a heading is the day's own kind of note.
  const headed = note.sections.filter((section) => section.title);
  // A post titled for the event ("QConSP 2018") whose sections are about the venue and the talks
  // in general is a recap: the day's note.
  if (
    (!data.title || namesAnEvent(data.title)) &&
    headed.length >= 2 &&
    headed.slice(1).every((section) => isDayNoteHeading(section.title!))
  )
    return note;
  const content = note.sections.filter((section) => section.body.trim() !== '' || section.title);
  const first = content[0] ?? note.sections[0];
  const last = content.at(-1) ?? note.sections.at(-1);
  const named = fileTalkTitle(data.title, stem);
  const talk: Section = {
    kind: 'talk',
    title: named.title,
    speakers: named.speakers,
    aliases: note.facts.aliases,
    tags: [],
    titleLinks: [],
    format: first?.format ?? formatOf(note.file).name,
    body: note.sections
      .map((section) =>
        [section.title ? `## ${section.title}` : '', section.body].filter(Boolean).join('\n\n'),
      )
      .filter((text) => text.trim() !== '')
      .join('\n\n'),
    startLine: first?.startLine ?? 1,
    endLine: last?.endLine ?? 1,
    ...(first?.day ? { day: first.day } : {}),
    ...(first?.track ? { track: first.track } : {}),
    ...(data.id ? { explicitId: data.id } : {}),
  };
  return { ...note, sections: [talk] };
}

/**
 * Largest note file read, in bytes. A whole conference of notes is well under 1 MB; past this a
 * file is a mistake (a log, a dump) and would only slow the build.
 */
export const MAX_NOTE_BYTES = 10 * 1024 * 1024;
const ATX_TITLE = /^#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_TITLE_UNDERLINE = /^=+[ \t]*$/;

/**
 * A document's own title: a `# H1`, a line underlined with `===`, or a short first line standing
 * alone ("OSCON 2015 trip report", then a blank line), before anything else.
 */
function documentTitle(body: string): string | undefined {
  const lines = body.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  const line = lines[first]?.trim() ?? '';
  const next = lines[first + 1] ?? '';
  const atx = ATX_TITLE.exec(line);
  if (atx) return atx[1];
  if (SETEXT_TITLE_UNDERLINE.test(next)) return line;
  const alone = next.trim() === '' && line.split(/\s+/).length <= 10 && !/[.:,;]$/.test(line);
  return alone && /^[\p{L}\p{N}]/u.test(line) ? line : undefined;
}

/** What the file says about its event, for `settleConferences` (conferences.ts). */
function eventHints(data: FrontMatter, body: string): EventHints {
  const title = data.title ?? documentTitle(body);
  const year = data.year ?? (data.date ? Number(data.date.slice(0, 4)) : undefined);
  return {
    statedConference: data.conference !== undefined,
    ...(title !== undefined ? { title } : {}),
    ...(year !== undefined ? { statedYear: year } : {}),
  };
}

/** One file's bytes → its parsed note and the issues found on the way. */
export function parseFile(file: RawFile): { note: ParsedNote | null; issues: ContentIssue[] } {
  if (file.bytes.length > MAX_NOTE_BYTES) {
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    const message = `the file is ${mb(file.bytes.length)}; a note may be at most ${mb(MAX_NOTE_BYTES)} (split it, one file per day)`;
    return { note: null, issues: [{ severity: 'error', file: file.path, line: 1, message }] };
  }
  const decoded = decodeNote(file.bytes, file.path);
  if (decoded.text === null) return { note: null, issues: decoded.issues };
  const front = readFrontMatter(decoded.text, file.path);
  const facts = mergeFacts(front.data, factsFromPath(file.path));
  const stem = fileStem(file.path);
  const dayFile = isDayFileName(stem);
  const parsed = parseNote({
    file: file.path,
    body: front.body,
    bodyLine: front.bodyLine,
    format: formatOf(file.path).name,
    facts,
    hints: {
      dayFile: dayFile || facts.date !== undefined || facts.day !== undefined,
      ...(dayFile ? {} : { talkSlug: toSlug(front.data.title ?? toReadableName(stem)) }),
    },
  });
  const note = { ...asSingleTalk(parsed, front.data), event: eventHints(front.data, front.body) };
  return {
    note,
    issues: [...decoded.issues, ...front.issues, ...checkReading(note, front.body, front.bodyLine)],
  };
}
