/**
 * What people write around a talk's title: a time ("11:35 -", "14h :", "10h30"), a number in a
 * sequence ("A.", "3.", "Talk 3 -"), a session label ("Keynote -", "Lightning talk:", "(tools
 * plenary)"). Each goes to its own field; the title is what is left. Pure.
 */
import { memoizeLine } from './memo';

export interface NumberMark {
  /** "letter" (A., B.), "number" (1., 2.), "roman" (I., II.) or "talk" (Talk 3, Session 2). */
  style: 'letter' | 'number' | 'roman' | 'talk';
  value: number;
}

export interface TitleParts {
  title: string;
  /** The session label was written before the title ("Keynote: …"), not after it. */
  sessionFirst?: boolean;
  /** The words after any time and number, session label included ("Keynote: Jane Doe"). */
  unlabelled: string;
  time?: string;
  session?: string;
  number?: NumberMark;
}

const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?\\s+)?';
const CLOCK = '\\d{1,2}(?:[:.]\\d{2}|h\\d{0,2})\\s*(?:am|pm)?|\\d{1,2}\\s*(?:am|pm)';
/** "11:35 - ", "14h : ", "10h30 ", "9am: ", "(10:00-10:45) ", "Saturday 14:00 -". */
const TIME = new RegExp(
  `^[[(]?${WEEKDAY}((?:${CLOCK})(?:\\s*(?:[-–—]|to|à)\\s*(?:${CLOCK}))?)[\\])]?\\s*(?:[-–—:|,/]\\s*)?(?=\\S)`,
  'i',
);
/** "Title | Speaker (9am)", "(~2:10pm)": a time in brackets at the end. */
const TIME_END = new RegExp(
  `\\s*\\(~?((?:${CLOCK})(?:\\s*(?:[-–—]|to)\\s*(?:${CLOCK}))?)\\)\\s*$`,
  'i',
);
const LETTER = /^([A-Z])[.)]\s+(?=\S)/;
const ROMAN = /^([IVX]{1,5})[.)]\s+(?=\S)/;
const NUMBER = /^(\d{1,2})[.)](?:\s+|\s*[-–—:]\s*)(?=\S)/;
const TALK_NUMBER =
  /^(?:talk|session|part|track|conf(?:érence)?|présentation|presentation|vortrag|#)\s*(\d{1,2})\s*(?:[-–—:.|)]\s*|\s+(?=\S))/i;

/** Session types people write before a title. */
const SESSION_WORDS =
  '(?:opening |closing |ending |final |morning |afternoon |friday |saturday |sunday |day \\d |invited )?(?:keynote|hands[- ]on|lightning talks?|lightning|workshop|tutorial|panel(?: discussion)?|talk|plenary|fireside chat|birds of a feather|bof|demo|short talk|long talk|invited talk|conférence|atelier|table ronde|plénière|pleniere|quickie|tools in action|hands-on lab|university|miniconf|track|session|opening|closing|ouverture|clôture|conférence de clôture|conférence d.ouverture|conférence plénière)';
const SESSION_PREFIX = new RegExp(
  `^(${SESSION_WORDS})\\s*(?:[-–—:|]\\s*|\\s+[-–—]\\s+)(?=\\S)`,
  'iu',
);
/** "(tools plenary)", "[Keynote]" at either end. */
const SESSION_BRACKET_END = new RegExp(
  `\\s*[[(]((?:[\\p{L}-]+\\s+){0,2}${SESSION_WORDS})[\\])]\\s*$`,
  'iu',
);
const SESSION_BRACKET_START = new RegExp(
  `^[[(]((?:[\\p{L}-]+\\s+){0,2}${SESSION_WORDS})[\\])]\\s*`,
  'iu',
);

const SESSION_ONLY = new RegExp(`^${SESSION_WORDS}$`, 'iu');

/** "Keynote", "Friday Keynote", "Lightning talks": a session type and nothing else ("Talk" aside). */
export function isSessionLabel(text: string): boolean {
  return (
    SESSION_ONLY.test(text.trim()) &&
    !/^(?:talk|opening|closing|ouverture|clôture|track|session)$/i.test(text.trim())
  );
}

const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10 };

function romanValue(text: string): number {
  let total = 0;
  for (let index = 0; index < text.length; index++) {
    const value = ROMAN_VALUES[text[index]!]!;
    const next = ROMAN_VALUES[text[index + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

function readNumber(text: string): { mark: NumberMark; rest: string } | null {
  const talk = TALK_NUMBER.exec(text);
  if (talk)
    return { mark: { style: 'talk', value: Number(talk[1]) }, rest: text.slice(talk[0].length) };
  const roman = ROMAN.exec(text);
  if (roman && roman[1]!.length > 1) {
    return {
      mark: { style: 'roman', value: romanValue(roman[1]!) },
      rest: text.slice(roman[0].length),
    };
  }
  const letter = LETTER.exec(text);
  if (letter) {
    return {
      mark: { style: 'letter', value: letter[1]!.charCodeAt(0) - 64 },
      rest: text.slice(letter[0].length),
    };
  }
  const number = NUMBER.exec(text);
  if (number)
    return {
      mark: { style: 'number', value: Number(number[1]) },
      rest: text.slice(number[0].length),
    };
  return null;
}

/**
 * Split a heading's words into time, number, session label and title. A part is taken off only
 * when something is left after it: "Keynote" alone stays the title, and so does "Keynote: Jane
 * Doe" (a session type and a person: the caller reads the person).
 */
export const readTitleParts = memoizeLine(splitTitleParts);

function splitTitleParts(text: string): TitleParts {
  let rest = text.trim();
  const parts: Omit<TitleParts, 'title' | 'unlabelled'> = {};
  const time = TIME.exec(rest);
  if (time && rest.length > time[0].length) {
    parts.time = time[1]!.replace(/\s+/g, ' ').trim();
    rest = rest.slice(time[0].length);
  }
  const number = readNumber(rest);
  if (number && number.rest.trim() !== '') {
    parts.number = number.mark;
    rest = number.rest;
  }
  if (!parts.time) {
    const late = TIME.exec(rest);
    if (late && rest.length > late[0].length) {
      parts.time = late[1]!.replace(/\s+/g, ' ').trim();
      rest = rest.slice(late[0].length);
    }
  }
  const timeEnd = parts.time ? null : TIME_END.exec(rest);
  if (timeEnd && timeEnd.index > 0) {
    parts.time = timeEnd[1]!.replace(/\s+/g, ' ').trim();
    rest = rest.slice(0, timeEnd.index);
  }
  const unlabelled = rest.trim().replace(/\s*:$/, '') || text.trim();
  const bracketStart = SESSION_BRACKET_START.exec(rest);
  const session = bracketStart ?? SESSION_PREFIX.exec(rest);
  if (session && rest.length > session[0].length) {
    parts.session = session[1]!.trim();
    parts.sessionFirst = true;
    rest = rest.slice(session[0].length);
  }
  const bracketEnd = SESSION_BRACKET_END.exec(rest);
  if (bracketEnd && bracketEnd.index > 0) {
    parts.session ??= bracketEnd[1]!.trim();
    rest = rest.slice(0, bracketEnd.index);
  }
  // A title written in quotes ("“Why Is My Container So Big?”") is the words inside them.
  const title = rest
    .trim()
    .replace(/\s*:$/, '')
    .replace(/^["“«]\s*([^"“”«»]+?)\s*["”»]$/u, '$1');
  return { ...parts, unlabelled, title: title === '' ? unlabelled : title };
}
