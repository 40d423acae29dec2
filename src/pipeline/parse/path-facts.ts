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
  'sessions',
  'summary',
  'recap',
  'log',
  'raw',
  'draft',
  'and',
  'my',
  'conference',
  'conferences',
  'confs',
  'events',
  'blog',
  'posts',
  'misc',
]);

/**
 * The last word of a track's file or folder name. "track" only says what the thing is, so it is
 * dropped ("sysadmin-track" → "Sysadmin"); "miniconf" and "summit" are part of the name by
 * custom ("Sysadmin miniconf", as the notes write it).
 */
const TRACK_WORDS: Readonly<Record<string, boolean>> = {
  track: false,
  miniconf: true,
  summit: true,
};

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

function yearIn(text: string | undefined): number | undefined {
  const match = text === undefined ? null : YEAR_IN_TEXT.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** The longest run of words that names a day, with the words before and after it. */
function findDayWords(
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
  if (last === undefined || !(last in TRACK_WORDS) || words.length < 2) return null;
  const nameWords = TRACK_WORDS[last] ? words : words.slice(0, -1);
  return { track: toTrackName(nameWords), rest: [] };
}

/** What one folder or file name says: a day, a date, a track, and whatever words are left. */
function readSegment(segment: string): SegmentFacts {
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

function isYearSegment(segment: string): boolean {
  return YEAR.test(segment);
}

/** True when a segment is only a day, date or track, so it says nothing about the conference. */
function isStructural(facts: SegmentFacts): boolean {
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

function withYear(slugSource: string, year: string | undefined): string {
  return year === undefined || yearIn(slugSource) !== undefined
    ? slugSource
    : `${slugSource}-${year}`;
}

/**
 * Facts from a path relative to the content folder. The first folder that is not a year, day,
 * date or track names the conference (a year folder beside it joins the name, so FOSDEM 2019 and
 * 2020 stay apart). Without such a folder the file's own name, less its day and date, names the
 * conference — but gives no `conferenceSlug`, which is reserved for folders, so front matter can
 * still name the conference of a loose file.
 */
export function factsFromPath(path: string): Partial<FileFacts> {
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  const fileName = withoutNoteExtension(segments.pop() ?? '');
  const yearFolder = segments.find(isYearSegment);
  const facts: Partial<FileFacts> = {};
  let conferenceFolder: string | undefined;

  for (const segment of segments.filter((s) => !isYearSegment(s))) {
    const read = readSegment(segment);
    if (isStructural(read)) applyStructure(facts, read);
    // A folder of generic words ("my-conference-notes", "blog") names no conference.
    else if (read.rest.length > 0) conferenceFolder ??= segment;
  }
  const file = readSegment(fileName);
  applyStructure(facts, file);

  if (conferenceFolder !== undefined) {
    // One folder, several events: "odsc/east-2015.md" and "odsc/west-2016.md" are two conferences,
    // named by the folder and the file's own words when the file carries the year.
    const fileRest = file.rest.join('-');
    const ownEvent =
      yearFolder === undefined &&
      yearIn(conferenceFolder) === undefined &&
      yearIn(fileRest) !== undefined;
    const name = ownEvent
      ? `${conferenceFolder}-${fileRest}`
      : withYear(conferenceFolder, yearFolder);
    facts.conference = toReadableName(name);
    facts.conferenceSlug = toSlug(name);
  } else {
    // A loose file: keep its day and date, and let the rest of its name name the conference.
    if (file.day) facts.day = file.day;
    if (file.date) facts.date = file.date;
    const rest = file.rest.join(' ');
    if (rest !== '') facts.conference = toReadableName(withYear(rest, yearFolder));
  }

  const year =
    yearIn(facts.conference) ?? (yearFolder ? Number(yearFolder) : undefined) ?? yearIn(facts.date);
  if (year !== undefined) facts.year = year;
  return facts;
}

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
