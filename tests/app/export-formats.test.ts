import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { toCsv, toCsvField } from '../../src/features/export/csv';
import type { ExportItem, ExportList } from '../../src/features/export/export-item';
import { foldLine, parseTalkTime, toICalendar } from '../../src/features/export/ics';
import { toMarkdown, toMarkdownText } from '../../src/features/export/markdown';
import type { CatalogTalk, Conference } from '../../src/shared/bundle';
import { toCatalogTalk } from '../../src/shared/catalog';
import { lca, lcaDay2, makeTalk, pycon } from './timeline-fixtures';

const lcaConference: Conference = {
  id: lca,
  name: 'linux.conf.au 2018',
  year: 2018,
  location: 'Sydney, Australia',
  days: [lcaDay2],
  tracks: [],
  talkCount: 2,
};

const card = (talk: Parameters<typeof makeTalk>[0], extra: Partial<CatalogTalk> = {}) => ({
  ...toCatalogTalk(makeTalk(talk)),
  ...extra,
});

const keynote = card(
  {
    conference: lca,
    day: lcaDay2,
    title: 'Keynote; "Containers", at scale',
    speakers: [{ name: 'Jane Doe', affiliation: 'ACME' }, { name: 'Ann Lee' }],
    track: 'Main hall',
    tags: ['docker'],
  },
  { time: '9:30-10:15am', session: 'Keynote' },
);
const allDay = card({ conference: lca, day: lcaDay2, title: 'Ünïcode everywhere' });
const noDate = card({
  conference: pycon,
  day: { id: lcaDay2.id, label: 'Day 2' },
  title: 'No date',
});

const item = (talk: CatalogTalk, notes: string): ExportItem => ({
  talk,
  conference: talk.conference === lca ? lcaConference : undefined,
  url: `https://notes.example/talks/${talk.id}`,
  notes,
});

const list = (...items: ExportItem[]): ExportList => ({
  title: 'Starred talks',
  items,
  exportedAt: new Date('2026-12-07T20:30:05Z'),
});

describe('CSV (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['', ''],
  ])('toCsvField(%j) is %j', (value, field) => expect(toCsvField(value)).toBe(field));

  it('writes a header and one row per talk, CRLF ends, notes with their line breaks', () => {
    const csv = toCsv(list(item(keynote, 'First line\nsecond, "quoted"'), item(noDate, '')));
    expect(csv).toBe(
      'Title,Speakers,Conference,Day,Date,Time,Session,Track,Tags,Link,Notes\r\n' +
        '"Keynote; ""Containers"", at scale","Jane Doe (ACME), Ann Lee",linux.conf.au 2018,Day 2,2018-01-23,9:30-10:15am,Keynote,Main hall,docker,' +
        'https://notes.example/talks/lca-2018/keynote-containers-at-scale,"First line\r\nsecond, ""quoted"""\r\n' +
        'No date,,pycon-2015,Day 2,,,,,,https://notes.example/talks/pycon-2015/no-date,\r\n',
    );
  });
});

describe('Markdown', () => {
  it('gives each talk a heading, its facts, a link and its notes', () => {
    expect(toMarkdown(list(item(keynote, 'Notes *here*.\n\n# not a heading'), item(noDate, ''))))
      .toBe(`# Starred talks

2 talks, exported 2026-12-07.

## Keynote; "Containers", at scale

- Speakers: Jane Doe (ACME), Ann Lee
- Conference: linux.conf.au 2018 (Sydney, Australia)
- Day: Day 2, 2018-01-23, 9:30-10:15am
- Session: Keynote
- Track: Main hall
- Link: <https://notes.example/talks/lca-2018/keynote-containers-at-scale>

Notes \\*here\\*.

\\# not a heading

## No date

- Conference: pycon-2015
- Day: Day 2
- Link: <https://notes.example/talks/pycon-2015/no-date>

_No notes were taken for this talk._
`);
  });

  it.each([
    ['- a list item', '\\- a list item'],
    ['1. numbered', '1\\. numbered'],
    ['> quoted', '\\> quoted'],
    ['---', '\\---'],
    ['a_b [c] <d>', 'a\\_b \\[c\\] \\<d\\>'],
    ['        code-like', '   code-like'],
  ])('keeps %j as text: %j', (text, markdown) => expect(toMarkdownText(text)).toBe(markdown));
});

describe('iCalendar (RFC 5545)', () => {
  it.each([
    ['11:35', { start: { hour: 11, minute: 35 } }],
    ['10h30', { start: { hour: 10, minute: 30 } }],
    ['14h', { start: { hour: 14, minute: 0 } }],
    ['9am', { start: { hour: 9, minute: 0 } }],
    ['12pm', { start: { hour: 12, minute: 0 } }],
    ['2:00-3:30pm', { start: { hour: 14, minute: 0 }, end: { hour: 15, minute: 30 } }],
    ['10h à 11h', { start: { hour: 10, minute: 0 }, end: { hour: 11, minute: 0 } }],
    ['14:00 – 14:45', { start: { hour: 14, minute: 0 }, end: { hour: 14, minute: 45 } }],
    ['15:00-14:00', { start: { hour: 15, minute: 0 } }],
    ['25:00', undefined],
    ['11', undefined],
  ])('parseTalkTime(%j)', (text, time) => expect(parseTalkTime(text)).toEqual(time));

  it('folds lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'é'.repeat(80)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(parts.map((part, at) => (at === 0 ? part : part.slice(1))).join('')).toBe(line);
  });

  it('reads back with ical.js: a timed event, an all-day event, the undated talk left out', () => {
    const notes = `Long notes; with commas, semicolons and a backslash \\ ${'word '.repeat(40)}\nline two`;
    const { text, undated } = toICalendar(
      list(item(keynote, notes), item(allDay, ''), item(noDate, 'x')),
      'notes.example',
    );
    expect(undated.map((left) => left.talk.title)).toEqual(['No date']);
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);

    // ical.js types its parse result `any`: one calendar is one jCal array.
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Lanyard//Conference notes//EN');
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(
      events.map((event) => ({
        uid: event.uid,
        summary: event.summary,
        start: event.startDate.toString(),
        end: event.endDate.toString(),
        allDay: event.startDate.isDate,
        location: event.location,
      })),
    ).toEqual([
      {
        uid: 'lca-2018/keynote-containers-at-scale@notes.example',
        summary: 'Keynote; "Containers", at scale',
        start: '2018-01-23T09:30:00',
        end: '2018-01-23T10:15:00',
        allDay: false,
        location: 'linux.conf.au 2018, Sydney, Australia',
      },
      {
        uid: `${allDay.id}@notes.example`,
        summary: 'Ünïcode everywhere',
        start: '2018-01-23',
        end: '2018-01-24',
        allDay: true,
        location: 'linux.conf.au 2018, Sydney, Australia',
      },
    ]);
    expect(events[0]!.description).toBe(
      `Speakers: Jane Doe (ACME), Ann Lee\n\nhttps://notes.example/talks/lca-2018/keynote-containers-at-scale\n\n${notes}`,
    );
    const stamp = calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp');
    expect(String(stamp)).toBe('2026-12-07T20:30:05Z');
    expect(events[0]!.component.getFirstPropertyValue('categories')).toBe('Keynote');
  });
});
