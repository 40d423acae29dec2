/**
 * What a note's place in the content folder says about it, and how that combines with what the
 * note says itself. The path is a guess and front matter is a statement: explicit always wins.
 *
 *   pycon-2015/day-2.txt                  conference "Pycon 2015" (pycon-2015), 2015, Day 2
 *   2019/fosdem/saturday.md               conference "Fosdem 2019" (fosdem-2019), 2019, Saturday
 *   devconf/j2-notes.md                   conference "Devconf", Jour 2
 *   jsconf-2019/Tuesday/keynote.md        day Tuesday from the folder; "keynote" is a talk's file
 *   pycon-2015/2015-04-10.md              date 2015-04-10
 *   pycon-2015/day-1/sysadmin-track.md    Day 1, track "Sysadmin"
 *   pycon-2015-day-2.md                   (top level) conference "Pycon 2015", Day 2
 */
import { toSlug } from '../../shared/ids';
import { withoutNoteExtension } from '../formats/index';
import { parseDayLabel } from './days';
import type { FrontMatter } from './front-matter';
import type { FileFacts } from './types';

const YEAR = /^(?:19|20)\d\d$/;
const YEAR_IN_TEXT = /(?:^|\D)((?:19|20)\d\d)(?!\d)/;
const WORD_SEPARATOR = /[-_\s]+/;

/** Words that say a file holds notes, not what the notes are about ("j2-notes", "pycon-2015-talks"). */
const GENERIC_WORDS = new Set([
  'notes',
  'note',
  'talks',
  'posts',
  'blog',
  'content',
  'trip',
  'report',
  'highlights',
  'sessions',
  'summary',
  'recap',
  'log',
  'raw',
  'draft',
  'and',
]);

/**
 * The last word of a track's file or folder name. "track" only says what the thing is, so it is
 * dropped ("sysadmin-track" → "Sysadmin"); "miniconf" and "summit" are part of the name by
 * custom ("Sysadmin miniconf", as the notes write it).
 */
const TRACK_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['track', false],
  ['miniconf', true],
  ['summit', true],
]);

interface SegmentFacts {
  day?: { label: string; number?: number };
  date?: string;
  track?: string;
  /** Words that are none of the above: a conference's name, or a talk's. */
  rest: string[];
}

/** "pycon-2015" → "Pycon 2015": words capitalised unless the user capitalised them already. */
export function toReadableName(slug: string): string {
  return slug
    .split(WORD_SEPARATOR)
    .filter((word) => word !== '')
    .map((word) =>
      word === word.toLowerCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word,
    )
    .join(' ');
}

/** "sysadmin miniconf" → "Sysadmin miniconf": tracks read as headings do, in sentence case. */
function toTrackName(words: readonly string[]): string {
  const [first = '', ...others] = words;
  return [toReadableName(first), ...others].join(' ');
}

