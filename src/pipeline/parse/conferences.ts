/**
 * Which conference each file belongs to, read across all the files: one folder may hold several
 * events, and a file's title may name its event.
 *
 *   odsc/east-2015.md, odsc/west-2016.md       "Odsc East 2015" and "Odsc West 2016": the folder is
 *                                              a series, each file an event
 *   jane-notes/normconf-2022.md                "Normconf 2022"
 *   jane-notes/scipy/2023.md  (# SciPy 2023)   "SciPy 2023"
 *   jane-notes/ODSC/odsc-east-2015.md          "Open Data Science East 2015" when its H1 says
 *     (# Open Data Science East (2015))        so: a title naming an event and a year wins
 *   events-2016/east-2016.md, west-2016.md     two events: a folder whose files name different
 *                                              events is a collection, not a conference
 *   pycon-2015/day-1.md, day-2.md              one event, two days
 *
 * Front matter that names the conference always wins.
 */
import { toSlug } from '../../shared/ids';
import {
  findDayWords,
  folderEvent,
  isGenericWord,
  isYearWord,
  looksLikeEventName,
  readPath,
  toReadableName,
  type EventName,
  type NamedFolder,
  type PathReading,
} from './path-facts';
import type { EventHints, ParsedNote } from './types';

/** An event as a title names it, its year when the title (or the file's front matter) gives one. */
export interface TitleEvent {
  name: string;
  words: string[];
  year?: number;
}

/** " - ", " | ", ": " and ", " separate a title's parts ("KubeCon 2018 - Day 1"). */
const TITLE_PARTS = /\s+[-–—|:]\s+|:\s+|,\s+/;
const NOTES_FROM = /^(?:my\s+)?notes?\s+(?:from|on|of|at)\s+/i;

/**
 * "Open Data Science East (2015)", "CSHL Immunology 2023 - Session 1", "NextGen Omics Day 1",
 * "linux.conf.au - Day 1": the event a title names, without its day or session. A title that
 * reads as a sentence ("How we scaled in 2019") names no event.
 */
export function eventInTitle(title: string, ownYear?: number): TitleEvent | undefined {
  const plain = title
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\(\s*((?:19|20)\d\d)\s*\)/g, '$1')
    .trim()
    .replace(NOTES_FROM, '');
  const parts = plain
    .split(TITLE_PARTS)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const part = parts.find((text) => text.split(/\s+/).some(isYearWord)) ?? parts[0];
  if (part === undefined) return undefined;
  const allWords = part.split(/\s+/);
  const words = (findDayWords(allWords)?.rest ?? allWords).filter((word) => !isGenericWord(word));
  // "PyCon 2016 in Portland", "Strange Loop 2017 highlights": the event is what leads to the year.
  const at = words.findIndex(isYearWord);
  const leading = at > 0 ? words.slice(0, at) : words.filter((word) => !isYearWord(word));
  // "DEF CON 27": an edition's number is not part of the name.
  const nameWords = leading.filter((word) => !/^\d+$/.test(word));
  if (!looksLikeEventName(nameWords)) return undefined;
  const year = at < 0 ? ownYear : Number(words[at]);
  return { name: nameWords.join(' '), words: nameWords, ...(year !== undefined ? { year } : {}) };
}

const bare = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** "sys" and "Systems", "odsc" and "ODSC": one word, spelt in full or cut short. */
function sameWord(a: string, b: string): boolean {
  const [x, y] = [bare(a), bare(b)];
  if (x === y) return true;
  return Math.min(x.length, y.length) >= 3 && (x.startsWith(y) || y.startsWith(x));
}

/**
 * Two spellings of one name: the same letters ("DEF CON", "defcon"), or as many words, each the
 * same ("cshl sys immunol", "CSHL Systems Immunology").
 */
function sameName(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (bare(a.join('')) === bare(b.join(''))) return true; // "DEF CON" and "defcon"
  return a.length === b.length && a.every((word, index) => sameWord(word, b[index]!));
}

const named = (title: TitleEvent, year: number): string => `${title.name} ${year}`;

/** The folder path down to and including a folder, to tell folders of the same name apart. */
function folderKey(file: string, depth: number): string {
  return file
    .split('/')
    .slice(0, depth + 1)
    .join('/');
}

/** The events a path names by itself, top first: folders with a year, then the file's name. */
function pathEvents(reading: PathReading): { depth: number; event: EventName }[] {
  const folders = reading.folders.flatMap((folder) => {
    const event = folderEvent(folder);
    return event ? [{ depth: folder.depth, event }] : [];
  });
  const file = reading.fileEvent ? [{ depth: reading.depth, event: reading.fileEvent }] : [];
  return [...folders, ...file];
}

