/**
 * A note's structure: which headings are days, tracks and talks, and which lines belong to which.
 * Every non-blank line of the body ends up in exactly one section (a talk or a day note).
 */
import type { Link, Speaker } from '../../shared/bundle';
import { parseDayLabel } from './days';
import { type HeadingCandidate, type Line, WEAK_BOLD } from '../formats/headings';
import { formatNamed, type FormatName } from '../formats/index';
import { parseSpeakerLine, splitTitleAndSpeakers } from './speakers';
import type { FileFacts, ParsedNote, Section } from './types';

export interface NoteInput {
  /** Path relative to the content folder. */
  file: string;
  /** The text after any front matter. */
  body: string;
  /** File line number of the body's first line. */
  bodyLine: number;
  format: FormatName;
  facts: FileFacts;
}

type DayLabel = NonNullable<Section['day']>;

type Role =
  | { kind: 'day'; day: DayLabel }
  | { kind: 'talk'; title: string; speakers: Speaker[] }
  | { kind: 'note' }
  | { kind: 'plain' };

/**
 * Headings that head the day's own notes rather than a talk: a to-do list, a glossary, a wrap-up.
 * Matched against the whole heading, so "Links between services" is not caught by "links".
 */
const DAY_NOTE_HEADINGS =
  /^(?:wrap[ -]?up|(?:day|daily) (?:summary|wrap[ -]?up)|summary of the day|to[ -]?do(?: list)?|todos?|things to (?:google|look up|check(?: out)?|read|try|watch)|to google|glossary|table of contents|contents|toc|talks i missed|missed talks|talks to watch(?: later)?|notes to self|action items|follow[ -]?ups?|reading list|hallway track|lunch|breakfast|dinner|evening|after ?party|sponsors?|expo|exhibition|retour|bilan|à faire|fazit)\W*$/iu;

/** Words that make a heading a track or session when talks follow it ("Sysadmin miniconf"). */
const TRACK_WORDS =
  /\b(?:keynotes?|miniconf|track|room|stage|hall|session|workshops?|lightning talks?|plenary|salle|amphi|saal)\b/iu;

/** Numbers and times people write before a title: "A.", "3.", "10:00", "10h30 :", "Saturday 14:00 -". */
const TITLE_PREFIX =
  /^(?:(?:[A-Z]|\d{1,2}|[ivx]{1,4})[.)]\s+|(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?\d{1,2}(?:[:h.]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[:h.]\d{2})?)?\s*(?:am|pm)?\s*[:\-–|]?\s+(?=\S))/i;

const METADATA_LINE = /^\s*(?:\*\*|__)?(id|aliases|tags)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.+)$/i;
const LINK_DEFINITION = /^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+["'(].*["')])?\s*$/;
const TITLE_LINK = /\[([^\]]+)\](?:\(([^)\s]+)[^)]*\)|\[([^\]]*)\])?/g;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|=+)$/;

/** "3. Puppet in the cloud" → "Puppet in the cloud"; "10h30 : Ouverture" → "Ouverture". */
export function stripTitlePrefix(text: string): string {
  const stripped = text.replace(TITLE_PREFIX, '').trim();
  return stripped === '' ? text.trim() : stripped.replace(/\s*:$/, '');
}

/** A line under a title that says more about the talk: who spoke, its id, aliases or tags. */
export function isMetadataLine(text: string): boolean {
  return METADATA_LINE.test(text) || parseSpeakerLine(text) !== null;
}

/** What a heading's words say it is, before looking at its neighbours. */
export function classifyHeading(text: string): Role {
  const title = stripTitlePrefix(unlinkTitle(text));
  const split = splitTitleAndSpeakers(title);
  if (split) return { kind: 'talk', title: split.title, speakers: split.speakers };
  const day = parseDayLabel(title);
  if (day) return { kind: 'day', day: toDayLabel(day) };
  if (DAY_NOTE_HEADINGS.test(title)) return { kind: 'note' };
  return { kind: 'plain' };
}