export function yearIn(text: string | undefined): number | undefined {
  const match = text === undefined ? null : YEAR_IN_TEXT.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** The longest run of words that names a day, with the words before and after it. */
export function findDayWords(
  words: readonly string[],
): { day: NonNullable<ReturnType<typeof parseDayLabel>>; rest: string[] } | null {
  for (let length = words.length; length > 0; length--) {
    for (let start = 0; start + length <= words.length; start++) {
      const day = parseDayLabel(words.slice(start, start + length).join(' '));
      if (day) return { day, rest: [...words.slice(0, start), ...words.slice(start + length)] };
    }
  }
  return null;
}

function findTrack(words: readonly string[]): { track: string; rest: string[] } | null {
  const last = words.at(-1)?.toLowerCase();
  const keepsLast = last === undefined ? undefined : TRACK_WORDS.get(last);
  if (keepsLast === undefined || words.length < 2) return null;
  const nameWords = keepsLast ? words : words.slice(0, -1);
  return { track: toTrackName(nameWords), rest: [] };
}

/** What one folder or file name says: a day, a date, a track, and whatever words are left. */
export function readSegment(segment: string): SegmentFacts {
  const dateMatch = /^(\d{4}-\d{2}-\d{2})(?:[-_\s]+(.*))?$/.exec(segment);
  const date = dateMatch?.[1];
  const words = (dateMatch ? (dateMatch[2] ?? '') : segment)
    .split(WORD_SEPARATOR)
    .filter((word) => word !== '');

  const facts: SegmentFacts = { rest: words };
  if (date && parseDayLabel(date)) facts.date = date;
  const found = findDayWords(facts.rest);
  if (found) {
    facts.day = {
      label: found.day.label,
      ...(found.day.number ? { number: found.day.number } : {}),
    };
    if (found.day.date) facts.date = found.day.date;
    facts.rest = found.rest;
  }
  const track = findTrack(facts.rest);
  if (track) Object.assign(facts, track);
  facts.rest = facts.rest.filter((word) => !GENERIC_WORDS.has(word.toLowerCase()));
  return facts;
}

export function isYearSegment(segment: string): boolean {
  return YEAR.test(segment);
}

/** True when a segment is only a day, date or track, so it says nothing about the conference. */
export function isStructural(facts: SegmentFacts): boolean {
  return (
    facts.rest.length === 0 &&
    (facts.day !== undefined || facts.date !== undefined || facts.track !== undefined)
  );
}

/**
 * A file's own name gives a day, date or track only when that is all it says: "day-2-operations"
 * is a talk's file that happens to start with "day 2", not Day 2's notes.
 */
function applyStructure(facts: Partial<FileFacts>, segment: SegmentFacts): void {
  if (!isStructural(segment)) return;
  if (segment.day) facts.day = segment.day;
  if (segment.date) facts.date = segment.date;
  if (segment.track) facts.track = segment.track;
}

function withYear(slugSource: string, year: string | number | undefined): string {
  return year === undefined || yearIn(slugSource) !== undefined
    ? slugSource
    : `${slugSource}-${year}`;
}

/** Words that make a name read as a sentence ("the state of js 2019"), not an event's name. */
const SENTENCE_WORDS = new Set(
  (
    'a an the of in on for to with by from at about into is are was how why what when my your our ' +
    'we i you it this that le la les de des du un une et est pour avec sur dans'
  ).split(' '),
);

/** Up to six words, none of them a sentence's: "DDD Melbourne", "Open Data Science East". */
export function looksLikeEventName(words: readonly string[]): boolean {
  return (
    words.length > 0 &&
    words.length <= 6 &&
    words.every((word) => !SENTENCE_WORDS.has(word.toLowerCase()) && /^[\p{L}\p{N}]/u.test(word))
  );
}

/** An event as a folder, file name or title names it: "ODSC East 2015" (odsc-east-2015). */
export interface EventName {
  name: string;
  slug: string;
  year: number;
  /** The name's words without the year, to compare two spellings of one event. */
  words: string[];
}

/** A folder that names something: an event, a series of events, or someone's notes. */
export interface NamedFolder {
  depth: number;
  /** The folder's name as written. */
  segment: string;
  words: string[];
  /** Its own year, or that of a year folder beside it (`2019/fosdem`, `fosdem/2019`). */
  year?: number;
  /** It has words that only say it holds notes ("jane-conference-notes", "blog"). */
  generic: boolean;
}

/** What a path says about events: its named folders (top first) and its file name's event. */
export interface PathReading {
  folders: NamedFolder[];
  /** The event the file's own name gives, with a year: `odsc-east-2015.md`, `scipy-2023-day-1.md`. */
  fileEvent?: EventName;
  /** The number of folders above the file. */
  depth: number;
}

export const isYearWord = (word: string) => YEAR.test(word);
export const isGenericWord = (word: string) => GENERIC_WORDS.has(word.toLowerCase());
const hasGenericWord = (segment: string) => segment.split(WORD_SEPARATOR).some(isGenericWord);

function fileEventOf(file: SegmentFacts): EventName | undefined {
  // "2016-05-pycon": a year and a month lead the name of a post.
  const rest =
    isYearWord(file.rest[0] ?? '') && /^\d\d?$/.test(file.rest[1] ?? '')
      ? [file.rest[0]!, ...file.rest.slice(2)]
      : file.rest;
  const year = rest.find(isYearWord);
  const words = rest.filter((word) => !isYearWord(word));
  if (year === undefined || !looksLikeEventName(words)) return undefined;
  const source = [...words, year].join(' ');
  return { name: toReadableName(source), slug: toSlug(source), year: Number(year), words };
}

/**
 * Reads a path's folders and file name for events. A year folder (or a file named only by a
 * year, `scipy/2023.md`) gives its year to the first named folder below it, else — when the file
 * does not name its own event — to the nearest named folder above it.
 */
export function readPath(path: string): PathReading {
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  const fileName = withoutNoteExtension(segments.pop() ?? '');
  const folders: NamedFolder[] = [];
  const yearDepths: { depth: number; year: number }[] = [];
  segments.forEach((segment, depth) => {
    if (isYearSegment(segment)) return void yearDepths.push({ depth, year: Number(segment) });
    const read = readSegment(segment);
    if (isStructural(read) || read.rest.length === 0) return;
    const year = yearIn(segment);
    folders.push({
      depth,
      segment,
      words: read.rest.filter((word) => !isYearWord(word)),
      ...(year !== undefined ? { year } : {}),
      generic: hasGenericWord(segment),
    });
  });
  if (isYearSegment(fileName)) yearDepths.push({ depth: segments.length, year: Number(fileName) });
  const fileEvent = isStructural(readSegment(fileName))
    ? undefined
    : fileEventOf(readSegment(fileName));
  for (const { depth, year } of yearDepths) {
    const below = folders.find((folder) => folder.depth > depth);
    const above = folders.filter((folder) => folder.depth < depth).at(-1);
    const target = below ?? (fileEvent ? undefined : above);
    if (target && target.year === undefined) target.year = year;
  }
  return { folders, ...(fileEvent ? { fileEvent } : {}), depth: segments.length };
}

/** The event a named folder is, when it has a year: "Fosdem 2019" (fosdem-2019). */
export function folderEvent(folder: NamedFolder): EventName | undefined {
  if (folder.year === undefined) return undefined;
  // The id keeps the folder's name as written; the name shown leaves out "notes" and the like.
  const shown = folder.generic ? folder.words.join(' ') : folder.segment;
  return {
    name: toReadableName(withYear(shown, folder.year)),
    slug: toSlug(withYear(folder.segment, folder.year)),
    year: folder.year,
    words: folder.words,
  };
}

/**
 * Facts from a path relative to the content folder, read alone (compile.ts then reads the
 * folders across files and the files' titles: `settleConferences`). The first folder with a year
 * (its own, or a year folder's beside it) names the conference: `notes/devoxx-2022/`,
 * `2019/fosdem/`, `jane-notes/2018/midwestjs/talks/`. Without one, a file whose name gives an
 * event and a year does (`ODSC/odsc-east-2015.md`), else the first named folder (`devconf/`).
 * Without any, the file's own name, less its day and date, names the conference — but gives no
 * `conferenceSlug`, which is reserved for folders, so front matter can still name the conference
 * of a loose file.
 */
export function factsFromPath(path: string): Partial<FileFacts> {
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  const fileName = withoutNoteExtension(segments.pop() ?? '');
  const facts: Partial<FileFacts> = {};
  for (const segment of segments.filter((s) => !isYearSegment(s))) {
    const read = readSegment(segment);
    if (isStructural(read)) applyStructure(facts, read);
  }
  const file = readSegment(fileName);
  applyStructure(facts, file);

  const reading = readPath(path);
  const event = reading.folders.map(folderEvent).find((found) => found !== undefined);
  const named = reading.folders[0];
  if (event) {
    Object.assign(facts, { conference: event.name, conferenceSlug: event.slug });
  } else if (reading.fileEvent) {
    // The file names its event: its day and date count too (`kubecon-2018-day-1.md`).
    if (file.day) facts.day = file.day;
    if (file.date) facts.date = file.date;
    facts.conference = reading.fileEvent.name;
    if (named) facts.conferenceSlug = reading.fileEvent.slug;
  } else if (named) {
    facts.conference = toReadableName(named.segment);
    facts.conferenceSlug = toSlug(named.segment);
  } else {
    // A loose file: keep its day and date, and let the rest of its name name the conference.
    if (file.day) facts.day = file.day;
    if (file.date) facts.date = file.date;
    const yearFolder = segments.find(isYearSegment);
    const rest = file.rest.join(' ');
    if (rest !== '') facts.conference = toReadableName(withYear(rest, yearFolder));
  }

  const year =
    event?.year ??
    yearIn(facts.conference) ??
    reading.folders[0]?.year ??
    numberOr(segments.find(isYearSegment)) ??
    yearIn(facts.date);
  if (year !== undefined) facts.year = year;
  return facts;
}

const numberOr = (text: string | undefined) => (text === undefined ? undefined : Number(text));

/** A front-matter `day` (2, "Day 2", "Friday") as a file's day. */
function toDay(day: FrontMatter['day']): FileFacts['day'] {
  if (day === undefined) return undefined;
  if (typeof day === 'number') return { label: `Day ${day}`, number: day };
  const parsed = parseDayLabel(day);
  if (!parsed) return { label: day };
  return parsed.number === undefined
    ? { label: parsed.label }
    : { label: parsed.label, number: parsed.number };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A file's facts: what its front matter states, then what its path suggests. The year comes from
 * front matter, else its date, else the conference's name ("PyCon 2015"), else the path.
 * `title` and `id` in front matter are about the file's talk, not the file, and are left to the
 * caller.
 */
export function mergeFacts(fromFrontMatter: FrontMatter, fromPath: Partial<FileFacts>): FileFacts {
  const fm = fromFrontMatter;
  const conference = fm.conference ?? fromPath.conference;
  const date = fm.date ?? fromPath.date;
  const year =
    fm.year ??
    yearIn(fm.date) ??
    yearIn(fm.conference) ??
    fromPath.year ??
    yearIn(fromPath.date) ??
    yearIn(fromPath.conference);
  return dropUndefined<FileFacts>({
    conference,
    conferenceSlug:
      fromPath.conferenceSlug ?? (conference === undefined ? undefined : toSlug(conference)),
    year,
    location: fm.location ?? fromPath.location,
    date,
    day: toDay(fm.day) ?? fromPath.day,
    track: fm.track ?? fromPath.track,
    tags: unique([...(fm.tags ?? []), ...(fromPath.tags ?? [])]),
    url: fm.url ?? fromPath.url,
    aliases: unique([...(fm.aliases ?? []), ...(fromPath.aliases ?? [])]),
  });
}
