/**
 * Recognising text that names a day of a conference, and nothing else: "Day 2", "Friday",
 * "Jour 2", "2018-01-23", "Day 2 - Tuesday 23 January". Used for headings, lines, folder and file
 * names. A title that merely starts with a day ("Day 2 Operations with Containers") is not a day.
 */
import { wordTable } from '../../shared/lookup';

export interface DayLabel {
  /** As shown: "Day 2", "Jour 2", "Friday", "Tuesday 23 January", "2018-01-23". */
  label: string;
  /** 1-based day of the conference, when the text says it. */
  number?: number;
  /** ISO date, when the text gives a full date (or a day and month, and a year is known). */
  date?: string;
  /** English weekday name ("Monday"), whatever language the text was in. */
  weekday?: string;
}

export interface ParseDayOptions {
  /** Year to complete a date written without one ("Tuesday 23 January"). */
  year?: number;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// Full names in English, French, German, Dutch and Spanish, by weekday index (0 = Sunday).
const WEEKDAY_NAMES: ReadonlyArray<readonly string[]> = [
  ['sunday', 'dimanche', 'sonntag', 'zondag', 'domingo'],
  ['monday', 'lundi', 'montag', 'maandag', 'lunes'],
  ['tuesday', 'mardi', 'dienstag', 'dinsdag', 'martes'],
  ['wednesday', 'mercredi', 'mittwoch', 'woensdag', 'miércoles', 'miercoles'],
  ['thursday', 'jeudi', 'donnerstag', 'donderdag', 'jueves'],
  ['friday', 'vendredi', 'freitag', 'vrijdag', 'viernes'],
  ['saturday', 'samedi', 'samstag', 'sonnabend', 'zaterdag', 'sábado', 'sabado'],
];

// Abbreviations ("Tue") are common in dated headings but are ordinary words alone ("Sun", "Sat"),
// so they count only beside another part of a day ("Tue 23 Jan").
const WEEKDAY_ABBREVIATIONS: ReadonlyArray<readonly string[]> = [
  ['sun'],
  ['mon'],
  ['tue', 'tues'],
  ['wed'],
  ['thu', 'thur', 'thurs'],
  ['fri'],
  ['sat'],
];

const MONTH_NAMES: ReadonlyArray<readonly string[]> = [
  ['january', 'jan', 'janvier', 'januar', 'enero'],
  ['february', 'feb', 'février', 'fevrier', 'februar', 'febrero'],
  ['march', 'mar', 'mars', 'märz', 'marz', 'marzo'],
  ['april', 'apr', 'avril', 'abril'],
  ['may', 'mai', 'mayo'],
  ['june', 'jun', 'juin', 'juni', 'junio'],
  ['july', 'jul', 'juillet', 'juli', 'julio'],
  ['august', 'aug', 'août', 'aout', 'agosto'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre'],
  ['october', 'oct', 'octobre', 'oktober', 'octubre'],
  ['november', 'nov', 'novembre', 'noviembre'],
  ['december', 'dec', 'décembre', 'decembre', 'dezember', 'diciembre'],
];

/** The word for "day" in each language, as the label shows it. */
const DAY_NOUNS = wordTable({
  day: 'Day',
  jour: 'Jour',
  journée: 'Jour',
  journee: 'Jour',
  tag: 'Tag',
  dag: 'Dag',
  día: 'Día',
  dia: 'Dia',
  giorno: 'Giorno',
});

const NUMBER_WORDS = wordTable({
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  eins: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
});

const ORDINAL_WORDS = wordTable({
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  premier: 1,
  première: 1,
  premiere: 1,
  deuxième: 2,
  deuxieme: 2,
  seconde: 2,
  troisième: 3,
  troisieme: 3,
  quatrième: 4,
  quatrieme: 4,
  cinquième: 5,
  cinquieme: 5,
  erster: 1,
  erste: 1,
  zweiter: 2,
  zweite: 2,
  dritter: 3,
  dritte: 3,
  vierter: 4,
  vierte: 4,
  primer: 1,
  primero: 1,
  segundo: 2,
  tercer: 3,
  tercero: 3,
  cuarto: 4,
  quinto: 5,
});

// Ordinals before the noun take the noun's language: "1er jour", "2e journée", "2. Tag", "1st day".
const NUMERIC_ORDINAL = /^(\d{1,2})(?:st|nd|rd|th|er|re|ère|ere|e|ème|eme|\.|º|°)?$/u;
const DAY_NUMBER = /^\d{1,2}$/;
/** "day-2", "day2", "jour_2": the form day folders and file names take. */
const JOINED_DAY = /^(day|jour|journée|journee|tag|dag|día|dia|giorno)[-_]?(\d{1,2})$/u;
/** "J2", French shorthand for "Jour 2". */
const FRENCH_SHORT_DAY = /^j(\d{1,2})$/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR = /^(19|20)\d\d$/;
const DAY_OF_MONTH = /^(\d{1,2})(?:st|nd|rd|th|er|\.)?$/u;
/** Words that may join the parts of a date ("23 de enero", "the 23rd of January"). */
const FILLER_WORDS = new Set(['de', 'of', 'the', 'le', 'der', 'den']);

type Part =
  | { kind: 'number'; noun: string; number: number }
  | { kind: 'weekday'; weekday: number; abbreviated: boolean }
  | { kind: 'date'; year?: number; month: number; day: number };

interface Match {
  part: Part;
  length: number;
}

function findIndex(table: ReadonlyArray<readonly string[]>, word: string): number {
  return table.findIndex((names) => names.includes(word));
}

function capitalize(word: string): string {
  return word.charAt(0).toLocaleUpperCase() + word.slice(1);
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function toIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function weekdayOfDate(iso: string): string | undefined {
  const match = ISO_DATE.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDate(year, month, day)) return undefined;
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
}

function matchDayNumber(words: readonly string[], at: number): Match | null {
  const [first = '', second = ''] = words.slice(at, at + 2);
  const joined = JOINED_DAY.exec(first) ?? FRENCH_SHORT_DAY.exec(first);
  if (joined) {
    const noun = joined.length === 3 ? (DAY_NOUNS[joined[1] ?? ''] ?? 'Day') : 'Jour';
    return numberPart(noun, Number(joined[joined.length - 1]), 1);
  }
  const noun = DAY_NOUNS[first];
  if (noun) {
    const number = DAY_NUMBER.test(second) ? Number(second) : NUMBER_WORDS[second];
    return number === undefined ? null : numberPart(noun, number, 2);
  }
  const secondNoun = DAY_NOUNS[second];
  if (!secondNoun) return null;
  const ordinal = NUMERIC_ORDINAL.exec(first);
  const number = ordinal ? Number(ordinal[1]) : ORDINAL_WORDS[first];
  return number === undefined ? null : numberPart(secondNoun, number, 2);
}

function numberPart(noun: string, number: number, length: number): Match | null {
  return number > 0 ? { part: { kind: 'number', noun, number }, length } : null;
}

function matchWeekday(words: readonly string[], at: number): Match | null {
  const word = (words[at] ?? '').replace(/\.$/, '');
  const full = findIndex(WEEKDAY_NAMES, word);
  if (full >= 0) return { part: { kind: 'weekday', weekday: full, abbreviated: false }, length: 1 };
  const short = findIndex(WEEKDAY_ABBREVIATIONS, word);
  if (short >= 0)
    return { part: { kind: 'weekday', weekday: short, abbreviated: true }, length: 1 };
  return null;
}

function matchIsoDate(words: readonly string[], at: number): Match | null {
  const match = ISO_DATE.exec(words[at] ?? '');
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDate(year, month, day)) return null;
  return { part: { kind: 'date', year, month, day }, length: 1 };
}

function monthAt(words: readonly string[], at: number): number {
  return findIndex(MONTH_NAMES, (words[at] ?? '').replace(/\.$/, '')) + 1;
}

/** Skips filler words ("de", "of") from `at`, returning the next index that is not one. */
function skipFiller(words: readonly string[], at: number): number {
  let index = at;
  while (FILLER_WORDS.has(words[index] ?? '')) index++;
  return index;
}

function yearAt(words: readonly string[], at: number): number | undefined {
  const word = words[at] ?? '';
  return YEAR.test(word) ? Number(word) : undefined;
}

/** "23 January [2018]", "23. Januar", "23 de enero", "January 23[rd] [2018]". */
function matchNamedDate(words: readonly string[], at: number): Match | null {
  const dayFirst = DAY_OF_MONTH.exec(words[at] ?? '');
  if (dayFirst) {
    const monthIndex = skipFiller(words, at + 1);
    const month = monthAt(words, monthIndex);
    if (month > 0)
      return datePart(Number(dayFirst[1]), month, words, skipFiller(words, monthIndex + 1), at);
  }
  const month = monthAt(words, at);
  const dayAfter = DAY_OF_MONTH.exec(words[at + 1] ?? '');
  if (month > 0 && dayAfter) return datePart(Number(dayAfter[1]), month, words, at + 2, at);
  return null;
}

function datePart(
  day: number,
  month: number,
  words: readonly string[],
  yearIndex: number,
  start: number,
): Match | null {
  const year = yearAt(words, yearIndex);
  if (day < 1 || !isRealDate(year ?? 2000, month, day)) return null;
  const end = year === undefined ? yearIndex : yearIndex + 1;
  const part: Part =
    year === undefined ? { kind: 'date', month, day } : { kind: 'date', year, month, day };
  return { part, length: end - start };
}

const MATCHERS = [matchDayNumber, matchIsoDate, matchNamedDate, matchWeekday];

/** Reads the whole of `words` as parts of a day, or null when any word is something else. */
function matchParts(words: readonly string[]): Part[] | null {
  const parts: Part[] = [];
  let at = 0;
  while (at < words.length) {
    if (parts.length > 0 && FILLER_WORDS.has(words[at] ?? '')) {
      at++;
      continue;
    }
    const match = MATCHERS.map((matcher) => matcher(words, at)).find((m) => m !== null);
    if (!match) return null;
    parts.push(match.part);
    at += match.length;
  }
  return parts;
}

/** Lower-case words, with separators (" - ", ":", ",", "|", brackets) dropped. */
function toWords(text: string): string[] {
  return text
    .toLocaleLowerCase()
    .replace(/\s[-–—]\s|[–—:;,|()[\]/]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word !== '');
}

/** Emphasis and trailing punctuation around a day ("**Day 2:**") are not part of it. */
function cleanLabel(text: string): string {
  return text
    .trim()
    .replace(/^[*_\s]+|[*_\s]+$/g, '')
    .replace(/[\s:.,;–—-]+$/u, '')
    .replace(/\s+/g, ' ');
}

function findPart<K extends Part['kind']>(
  parts: readonly Part[],
  kind: K,
): Extract<Part, { kind: K }> | undefined {
  return parts.find((part): part is Extract<Part, { kind: K }> => part.kind === kind);
}

function resolveDate(parts: readonly Part[], options: ParseDayOptions): string | undefined {
  const date = findPart(parts, 'date');
  const year = date?.year ?? options.year;
  if (!date || year === undefined || !isRealDate(year, date.month, date.day)) return undefined;
  return toIsoDate(year, date.month, date.day);
}

function isDayOnlyParts(parts: readonly Part[]): boolean {
  if (parts.length === 0) return false;
  const kinds = parts.map((part) => part.kind);
  if (new Set(kinds).size !== kinds.length) return false;
  const weekday = findPart(parts, 'weekday');
  return !(weekday?.abbreviated && parts.length === 1);
}

/**
 * The day `text` names, or null when it is anything more or less than a day. The label of a
 * numbered day is normalised ("day two", "day-2" → "Day 2"; "1er jour", "J1" → "Jour 1") so that
 * the same day written two ways is one day; other labels keep the text as written, capitalised.
 */
export function parseDayLabel(text: string, options: ParseDayOptions = {}): DayLabel | null {
  const written = cleanLabel(text);
  const parts = matchParts(toWords(written));
  if (!parts || !isDayOnlyParts(parts)) return null;

  const numbered = findPart(parts, 'number');
  const date = resolveDate(parts, options);
  const weekdayPart = findPart(parts, 'weekday');
  const weekday = weekdayPart
    ? WEEKDAYS[weekdayPart.weekday]
    : date
      ? weekdayOfDate(date)
      : undefined;

  const result: DayLabel = {
    label: numbered ? `${numbered.noun} ${numbered.number}` : capitalize(written),
  };
  if (numbered) result.number = numbered.number;
  if (date) result.date = date;
  if (weekday) result.weekday = weekday;
  return result;
}

/** The English weekday a day label or ISO date names ("Lundi" → "Monday"), if it names one. */
export function weekdayOf(label: string): string | undefined {
  return parseDayLabel(label)?.weekday;
}

/** True when `text` names a day and nothing else. */
export function isDayLabel(text: string): boolean {
  return parseDayLabel(text) !== null;
}
