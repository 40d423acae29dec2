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
import { looksLikeName, splitTitleAndSpeakers } from './speakers';
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
 * "failing-at-scale-chris-tankersley.md", "dan-north-on-microservices.md": a one-talk file named
 * with its speaker. The name is the file name's first or last two or three words, and only when
 * the notes say it too: written as a name ("Chris Tankersley") or run together in a link or
 * handle (".../speaker/DanNorth", "@dannorth"). The title loses those words when it came from the
 * file name.
 */
function withFileNameSpeaker(note: ParsedNote, stem: string, noteText: string): ParsedNote {
  const talks = note.sections.filter((section) => section.kind === 'talk');
  const talk = talks[0];
  if (talks.length !== 1 || !talk || talk.speakers.length > 0) return note;
  // Headings give titles, not the notes' word for the speaker ("# Agile Grenoble : Time …").
  const body = noteText
    .split('\n')
    .filter((line) => !/^ {0,3}#/.test(line))
    .join('\n');
  const event = toSlug(note.facts.conference ?? '');
  const words = withoutSequence(stem)
    .split(/[-_\s]+/)
    .filter((word) => word !== '');
  const squashed = (text: string) => text.toLowerCase().replace(/[^\p{L}]/gu, '');
  const runTogether = new Set(
    [...body.matchAll(/(?:https?:\/\/|www\.|@)\S+/g)].map((match) => squashed(match[0])),
  );
  const fromFileName =
    talk.title === toReadableName(words.join('-')) || talk.title === withoutSequence(stem);
  for (const [from, to] of [
    [0, 2],
    [0, 3],
    [-2, undefined],
    [-3, undefined],
  ] as const) {
    const nameWords = words.slice(from, to);
    // A file named only by its speaker ("11:00am_michael-chan.md") needs its title from a heading.
    const wholeName = nameWords.length === words.length;
    if (nameWords.length < 2 || nameWords.length > words.length || (wholeName && fromFileName))
      continue;
    const name = toReadableName(nameWords.join('-'));
    if (!/^[\p{L}' -]+$/u.test(name) || !looksLikeName(name) || event.startsWith(toSlug(name)))
      continue;
    const written = new RegExp(
      `(?:^|[^\\p{L}])${nameWords.map(escapeRegExp).join('[ \\t]+')}(?![\\p{L}])`,
      'giu',
    );
    const inLink = [...runTogether].some((link) => link.includes(squashed(name)));
    // Every word capitalised where the notes write it ("Chris Tankersley", not "at scale"), and
    // not a part of a longer capitalised phrase ("Ruby Hero Awards", "Seven Righteous Fights").
    const capitalised = [...body.matchAll(written)].some((match) => {
      const words = match[0].replace(/^[^\p{L}]+/u, '').split(/[ \t]+/);
      const start = match.index + match[0].search(/\p{L}/u);
      const before = /(\S+)[ \t]+$/.exec(body.slice(0, start));
      const after = /^[ \t]+(\S+)/.exec(body.slice(match.index + match[0].length));
      const capital = (word: string | undefined) => word !== undefined && /^\p{Lu}/u.test(word);
      return words.every((word) => capital(word)) && !capital(before?.[1]) && !capital(after?.[1]);
    });
    if (!capitalised && !inLink) continue;
    const rest = from === 0 ? words.slice(to) : words.slice(0, from);
    const restTitle = toReadableName(rest.join('-')).replace(
      /^(?:On|About|By)\s+|\s+(?:By|With)$/u,
      '',
    );
    const section = {
      ...talk,
      speakers: [{ name }],
      ...(fromFileName ? { title: restTitle } : {}),
    };
    return { ...note, sections: note.sections.map((each) => (each === talk ? section : each)) };
  }
  return note;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
  const single = asSingleTalk(parsed, front.data);
  const note = {
    ...(dayFile ? single : withFileNameSpeaker(single, stem, front.body)),
    event: eventHints(front.data, front.body),
  };
  return {
    note,
    issues: [...decoded.issues, ...front.issues, ...checkReading(note, front.body, front.bodyLine)],
  };
}
