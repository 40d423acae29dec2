/**
 * A list of talks as an iCalendar file (RFC 5545): one VEVENT per talk on its day, at the time the
 * notes give (a floating local time: the notes name no time zone), else all day. Talks with no
 * date cannot be placed and are returned apart. Pure.
 */
import { conferenceName, speakerLine, type ExportItem, type ExportList } from './export-item';

/** A time of day: 0–23 and 0–59. */
export interface Clock {
  hour: number;
  minute: number;
}

const CLOCK = /^(\d{1,2})(?:\s*[:.h]\s*(\d{2})?)?\s*([ap])?\.?\s*m?\.?$/i;

function readClock(text: string): { clock: Clock; meridiem?: 'a' | 'p'; marked: boolean } | null {
  const match = CLOCK.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  const meridiem = match[3]?.toLowerCase() as 'a' | 'p' | undefined;
  // "11" alone is a number, not a time: a separator or am/pm says it is one.
  const marked = /[:.h]/i.test(text) || meridiem !== undefined;
  if (minute > 59 || hour > (meridiem ? 12 : 23) || (meridiem && hour === 0)) return null;
  return { clock: { hour, minute }, ...(meridiem ? { meridiem } : {}), marked };
}

const to24 = ({ hour, minute }: Clock, meridiem: 'a' | 'p' | undefined): Clock => ({
  hour: meridiem === undefined ? hour : (hour % 12) + (meridiem === 'p' ? 12 : 0),
  minute,
});

const minutesOf = (clock: Clock) => clock.hour * 60 + clock.minute;

/**
 * The start (and end, for a range) of a time as the notes write it: "11:35", "10h30", "14h",
 * "9am", "2:00-3:30pm", "10h à 11h", "14:00 – 14:45". Undefined when it is not a time of day.
 */
export function parseTalkTime(text: string): { start: Clock; end?: Clock } | undefined {
  const [first = '', second] = text.split(/\s*[-–—]\s*|\s+(?:to|à)\s+/i);
  const start = readClock(first);
  if (!start?.marked) return undefined;
  const end = second === undefined ? null : readClock(second);
  // "2:00-3:30pm": the start takes the end's am/pm when that keeps it before the end.
  let startMeridiem = start.meridiem;
  if (!startMeridiem && end?.meridiem) {
    const guess = to24(start.clock, end.meridiem);
    if (minutesOf(guess) <= minutesOf(to24(end.clock, end.meridiem))) startMeridiem = end.meridiem;
  }
  const from = to24(start.clock, startMeridiem);
  if (!end) return { start: from };
  const to = to24(end.clock, end.meridiem);
  return minutesOf(to) > minutesOf(from) ? { start: from, end: to } : { start: from };
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, line breaks. */
export function escapeText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // Control characters are not allowed in a TEXT value (tab aside).
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/[\\;,]/g, '\\$&')
      .replace(/\n/g, '\\n')
  );
}

const encoder = new TextEncoder();
const octets = (text: string) => encoder.encode(text).length;

/**
 * Folds a content line longer than 75 octets (RFC 5545 §3.1): CRLF and a space before each
 * continuation, never inside a UTF-8 sequence (or a surrogate pair).
 */
export function foldLine(line: string): string {
  if (octets(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const length = octets(char);
    // The first line holds 75 octets; each continuation, 74 after its leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (size + length > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += length;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `20260123T093000Z`: a UTC DATE-TIME, for DTSTAMP. */
export const toUtcStamp = (date: Date): string =>
  `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(
    date.getUTCHours(),
  )}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2018-01-23` → `20180123`, and the day after (an all-day event's DTEND is exclusive). */
function datesOf(iso: string): { day: string; next: string } | undefined {
  const match = ISO_DATE.exec(iso);
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return undefined;
  const next = new Date(date.getTime() + 24 * 60 * 60 * 1000);
  const compact = (d: Date) =>
    `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  return { day: compact(date), next: compact(next) };
}

const localTime = (day: string, clock: Clock) => `${day}T${pad(clock.hour)}${pad(clock.minute)}00`;

function description(item: ExportItem): string {
  const speakers = speakerLine(item.talk);
  return [speakers ? `Speakers: ${speakers}` : '', item.url, item.notes.trim()]
    .filter(Boolean)
    .join('\n\n');
}

function eventLines(item: ExportItem, stamp: string, host: string): string[] | undefined {
  const { talk } = item;
  const dates = talk.day.date ? datesOf(talk.day.date) : undefined;
  if (!dates) return undefined;
  const time = talk.time ? parseTalkTime(talk.time) : undefined;
  const when = time
    ? [
        `DTSTART:${localTime(dates.day, time.start)}`,
        ...(time.end ? [`DTEND:${localTime(dates.day, time.end)}`] : []),
      ]
    : [`DTSTART;VALUE=DATE:${dates.day}`, `DTEND;VALUE=DATE:${dates.next}`];
  const location = [conferenceName(item), item.conference?.location].filter(Boolean).join(', ');
  return [
    'BEGIN:VEVENT',
    // The talk's id is stable across rebuilds, so a re-import updates the event, not doubles it.
    `UID:${talk.id}@${host}`,
    `DTSTAMP:${stamp}`,
    ...when,
    `SUMMARY:${escapeText(talk.title)}`,
    `DESCRIPTION:${escapeText(description(item))}`,
    `LOCATION:${escapeText(location)}`,
    ...(talk.session || talk.track
      ? [
          `CATEGORIES:${[talk.session, talk.track?.name]
            .filter(Boolean)
            .map((c) => escapeText(c!))
            .join(',')}`,
        ]
      : []),
    `URL:${item.url}`,
    // An all-day talk does not block the reader's day.
    ...(time ? [] : ['TRANSP:TRANSPARENT']),
    'END:VEVENT',
  ];
}

/**
 * The calendar, and the talks left out of it for want of a date. `host` names the site in each
 * event's UID (`lca-2018/keynote@notes.example`).
 */
export function toICalendar(
  list: ExportList,
  host: string,
): { text: string; undated: ExportItem[] } {
  const stamp = toUtcStamp(list.exportedAt);
  const undated: ExportItem[] = [];
  const events: string[] = [];
  for (const item of list.items) {
    const lines = eventLines(item, stamp, host);
    if (lines) events.push(...lines);
    else undated.push(item);
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Lanyard//Conference notes//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(list.title)}`,
    ...events,
    'END:VCALENDAR',
  ];
  return { text: `${lines.map(foldLine).join('\r\n')}\r\n`, undated };
}