function toDayLabel(day: { label: string; number?: number; date?: string }): DayLabel {
  return {
    label: day.label,
    ...(day.number !== undefined ? { number: day.number } : {}),
    ...(day.date !== undefined ? { date: day.date } : {}),
  };
}

/** "[Title](url) - Speaker" and "[Title] - Speaker" read as "Title - Speaker". */
function unlinkTitle(text: string): string {
  return text
    .replace(TITLE_LINK, (_, words: string) => words)
    .replace(/\*\*|__/g, '')
    .trim();
}

function findTitleLinks(text: string, definitions: ReadonlyMap<string, string>): Link[] {
  const links: Link[] = [];
  for (const match of text.matchAll(TITLE_LINK)) {
    const words = match[1]!;
    const url = match[2] ?? definitions.get((match[3] || words).toLowerCase());
    if (url) links.push({ url, text: words });
  }
  return links;
}

function readLinkDefinitions(lines: readonly Line[]): Map<string, string> {
  const definitions = new Map<string, string>();
  for (const line of lines) {
    const match = LINK_DEFINITION.exec(line.text);
    if (match) definitions.set(match[1]!.toLowerCase(), match[2]!);
  }
  return definitions;
}

function toLines(body: string, bodyLine: number): Line[] {
  return body.split('\n').map((text, index) => ({ text, number: bodyLine + index }));
}

interface Structural {
  heading: HeadingCandidate;
  role: Role;
  /** For a track heading whose first line names the talk ("Matthew Todd - Opensoure drug discovery"). */
  firstLineTalk?: { index: number; title: string; speakers: Speaker[] };
}

/** The first non-blank line after a heading, and its index. */
function firstLineAfter(lines: readonly Line[], heading: HeadingCandidate): number | null {
  for (let index = heading.index + heading.span; index < lines.length; index++) {
    if (lines[index]!.text.trim() !== '') return index;
  }
  return null;
}

/** The speakers named on the lines right under a title ("speaker: X", "- Jane Doe"). */
function speakersBelow(lines: readonly Line[], heading: HeadingCandidate): Speaker[] | null {
  const next = lines[heading.index + heading.span];
  return next ? parseSpeakerLine(next.text) : null;
}

/**
 * Decide each candidate's role in context. A heading that says nothing by itself is a track when
 * talks sit under it, a talk when its first line names the speaker (or when it simply heads notes),
 * and plain text when it is only a weak cue (a bold line, a short line).
 */
function resolveRoles(
  lines: readonly Line[],
  candidates: readonly HeadingCandidate[],
): Structural[] {
  const roles = candidates.map((heading): Role => {
    const role = classifyHeading(heading.text);
    if (role.kind === 'plain' || (role.kind === 'talk' && role.speakers.length === 0)) {
      const below = speakersBelow(lines, heading);
      if (below)
        return {
          kind: 'talk',
          title: stripTitlePrefix(unlinkTitle(heading.text)),
          speakers: below,
        };
    }
    return role;
  });
  const structural: Structural[] = [];
  let openTalkLevel: number | null = null;
  candidates.forEach((heading, position) => {
    const role = roles[position]!;
    if (openTalkLevel !== null && heading.level > openTalkLevel) return; // a sub-heading in the notes
    const strong = heading.level < WEAK_BOLD;
    const descendants = childrenOf(candidates, position);
    const hasTalkBelow = descendants.some((child) => roles[child]!.kind === 'talk');
    const hasDayBelow = descendants.some((child) => roles[child]!.kind === 'day');
    if (role.kind === 'talk') {
      structural.push({ heading, role });
      openTalkLevel = heading.level;
      return;
    }
    if (role.kind === 'day' || role.kind === 'note') {
      structural.push({ heading, role });
      openTalkLevel = null;
      return;
    }
    if (hasDayBelow && strong) {
      structural.push({ heading, role: { kind: 'note' } }); // a document title above the days
      openTalkLevel = null;
      return;
    }
    if (hasTalkBelow && (strong || TRACK_WORDS.test(heading.text))) {
      structural.push({ heading, role });
      openTalkLevel = null;
      return;
    }
    const nextHeading = candidates[position + 1]?.index ?? lines.length;
    const after = firstLineAfter(lines, heading);
    const first = after !== null && after < nextHeading ? after : null;
    const firstSplit =
      first === null ? null : splitTitleAndSpeakers(stripTitlePrefix(lines[first]!.text));
    if (first !== null && firstSplit && (strong || TRACK_WORDS.test(heading.text))) {
      structural.push({ heading, role, firstLineTalk: { index: first, ...firstSplit } });
      openTalkLevel = heading.level;
      return;
    }
    if (strong) {
      const title = stripTitlePrefix(unlinkTitle(heading.text));
      structural.push({ heading, role: { kind: 'talk', title, speakers: [] } });
      openTalkLevel = heading.level;
    }
  });
  return structural;
}