/** "cshl-sys-immunol-2023-session-1" is of "cshl-sys-immunol-2023": the same year, its name first. */
function extendsEvent(event: EventName, of: EventName): boolean {
  return (
    event.year === of.year &&
    of.words.length <= event.words.length &&
    of.words.every((word, index) => sameWord(word, event.words[index]!))
  );
}

/**
 * Folders that hold several events: the files' paths below them name two or more different
 * events (different names or years), or one that is not the folder's own ("travel-2016/" holding
 * only "velocity-2016/"). Titles are left out here: two files of one event may spell it two ways
 * ("LCA 2018", "linux.conf.au 2018"), while folder and file names are the user's own filing.
 */
function findCollections(readings: ReadonlyMap<string, PathReading>): Set<string> {
  const folders = new Map<string, { own: EventName; below: Map<string, EventName> }>();
  for (const [file, reading] of readings) {
    const events = pathEvents(reading);
    events.forEach(({ depth, event }, index) => {
      const below = events.slice(index + 1).find((next) => next.depth > depth);
      if (!below || depth === reading.depth) return;
      const key = folderKey(file, depth);
      const folder = folders.get(key) ?? { own: event, below: new Map<string, EventName>() };
      folder.below.set(below.event.slug, below.event);
      folders.set(key, folder);
    });
  }
  const collections = new Set<string>();
  for (const [key, { own, below }] of folders) {
    const [only] = below.values();
    if (below.size >= 2 || (only && !extendsEvent(only, own))) collections.add(key);
  }
  return collections;
}

interface Settled {
  conference: string;
  conferenceSlug: string;
  year: number;
}

/** A folder that names a series ("odsc/"): no year, and not someone's notes ("jane-notes/"). */
function seriesFolder(reading: PathReading): NamedFolder | undefined {
  const parent = reading.folders.at(-1);
  if (!parent || parent.depth !== reading.depth - 1) return undefined;
  return parent.year === undefined && !parent.generic ? parent : undefined;
}

/** The event a file names itself: by its title with a year, else by its name. */
function fileLevelEvent(reading: PathReading, title: TitleEvent | undefined): Settled | undefined {
  const fromName = reading.fileEvent;
  if (title?.year !== undefined) {
    const name = named(title, title.year);
    return { conference: name, conferenceSlug: fromName?.slug ?? toSlug(name), year: title.year };
  }
  if (!fromName) return undefined;
  // "odsc/east-2015.md" is ODSC's: a series folder's name goes before a file name without it.
  const series = seriesFolder(reading);
  const prefixed =
    series && !fromName.words.some((word) => series.words.some((s) => sameWord(word, s)))
      ? series
      : undefined;
  const words = prefixed ? [...prefixed.words, ...fromName.words] : fromName.words;
  const slug = prefixed ? toSlug(`${prefixed.segment}-${fromName.slug}`) : fromName.slug;
  if (title && sameName(title.words, words)) {
    return { conference: named(title, fromName.year), conferenceSlug: slug, year: fromName.year };
  }
  if (prefixed) {
    const name = `${toReadableName(prefixed.segment)} ${fromName.name}`;
    return { conference: name, conferenceSlug: slug, year: fromName.year };
  }
  return { conference: fromName.name, conferenceSlug: fromName.slug, year: fromName.year };
}

function settleOne(
  file: string,
  reading: PathReading,
  hints: EventHints,
  collections: ReadonlySet<string>,
): Settled | undefined {
  const title = hints.title === undefined ? undefined : eventInTitle(hints.title, hints.statedYear);
  const folder = reading.folders.find(
    (candidate) =>
      candidate.year !== undefined && !collections.has(folderKey(file, candidate.depth)),
  );
  const event = folder && folderEvent(folder);
  if (event) {
    // The folder is the event; a title naming an event of its year, or spelling its name, names
    // it better ("strata-2018/" holding "# Strata Data Conference 2018").
    const spelled =
      title &&
      (title.year === undefined ? sameName(title.words, event.words) : title.year === event.year);
    return {
      conference: spelled ? named(title, event.year) : event.name,
      conferenceSlug: event.slug,
      year: event.year,
    };
  }
  return fileLevelEvent(reading, title);
}

/**
 * Every note's conference, name, slug and year, settled across the files; notes whose front
 * matter names their conference, and notes nothing here names (`devconf/day-1.md`: the path's
 * own reading stands), are left as they are.
 */
export function settleConferences(notes: readonly ParsedNote[]): ParsedNote[] {
  const readings = new Map(notes.map((note) => [note.file, readPath(note.file)]));
  const collections = findCollections(readings);
  return notes.map((note) => {
    const hints = note.event ?? { statedConference: false };
    if (hints.statedConference) return note;
    const settled = settleOne(note.file, readings.get(note.file)!, hints, collections);
    if (!settled) return note;
    return {
      ...note,
      facts: { ...note.facts, ...settled, year: hints.statedYear ?? settled.year },
    };
  });
}