/** Positions of the candidates nested under candidate `position` (deeper, until one as shallow). */
function childrenOf(candidates: readonly HeadingCandidate[], position: number): number[] {
  const level = candidates[position]!.level;
  const children: number[] = [];
  for (
    let next = position + 1;
    next < candidates.length && candidates[next]!.level > level;
    next++
  ) {
    children.push(next);
  }
  return children;
}

interface OpenSection {
  section: Omit<Section, 'body' | 'startLine' | 'endLine'>;
  /** Index of the section's first line, and of its first body line. */
  start: number;
  bodyStart: number;
}

/** Split a note's body into talks and day notes. */
export function parseNote(input: NoteInput): ParsedNote {
  const lines = toLines(input.body, input.bodyLine);
  const definitions = readLinkDefinitions(lines);
  const candidates = formatNamed(input.format).findHeadings(lines, isMetadataLine);
  const structure = resolveRoles(lines, candidates);
  const headingLines = new Set(structure.map(({ heading }) => heading.index));
  const baseTrack = input.facts.track ? { name: input.facts.track } : undefined;
  let day: DayLabel | undefined = input.facts.day ? { ...input.facts.day } : undefined;
  const tracks: { level: number; name: string }[] = [];
  const opened: OpenSection[] = [];
  const currentTrack = () => (tracks.length > 0 ? { name: tracks.at(-1)!.name } : baseTrack);
  const open = (start: number, bodyStart: number, section: Partial<OpenSection['section']>) =>
    opened.push({
      start,
      bodyStart,
      section: {
        kind: 'note',
        speakers: [],
        aliases: [],
        tags: [],
        titleLinks: [],
        format: input.format,
        ...(day ? { day } : {}),
        ...section,
      },
    });

  open(0, 0, currentTrack() ? { track: currentTrack()! } : {});
  for (const { heading, role, firstLineTalk } of structure) {
    while (tracks.length > 0 && tracks.at(-1)!.level >= heading.level) tracks.pop();
    if (role.kind === 'day') {
      day = role.day;
      tracks.length = 0;
      open(heading.index, heading.index + heading.span, { ...trackOf(currentTrack()) });
    } else if (role.kind === 'note') {
      open(heading.index, heading.index + heading.span, {
        title: heading.text,
        ...trackOf(currentTrack()),
      });
    } else if (role.kind === 'plain') {
      tracks.push({ level: heading.level, name: stripTitlePrefix(heading.text) });
      open(heading.index, heading.index + heading.span, { ...trackOf(currentTrack()) });
      if (firstLineTalk) {
        openTalk(
          firstLineTalk.index,
          1,
          firstLineTalk.title,
          firstLineTalk.speakers,
          lines[firstLineTalk.index]!.text,
        );
      }
    } else {
      openTalk(
        heading.index,
        heading.span,
        role.title,
        role.speakers,
        heading.text,
        heading.explicitId,
      );
    }
  }

  function openTalk(
    index: number,
    span: number,
    title: string,
    speakers: Speaker[],
    rawTitle: string,
    explicitId?: string,
  ) {
    const meta = readMetadataLines(lines, index + span, headingLines);
    const keynoteTrack =
      /\bkeynote\b/i.test(title) && !currentTrack() ? { name: 'Keynote' } : currentTrack();
    open(index, meta.next, {
      kind: 'talk',
      title,
      speakers: mergeSpeakers(speakers, meta.speakers),
      aliases: meta.aliases,
      tags: meta.tags,
      titleLinks: findTitleLinks(rawTitle, definitions),
      ...trackOf(keynoteTrack),
      ...((explicitId ?? meta.id) ? { explicitId: (explicitId ?? meta.id)! } : {}),
    });
  }

  const sections = opened
    .map((entry, position) =>
      closeSection(lines, entry, opened[position + 1]?.start ?? lines.length),
    )
    .filter((section): section is Section => section !== null);
  return {
    file: input.file,
    facts: input.facts,
    sections: applyFileDate(sections, input.facts.date),
    linkDefinitions: lines
      .filter((line) => LINK_DEFINITION.test(line.text))
      .map((line) => line.text),
  };
}

/** Speakers in the title, then any others named on the line under it. */
function mergeSpeakers(inTitle: Speaker[], below: Speaker[]): Speaker[] {
  const named = new Set(inTitle.map((speaker) => speaker.name));
  return [...inTitle, ...below.filter((speaker) => !named.has(speaker.name))];
}

function trackOf(track: { name: string } | undefined): { track?: { name: string } } {
  return track ? { track } : {};
}

interface Metadata {
  next: number;
  speakers: Speaker[];
  aliases: string[];
  tags: string[];
  id?: string;
}

/** Consume the speaker, id, aliases and tags lines directly under a title. */
function readMetadataLines(
  lines: readonly Line[],
  from: number,
  headingLines: ReadonlySet<number>,
): Metadata {
  const meta: Metadata = { next: from, speakers: [], aliases: [], tags: [] };
  for (let index = from; index < lines.length && !headingLines.has(index); index++) {
    const text = lines[index]!.text;
    const field = METADATA_LINE.exec(text);
    const speakers = meta.speakers.length === 0 ? parseSpeakerLine(text) : null;
    if (field) {
      const values = field[2]!.split(/\s*,\s*/).filter((value) => value !== '');
      const key = field[1]!.toLowerCase();
      if (key === 'id') meta.id = field[2]!.trim();
      else if (key === 'aliases') meta.aliases.push(...values);
      else meta.tags.push(...values);
    } else if (speakers) {
      meta.speakers = speakers;
    } else {
      break;
    }
    meta.next = index + 1;
  }
  return meta;
}

/**
 * Close a section at `end` (exclusive). Blank lines and trailing rules at its edges are trimmed
 * from the range; a note section with nothing in it is dropped, but a talk with no notes is kept
 * ("Migrating to the cloud" was attended; nothing was written).
 */
function closeSection(lines: readonly Line[], entry: OpenSection, end: number): Section | null {
  let last = end - 1;
  while (last >= entry.bodyStart && isIgnorable(lines[last]!.text)) last--;
  let first = entry.bodyStart;
  while (first <= last && lines[first]!.text.trim() === '') first++;
  const body =
    first <= last
      ? lines
          .slice(first, last + 1)
          .map((line) => line.text)
          .join('\n')
      : '';
  if (entry.section.kind === 'note' && body === '' && entry.start === entry.bodyStart) return null;
  const endIndex = Math.max(last, entry.bodyStart - 1, entry.start);
  let startIndex = entry.start;
  while (startIndex < endIndex && lines[startIndex]!.text.trim() === '') startIndex++;
  return {
    ...entry.section,
    body,
    startLine: lines[startIndex]!.number,
    endLine: lines[Math.max(endIndex, startIndex)]!.number,
  };
}

/** Blank lines and section rules (`---`) at the end of a section are layout, not notes. */
function isIgnorable(text: string): boolean {
  return text.trim() === '' || THEMATIC_BREAK.test(text.trim());
}

/** A file's date belongs to its day when the file holds one day. */
function applyFileDate(sections: Section[], date: string | undefined): Section[] {
  if (!date) return sections;
  const labels = new Set(sections.map((section) => section.day?.label ?? ''));
  if (labels.size > 1) return sections;
  return sections.map((section) =>
    section.day?.date
      ? section
      : { ...section, day: { label: section.day?.label ?? date, ...section.day, date } },
  );
}
