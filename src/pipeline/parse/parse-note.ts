/**
 * A note's structure: which headings are days, tracks and talks, and which lines belong to which.
 * Every non-blank line of the body ends up in exactly one section (a talk or a day note).
 */
import { stripInlineMarkup } from './inline-markup';
import { isYearWord, toReadableName } from './path-facts';
import type { Link, Speaker } from '../../shared/bundle';
import { parseDayLabel } from './days';
import {
  findFencedLines,
  readAtxHeading,
  type HeadingCandidate,
  type HeadingCues,
  type Line,
  WEAK_BOLD,
  WEAK_LINE,
} from '../formats/headings';
import { formatNamed, type FormatName } from '../formats/index';
import { toSlug } from '../../shared/ids';
import {
  parseLeadingBy,
  looksLikeLooseName,
  parseNameLine,
  parsePersonHeading,
  parseSpeakerLine,
  parseSpeakerList,
  isStrictPeople,
  plainWords,
  splitTitleAndSpeakers,
} from './speakers';
import { isSessionLabel, readTitleParts, type NumberMark } from './title-parts';
import { memoizeLine } from './memo';
import { findLinkBulletTalks, findProseTalks } from './prose-talks';
import { isGroupTitle, readBulletParts, speakersOfParts, type TalkPart } from './talk-parts';
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
  /** What the compiler knows about the file (its name, its front matter). */
  hints?: Partial<FileHints>;
}

type DayLabel = NonNullable<Section['day']>;

/** What a heading's words say about the talk besides its title. */
interface TalkMarks {
  time?: string;
  session?: string;
  number?: NumberMark;
}

type Role =
  | { kind: 'day'; day: DayLabel }
  | ({ kind: 'talk'; title: string; speakers: Speaker[]; parts?: TalkPart[] } & TalkMarks)
  | { kind: 'note' }
  /** A document's own title above its talks: its text is a day note, it names no track. */
  | { kind: 'title' }
  | ({ kind: 'plain'; title: string } & TalkMarks);

/**
 * Headings that head the day's own notes rather than a talk: a to-do list, a glossary, a wrap-up,
 * the conference's practical details, a break. Matched against the whole heading, so "Links
 * between services" is not caught by "links".
 */
const DAY_NOTE_HEADINGS =
  /^(?:(?:my |random |other |general |misc(?:ellaneous)? |final |personal |closing )?(?:wrap[ -]?up|summary|thoughts|notes|impressions|conclusions?|takeaways|remarks|observations)|(?:day|daily) (?:summary|wrap[ -]?up|notes)|summary of the day|to[ -]?do(?: list)?|todos?|(?:things|stuff) to (?:google|look up|look into|check(?: out)?|read|try|watch|investigate|follow up(?: on)?)(?: later| after| next)?|to google|overall|housekeeping|food|drinks|snacks|raffle|open spaces?|posters?|(?:coffee|tea) (?:and|&) posters|(?:talks )?to watch(?: on video| later| online)?|ce que je retiens|what i learned|key learnings|my takeaways|(?:[\p{L} ]+ )?sign[- ]?ups?|(?:[\p{L} ]+ )?orientation|(?:morning|afternoon) tea|expo(?: hall| floor| notes)?|hallway(?: track)?|before|during|after|afterwards|packing|checklist|to read|to watch|to investigate|glossary|table of contents|contents|toc|index|talks i missed|missed talks|talks to watch(?: later)?|notes to self|action items|follow[ -]?ups?|next steps|reading list|further reading|hallway track|(?:coffee |lunch |afternoon |morning )?break|lunch(?: break)?|breakfast|dinner|evening|after ?party|social(?: event)?|reception|party|registration|sponsors?|expo|exhibition|booths?|swag|venue|travel|logistics|accommodation|hotel|(?:conference |event )?(?:details|info(?:rmation)?|overview)|about(?: the (?:conference|event))?|schedule|agenda|programme|program|links|resources|references|tools|tooling|tools (?:list|mentioned)|libraries|books|people(?: to follow)?|(?:my )?(?:questions|ideas)|misc|miscellaneous|random|other|retour|retours|bilan|conclusion générale|à faire|a faire|à lire|à creuser|à regarder|a regarder|à voir|divers|outils|liens|ressources|références|glossaire|pause(?: café| déjeuner)?|déjeuner|dejeuner|petit[- ]déjeuner|soirée|accueil|infos? pratiques|informations pratiques|programme|sommaire|notes diverses|en vrac|fazit|sonstiges|links und ressourcen|welcome|welcoming|welcome (?:remarks|words|note)|vendors?|vendor (?:hall|booths?)|exhibitors|(?:l')?ambiance|atmosph[eè]re|(?:ce qui a|qu'est-ce qui a) changé|bilan (?:de la journée|du jour|de la conf(?:érence)?)|résumé de la journée|en résumé|impressions générales|about the (?:talks|event|venue)|sobre (?:o evento|as palestras|a conferência)(?: em geral)?|o evento|as palestras)\W*$/iu;

/** "Lunch + hallway track", "Venue & travel", "Notes / follow-ups": every part a day-note heading. */
export function isDayNoteHeading(text: string): boolean {
  const parts = text
    .split(/\s*(?:[+&/,]|\band\b|\bet\b)\s*/iu)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return parts.length > 0 && parts.every((part) => DAY_NOTE_HEADINGS.test(part));
}

/** Words that make a heading a track or session when talks follow it ("Sysadmin miniconf"). */
const TRACK_WORDS =
  /\b(?:keynotes?|miniconf|track|room|stage|hall|session|sessions|workshops?|lightning talks?|plenary|salle|amphi|saal|morning|afternoon|matin|après-midi|talks|conférences|tutorials?)\b/iu;

/** Headings that name a whole event or a day's notes: a document title, not a talk. */
const EVENT_WORDS =
  /\b(?:(?:19|20)\d\d|conf|con|conference|conférence|summit|days?|meetup|fest|festival|camp|symposium|forum|week|expo|recap|report|trip|notes|journal|live ?blog|summary|edition|édition)\b|\w+(?:conf|con|camp|fest)\b/iu;

/** "QConSP 2018", "PyCon recap": words that name an event or a report on one, not a talk. */
export function namesAnEvent(text: string): boolean {
  return EVENT_WORDS.test(text);
}

/** Sub-headings people use inside one talk's notes ("Intro", "Q&A", "Takeaways"). */
const SUBSECTION_WORDS =
  /^(?:intro(?:duction)?|overview|summary|background|context|motivation|problem|the problem|problems|solution|solutions|approach|demo|demos|architecture|design|implementation|results?|evaluation|benchmarks?|q ?& ?a|q and a|questions|takeaways?|key (?:points|takeaways|ideas)|main points|lessons(?: learned)?|conclusions?|summary|notes|slides|video|links|resources|references|further reading|tl;?dr|why|how|what|who|when|tools|examples?|details|recap|next steps|future(?: work)?|pros|cons|pros and cons|challenges|history|goals?|agenda|outline|definitions?|bio|about|abstract|description)\W*$/iu;

const METADATA_LINE =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(id|aliases|tags)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.+)$/i;
const LINK_DEFINITION = /^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+["'(].*["')])?\s*$/;
const TITLE_LINK = /\[([^\]]+)\](?:\(([^)\s]+)[^)]*\)|\[([^\]]*)\])?/g;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|=+)$/;

/** How many non-blank lines under a title are searched for a speaker line. */
const SPEAKER_WINDOW = 6;

/** "3. Puppet in the cloud" → "Puppet in the cloud"; "10h30 : Ouverture" → "Ouverture". */
export function stripTitlePrefix(text: string): string {
  return readTitleParts(text).title;
}

/** A line under a title that says more about the talk: who spoke, its id, aliases or tags. */
export function isMetadataLine(text: string): boolean {
  return METADATA_LINE.test(text) || parseSpeakerLine(text) !== null;
}

function marksOf(parts: TalkMarks): TalkMarks {
  return {
    ...(parts.time !== undefined ? { time: parts.time } : {}),
    ...(parts.session !== undefined ? { session: parts.session } : {}),
    ...(parts.number !== undefined ? { number: parts.number } : {}),
  };
}

/**
 * A plain-text line that reads as a title even with its notes right under it: a title and its
 * speaker, a time or number before words, a day, a section of the day's notes.
 */
function isTitleLine(text: string): boolean {
  if (/[.!?]$/.test(text.trim()) || text.trim().split(/\s+/).length > 20) return false;
  const role = classifyHeading(text);
  if (role.kind === 'talk') return role.speakers.length > 0;
  if (role.kind === 'day' || role.kind === 'note') return true;
  return role.kind === 'plain' && (role.time !== undefined || role.number !== undefined);
}

/** What a heading's words say it is, before looking at its neighbours. */
export const classifyHeading = memoizeLine(readRole);

function readRole(text: string): Role {
  const parts = readTitleParts(unlinkTitle(text));
  // "Conf EU - Day 2", "Tuesday – DevOpsDays": a day of the event, not a talk by "Conf EU".
  const dayPart = parts.unlabelled.split(DASHES).length > 1 ? dayInParts(parts.unlabelled) : null;
  if (dayPart) return { kind: 'day', day: toDayLabel(dayPart) };
  // "Lundi 18 avril : arrivée", "Day 1: getting there": a day, then a few words about it.
  const dayThen = /^([^:]{3,40}?)\s*:\s+(\S.{0,40})$/u.exec(parts.unlabelled);
  const dayFirst = dayThen ? parseDayLabel(dayThen[1]!) : null;
  if (dayFirst && dayThen![2]!.split(/\s+/).length <= 4 && !splitTitleAndSpeakers(dayThen![2]!))
    return { kind: 'day', day: toDayLabel(dayFirst) };
  const person = parsePersonHeading(parts.unlabelled);
  if (person) {
    const title = person.map((speaker) => speaker.name).join(', ');
    return { kind: 'talk', title, speakers: person, ...marksOf(parts) };
  }
  const split = splitTitleAndSpeakers(parts.unlabelled);
  if (split) {
    // "Keynote: Jane Doe" is a session type and a person: the heading stays whole ("Friday
    // Keynote: Catherine Bracy, Code for America" names an organisation, which no title holds).
    if (isSessionLabel(split.title) && split.speakers.every((speaker) => !speaker.affiliation)) {
      return { kind: 'talk', title: parts.unlabelled, speakers: split.speakers, ...marksOf(parts) };
    }
    // "Keynote - Big ideas - Jane Doe": the session label comes off the title once the person has.
    const inner = readTitleParts(split.title);
    const keepWhole = inner.title === split.title || !inner.session;
    return {
      kind: 'talk',
      title: keepWhole ? split.title : inner.title,
      speakers: split.speakers,
      ...marksOf({ ...parts, ...(keepWhole ? {} : { session: inner.session }) }),
    };
  }
  const day = parseDayLabel(parts.unlabelled);
  if (day) return { kind: 'day', day: toDayLabel(day) };
  if (isDayNoteHeading(parts.unlabelled) || isDayNoteHeading(parts.title)) return { kind: 'note' };
  // "Keynote: Jane Doe" keeps its label: the person is read as its speaker.
  const sessionAndPerson = parts.sessionFirst ? parseSpeakerList(parts.title) : null;
  const title = sessionAndPerson ? parts.unlabelled : parts.title;
  return { kind: 'plain', title, ...marksOf(parts) };
}

const DASHES = /\s+[-–—]{1,2}\s+/u;

/** The one part of a dashed heading that names a day, when another part names the event. */
function dayInParts(text: string): ReturnType<typeof parseDayLabel> {
  const parts = text.split(DASHES);
  const days = parts.map((part) => parseDayLabel(part));
  const found = days.filter((day) => day !== null);
  if (found.length !== 1 || parts.length > 3) return null;
  const others = parts.filter((_, index) => days[index] === null);
  return others.every((part) => namesAnEvent(part) || looksLikeEventTitle(part)) ? found[0]! : null;
}

/** A short capitalised phrase or a name with a year: "Conf EU", "Summit 2019", "DevOpsDays". */
function looksLikeEventTitle(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length <= 5 && words.every((word) => /^[\p{Lu}\d]/u.test(word));
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
  return stripInlineMarkup(
    text
      .replace(/^[\p{Extended_Pictographic}\u{FE0F}\u{200D}\s]+/u, '')
      .replace(TITLE_LINK, (_, words: string) => words),
  ).trim();
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

/** The speakers found under a title, and the line that named them. */
interface Found {
  speakers: Speaker[];
  index: number;
}

/**
 * The speakers named under a title, before the next heading: the first line alone when it is only
 * people ("Jane Doe, Acme", "*Jane Doe*"), or a "speaker: X" line (in any of its forms) among the
 * first few lines.
 */
function speakersBelow(
  lines: readonly Line[],
  heading: HeadingCandidate,
  end: number,
): Found | null {
  let seen = 0;
  for (let index = heading.index + heading.span; index < end && seen < SPEAKER_WINDOW; index++) {
    const text = lines[index]!.text;
    if (text.trim() === '' || THEMATIC_BREAK.test(text.trim())) continue;
    seen++;
    // "- Jane Doe" names the speaker only right under the title; further down it is a list item.
    const atx = readAtxHeading(text);
    const line = atx ? atx.text : text;
    const labelled = parseSpeakerLine(line, { bullets: index === heading.index + heading.span });
    if (labelled) return { speakers: labelled, index };
    if (seen === 1) {
      const named =
        parseNameLine(line) ?? parseLeadingBy(line) ?? (atx ? parsePersonHeading(line) : null);
      if (named) {
        // Only lines shaped like the first ("Name, Workplace"): a bare company line is not a person.
        const more = named.every((speaker) => speaker.affiliation)
          ? namesOnNextLines(lines, index + 1, end)
          : [];
        return { speakers: [...named, ...more], index };
      }
    }
  }
  return null;
}

/** "Caile Collens, YouTube" / "Noah Wang, Google": one person a line, right under the first. */
function namesOnNextLines(lines: readonly Line[], from: number, end: number): Speaker[] {
  const found: Speaker[] = [];
  for (let index = from; index < Math.min(end, from + 4); index++) {
    const text = lines[index]!.text;
    const named = text.trim() === '' || readAtxHeading(text) ? null : parseNameLine(text);
    if (!named?.every((speaker) => speaker.affiliation)) break;
    found.push(...named);
  }
  return found;
}

/** A heading's words that only name speakers: "Speaker: Jane Doe", "*Jane Doe, Acme*". */
function isSpeakerText(text: string): boolean {
  return parseSpeakerLine(text, { bullets: false }) !== null || parseNameLine(text) !== null;
}

/**
 * "# JSON API: your weapon" then "## Steve Klabnik - @ - 6 May 2015": a person heading one level
 * down, right under a title, with no other person heading beside it, names the title's speaker.
 * Several of them side by side are keynote notes headed by each person.
 */
function isLonePersonBelow(candidates: readonly HeadingCandidate[], position: number): boolean {
  const heading = candidates[position]!;
  const below = candidates[position + 1];
  if (!below || below.level <= heading.level || !parsePersonHeading(below.text)) return false;
  return !candidates
    .slice(position + 2)
    .some((other) => other.level === below.level && parsePersonHeading(other.text));
}

/**
 * "# Open Mic" / "## Ana Ruiz" / "## Bo Lee - Queues Explained": a person heading beside headings
 * that are talks with speakers is a talk of its own, not the speaker line of the title above it.
 */
function isBesideTalks(candidates: readonly HeadingCandidate[], position: number): boolean {
  const heading = candidates[position]!;
  const parent = candidates.findLastIndex(
    (other, index) => index < position && other.level < heading.level,
  );
  const parentLevel = parent === -1 ? 0 : candidates[parent]!.level;
  // The people under "Panel discussion" are its panellists.
  if (parent !== -1 && /\bpanel/i.test(candidates[parent]!.text)) return false;
  for (let index = parent + 1; index < candidates.length; index++) {
    const other = candidates[index]!;
    if (index > position && other.level <= parentLevel) break;
    if (index === position || other.level !== heading.level) continue;
    const role = classifyHeading(other.text);
    const titled = role.kind === 'talk' && parseSpeakerList(role.title) === null;
    if (titled && role.speakers.length > 0 && !parsePersonHeading(other.text)) return true;
  }
  return false;
}

/** A heading as read on its own and with the lines right under it. */
interface Reading {
  role: Role;
  /** The line under it that named its speakers, when they were not in the heading. */
  speakerLine?: number;
  /** It says by itself that it is a talk: a speaker, a number in a sequence, a time, a session. */
  evidence: boolean;
}

function readHeading(
  lines: readonly Line[],
  candidates: readonly HeadingCandidate[],
  position: number,
): Reading {
  const heading = candidates[position]!;
  const role = classifyHeading(heading.text);
  // A speaker line written as a heading ("## *Speaker: Jane Doe*") is read as the line it is.
  let next = position + 1;
  // An underlined heading is a title, whatever its words ("Continuous Delivery" / "-----").
  while (
    next < candidates.length &&
    candidates[next]!.span === 1 &&
    isSpeakerText(candidates[next]!.text) &&
    !(candidates[next]!.level > heading.level && isBesideTalks(candidates, next))
  )
    next++;
  if (
    next === position + 1 &&
    isLonePersonBelow(candidates, position) &&
    !isBesideTalks(candidates, next)
  )
    next++;
  const end = candidates[next]?.index ?? lines.length;
  if (role.kind === 'plain' || (role.kind === 'talk' && role.speakers.length === 0)) {
    const below = speakersBelow(lines, heading, end);
    if (below) {
      return {
        role: { ...role, kind: 'talk', speakers: below.speakers },
        speakerLine: below.index,
        evidence: true,
      };
    }
  }
  if (role.kind === 'talk') return { role, evidence: true };
  if (role.kind === 'plain' && isGroupTitle(heading.text)) {
    // "Lightning talks" over bullets that each name their speakers.
    const body = lines.slice(heading.index + heading.span, end).map((line) => line.text);
    const parts = readBulletParts(body);
    if (parts) {
      return {
        role: { ...role, kind: 'talk', speakers: speakersOfParts(parts), parts },
        evidence: true,
      };
    }
  }
  if (role.kind === 'plain') {
    const marked =
      role.number !== undefined || role.time !== undefined || role.session !== undefined;
    return { role, evidence: marked };
  }
  return { role, evidence: false };
}

const DASH_END = /^(.+?)\s+[-–—]{1,2}\s+([^-–—]+)$/u;

/**
 * A file that writes "Title - Speaker" in its headings writes it throughout, people whose names
 * are in lower case included ("Understanding Channels - ayo bankole"): in such a file a lower-case
 * name at the end of a heading is its speaker.
 */
function withLowercaseSpeakers(
  candidates: readonly HeadingCandidate[],
  readings: readonly Reading[],
): Reading[] {
  const speakerAtEnd = readings.filter(({ role }, position) => {
    if (role.kind !== 'talk' || role.speakers.length === 0) return false;
    const end = DASH_END.exec(unlinkTitle(candidates[position]!.text))?.[2];
    return end !== undefined && end.includes(role.speakers[0]!.name.split(' ')[0]!);
  }).length;
  if (speakerAtEnd < 2) return [...readings];
  return readings.map((reading, position) => {
    const split = DASH_END.exec(readTitleParts(unlinkTitle(candidates[position]!.text)).unlabelled);
    const name = split?.[2]?.trim();
    if (!split || !name || name !== name.toLowerCase() || !looksLikeLooseName(name)) return reading;
    if (name.split(/\s+/).length < 2) return reading;
    const { role } = reading;
    const unread = role.kind === 'plain' || (role.kind === 'talk' && role.speakers.length === 0);
    const backwards =
      role.kind === 'talk' && role.speakers.map((s) => s.name).join(', ') === split[1]!.trim();
    if (!unread && !backwards) return reading;
    const marks = role.kind === 'talk' || role.kind === 'plain' ? marksOf(role) : {};
    return {
      role: { ...marks, kind: 'talk', title: split[1]!.trim(), speakers: [{ name }] },
      evidence: true,
    };
  });
}

/**
 * A file writes its "Name - Title" (or "Title - Name") headings one way throughout. Where both
 * sides of a dash could be a person ("Bo Lee - Queues Explained"), or one side is a lone name
 * ("Zed - Wrap It Up", "Failing Fast -- Ruiz"), the file's other headings, whose order is plain,
 * say which side is the speaker.
 */
function withDashOrder(
  candidates: readonly HeadingCandidate[],
  readings: readonly Reading[],
): Reading[] {
  const sides = candidates.map((candidate) => {
    const parts = readTitleParts(unlinkTitle(candidate.text)).unlabelled.split(DASHES);
    if (parts.length !== 2) return null;
    const [left, right] = parts as [string, string];
    return { left, right, people: [parseSpeakerList(left), parseSpeakerList(right)] as const };
  });
  // Only headings whose order is plain vote: a strict name on one side only ("Typed SQL - Bo Lee").
  let first = 0;
  let end = 0;
  for (const side of sides) {
    if (!side) continue;
    const [left, right] = side.people.map((people) => people !== null && isStrictPeople(people));
    if (left && !right) first++;
    if (right && !left) end++;
  }
  if (first === end) return [...readings];
  const speakerFirst = first > end;
  return readings.map((reading, position) => {
    const side = sides[position];
    const { role } = reading;
    if (!side || (role.kind !== 'talk' && role.kind !== 'plain')) return reading;
    const [name, title] = speakerFirst ? [side.left, side.right] : [side.right, side.left];
    const [named, titled] = speakerFirst ? side.people : [side.people[1], side.people[0]];
    // The other side must not be a name as plain as this one.
    if (titled && isStrictPeople(titled) && !(named && isStrictPeople(named))) return reading;
    const person = named ?? loneName(name);
    if (!person || isSessionLabel(title)) return reading;
    const names = (speakers: readonly Speaker[]) => speakers.map((s) => s.name).join(', ');
    if (role.kind === 'talk' && names(role.speakers) === names(person)) return reading;
    return {
      ...reading,
      role: { ...marksOf(role), kind: 'talk', title: title.trim(), speakers: person },
      evidence: true,
    };
  });
}

/**
 * "Session - Naming things for people who read code", "Session - Clean Tests": a file that puts
 * one session label before its titles does so for every title, even one that reads like a name.
 */
function withSessionLabels(
  candidates: readonly HeadingCandidate[],
  readings: readonly Reading[],
): Reading[] {
  const labelled = candidates.map((candidate) => {
    const [label, ...rest] = unlinkTitle(plainWords(candidate.text)).split(DASHES);
    const isLabel = isSessionLabel(label!) || /^(?:talk|session|track)$/i.test(label!.trim());
    return rest.length === 1 && isLabel ? { label: label!.toLowerCase(), title: rest[0]! } : null;
  });
  const counts = new Map<string, number>();
  for (const found of labelled)
    if (found) counts.set(found.label, (counts.get(found.label) ?? 0) + 1);
  return readings.map((reading, position) => {
    const found = labelled[position];
    const { role } = reading;
    if (!found || (counts.get(found.label) ?? 0) < 2 || role.kind !== 'talk') return reading;
    if (role.title.toLowerCase() !== found.label) return reading;
    return {
      ...reading,
      role: { ...marksOf(role), kind: 'plain', title: found.title.trim() },
      evidence: true,
    };
  });
}

/** "Zed", "Ruiz": one capitalised word that is no title or session word, standing for a person. */
function loneName(text: string): Speaker[] | null {
  const word = plainWords(text).trim();
  if (!/^\p{Lu}[\p{Ll}\p{M}'’-]+$/u.test(word) || isSessionLabel(word)) return null;
  if (classifyHeading(word).kind !== 'plain' || SUBSECTION_WORDS.test(word)) return null;
  return looksLikeLooseName(word) ? [{ name: word }] : null;
}

/**
 * Numbered headings are siblings: "B." one level deeper than "A." and "C." is put at their level,
 * so it neither swallows nor is swallowed by its neighbours.
 */
function levelNumberedSiblings(
  candidates: readonly HeadingCandidate[],
  readings: readonly Reading[],
): HeadingCandidate[] {
  const last = new Map<string, { value: number; level: number }>();
  return candidates.map((heading, position) => {
    const role = readings[position]!.role;
    const number = role.kind === 'talk' || role.kind === 'plain' ? role.number : undefined;
    if (!number) return heading;
    const previous = last.get(number.style);
    const level =
      previous && number.value === previous.value + 1 && heading.level !== previous.level
        ? previous.level
        : heading.level;
    last.set(number.style, { value: number.value, level });
    return level === heading.level ? heading : { ...heading, level };
  });
}

/**
 * "## 1. Introduction", "## 2. How it works", "## 3. Conclusion": numbered headings that include a
 * section word are the outline of one talk's notes, not a sequence of talks. None of them is
 * evidence of a talk (a member with its own speaker still is). Changes `readings` in place.
 */
function outlineSections(candidates: readonly HeadingCandidate[], readings: Reading[]): void {
  const runs = new Map<string, number[]>();
  let parent = -1;
  candidates.forEach((heading, position) => {
    const { role } = readings[position]!;
    const number = role.kind === 'talk' || role.kind === 'plain' ? role.number : undefined;
    if (!number) {
      parent = position;
      return;
    }
    const key = `${parent}:${heading.level}:${number.style}`;
    runs.set(key, [...(runs.get(key) ?? []), position]);
  });
  for (const run of runs.values()) {
    const titles = run.map((position) => readings[position]!.role).map(titleOf);
    if (run.length < 2 || !titles.some((title) => SUBSECTION_WORDS.test(title))) continue;
    for (const position of run) {
      const { role } = readings[position]!;
      if (role.kind === 'talk' && role.speakers.length > 0) continue;
      readings[position] = { ...readings[position]!, evidence: false };
    }
  }
}

const titleOf = (role: Role): string =>
  role.kind === 'talk' || role.kind === 'plain' ? role.title : '';

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

/** The children one level down: descendants with no shallower descendant before them. */
function directChildren(candidates: readonly HeadingCandidate[], descendants: number[]): number[] {
  let shallowest = Infinity;
  return descendants.filter((child) => {
    const level = candidates[child]!.level;
    const direct = level <= shallowest;
    shallowest = Math.min(shallowest, level);
    return direct;
  });
}

/** The next heading at this one's level (before any shallower one) is a talk with a speaker. */
function hasSpeakerSibling(
  candidates: readonly HeadingCandidate[],
  readings: readonly Reading[],
  position: number,
): boolean {
  const level = candidates[position]!.level;
  for (let next = position + 1; next < candidates.length; next++) {
    const heading = candidates[next]!;
    if (heading.level < level) return false;
    if (heading.level > level) continue;
    const { role } = readings[next]!;
    return role.kind === 'talk' && role.speakers.length > 0;
  }
  return false;
}

/** Hints about the file a note's headings are read in. */
export interface FileHints {
  /** The file's own name or front-matter title, as a slug: a heading saying it is the file's talk. */
  talkSlug?: string;
  /** The file holds one day's notes (named for a day or a date): its headings are talks. */
  dayFile: boolean;
  /** The event's names the path and facts give, as year-less slugs ("agile-grenoble"). */
  eventSlugs?: ReadonlySet<string>;
}

const withoutYears = (slug: string) =>
  slug
    .split('-')
    .filter((word) => !isYearWord(word))
    .join('-');

/** "agile-grenoble/…", conference "Agile Grenoble 2019": the names a heading's "speaker" may be. */
function eventSlugsOf(file: string, conference: string | undefined): Set<string> {
  const names = [...file.split('/').slice(0, -1), ...(conference ? [conference] : [])];
  return new Set(names.map((name) => withoutYears(toSlug(name))).filter((slug) => slug !== ''));
}

/**
 * "Agile Grenoble : Time management" in `agile-grenoble/`: the part before the colon names the
 * event the folder is about, not a person. The talk keeps its title and has no speaker.
 */
function withoutEventSpeakers(readings: readonly Reading[], hints: FileHints): Reading[] {
  return readings.map((reading) => {
    const { role } = reading;
    if (role.kind !== 'talk' || !namesTheEvent(role.speakers, hints)) return reading;
    return { ...reading, role: { ...role, speakers: [] } };
  });
}

function namesTheEvent(speakers: readonly Speaker[], hints: FileHints): boolean {
  if (speakers.length === 0 || !hints.eventSlugs) return false;
  return hints.eventSlugs.has(withoutYears(toSlug(speakers.map((s) => s.name).join(' '))));
}

/**
 * Decide each candidate's role in context. A heading whose children are talks is a container (the
 * conference, a day, a session or track), never a talk swallowing them. A heading that says nothing
 * by itself is a talk when it heads notes, and plain text when it is only a weak cue.
 */
function resolveRoles(
  lines: readonly Line[],
  found: readonly HeadingCandidate[],
  hints: FileHints,
): Structural[] {
  const firstReadings = found.map((_, position) => readHeading(lines, found, position));
  // A name line right under a title is the title's speaker, not a heading of its own.
  const speakerLines = new Set(firstReadings.flatMap((reading) => reading.speakerLine ?? []));
  const kept = found.filter((heading) => !speakerLines.has(heading.index));
  const readings0 =
    kept.length === found.length ? firstReadings : kept.map((_, p) => readHeading(lines, kept, p));
  const readings = withoutEventSpeakers(
    withSessionLabels(kept, withDashOrder(kept, withLowercaseSpeakers(kept, readings0))),
    hints,
  );
  const candidates = levelNumberedSiblings(kept, readings);
  outlineSections(candidates, readings);
  const strongLevels = candidates.filter((c) => c.level < WEAK_BOLD).map((c) => c.level);
  const topLevel = strongLevels.length > 0 ? Math.min(...strongLevels) : null;
  const topCount = candidates.filter((c) => c.level === topLevel).length;

  const structural: Structural[] = [];
  let openTalkLevel: number | null = null;
  let openNoteLevel: number | null = null;
  candidates.forEach((heading, position) => {
    const { role, evidence } = readings[position]!;
    if (openTalkLevel !== null && heading.level > openTalkLevel) return; // a sub-heading in the notes
    const hasSpeakers = role.kind === 'talk' && role.speakers.length > 0;
    if (openNoteLevel !== null && heading.level > openNoteLevel && !hasSpeakers) return;
    openNoteLevel = null;
    const strong = heading.level < WEAK_BOLD;
    const push = (entry: Structural, talkLevel: number | null) => {
      structural.push(entry);
      openTalkLevel = talkLevel;
    };
    // A weak cue ending in a colon ("Misc Notes:") introduces what follows; it heads nothing.
    if (!strong && /:\s*$/.test(heading.text) && !hasSpeakers) return;
    const descendants = childrenOf(candidates, position);
    const direct = descendants.length > 0 ? directChildren(candidates, descendants) : [];
    const talkChildren = direct.filter((child) => readings[child]!.evidence);
    const childrenWithSpeakers = talkChildren.filter((child) => {
      const childRole = readings[child]!.role;
      return childRole.kind === 'talk' && childRole.speakers.length > 0;
    });
    const hasDayBelow = descendants.some((child) => readings[child]!.role.kind === 'day');
    if (role.kind === 'day' || role.kind === 'note' || role.kind === 'title') {
      push({ heading, role }, null);
      if (role.kind === 'note') openNoteLevel = heading.level;
      return;
    }
    const allNotesBelow =
      direct.length >= 2 && direct.every((child) => readings[child]!.role.kind === 'note');
    if ((hasDayBelow || (allNotesBelow && !hasSpeakers)) && strong) {
      push({ heading, role: { kind: 'title' } }, null); // a document title above the days
      return;
    }
    // A talk with a speaker whose next sibling is a talk with a speaker too: the headings under
    // it are sections of its notes ("## Color Issues - Contrast"), whatever they look like.
    const personBelow = direct.some((child) => parsePersonHeading(candidates[child]!.text));
    if (hasSpeakers && !personBelow && hasSpeakerSibling(candidates, readings, position)) {
      push({ heading, role }, heading.level);
      return;
    }
    // A talk with its own speaker and notes, one level above the talks that follow it: a sibling
    // written a level too high, not their container.
    if (
      hasSpeakers &&
      childrenWithSpeakers.length >= 1 &&
      hasOwnNotes(lines, readings[position]!, heading, candidates[position + 1]!)
    ) {
      push({ heading, role }, null);
      return;
    }
    const container =
      childrenWithSpeakers.length >= 2 ||
      (!hasSpeakers &&
        (talkChildren.length >= 2 ||
          (talkChildren.length === 1 &&
            direct.length === 1 &&
            strong &&
            readings[direct[0]!]!.role.kind === 'talk')));
    const isTopTitle =
      strong &&
      heading.level === topLevel &&
      topCount === 1 &&
      position === 0 &&
      !TRACK_WORDS.test(heading.text);
    if (container && (strong || TRACK_WORDS.test(heading.text))) {
      const trackName = readTitleParts(unlinkTitle(heading.text)).unlabelled;
      push(
        { heading, role: isTopTitle ? { kind: 'title' } : { kind: 'plain', title: trackName } },
        null,
      );
      return;
    }
    if (role.kind === 'talk') {
      push({ heading, role }, heading.level);
      return;
    }
    const nextHeading = candidates[position + 1]?.index ?? lines.length;
    const after = firstLineAfter(lines, heading);
    const first = after !== null && after < nextHeading ? after : null;
    const firstSplit =
      first === null ? null : splitTitleAndSpeakers(stripTitlePrefix(lines[first]!.text));
    if (first !== null && firstSplit && (strong || TRACK_WORDS.test(heading.text))) {
      push({ heading, role, firstLineTalk: { index: first, ...firstSplit } }, heading.level);
      return;
    }
    if (
      strong &&
      direct.length >= 2 &&
      isContainerByShape(lines, candidates, position, direct, hints, isTopTitle)
    ) {
      const trackName = readTitleParts(unlinkTitle(heading.text)).unlabelled;
      push(
        { heading, role: isTopTitle ? { kind: 'title' } : { kind: 'plain', title: trackName } },
        null,
      );
      return;
    }
    if (strong || evidence) {
      push({ heading, role: { ...role, kind: 'talk', speakers: [] } }, heading.level);
    }
  });
  return structural;
}

/**
 * A note with no talk under any heading may tell its talks in prose: each paragraph that clearly
 * introduces one becomes a talk of that paragraph; the paragraphs around it stay the day's note.
 */
function withProseTalks(lines: readonly Line[], found: Structural[]): Structural[] {
  const talkLike = found.filter(({ role }) => role.kind === 'talk' || role.kind === 'plain');
  // A document whose one heading is its title ("# DevOpsDays Berlin 2016") over prose or a list.
  const onlyTitle =
    talkLike.length === 1 &&
    talkLike[0] === found[0] &&
    talkLike[0]!.role.kind === 'talk' &&
    talkLike[0]!.role.speakers.length === 0;
  if (talkLike.length > 0 && !onlyTitle) return found;
  const structure = onlyTitle
    ? [{ ...found[0]!, role: { kind: 'title' } as const }, ...found.slice(1)]
    : found;
  const talks = findProseTalks(lines).filter(
    (talk) =>
      !structure.some(({ heading }) => heading.index >= talk.start && heading.index <= talk.end),
  );
  if (talks.length === 0 || (onlyTitle && talks.length < 2)) return found;
  const added = talks.flatMap((talk): Structural[] => [
    {
      heading: { index: talk.start, span: 0, level: WEAK_LINE + 1, text: talk.title },
      role: { kind: 'talk', title: talk.title, speakers: talk.speakers },
    },
    {
      heading: { index: talk.end + 1, span: 0, level: WEAK_LINE + 1, text: '' },
      role: { kind: 'note' },
    },
  ]);
  return [...structure, ...added].sort((a, b) => a.heading.index - b.heading.index);
}

/**
 * Talks listed as link bullets ("* [Title](url) by Jane Doe"). A heading over them that names no
 * speaker, or names the event ("Strange Loop 2015" over "### St Louis, MO"), is the document's
 * title; bullets inside a talk that has its speaker stay that talk's notes.
 */
function withLinkBulletTalks(lines: readonly Line[], found: Structural[]): Structural[] {
  const bullets = findLinkBulletTalks(lines);
  if (bullets.length === 0) return found;
  const ownerOf = (index: number) =>
    found.findLast((entry) => entry.heading.index <= index && entry.heading.span > 0);
  const kept = bullets.filter((talk) => {
    const owner = ownerOf(talk.start);
    if (!owner || owner.role.kind !== 'talk') return true;
    return owner.role.speakers.length === 0 || namesAnEvent(owner.role.title);
  });
  if (kept.length === 0) return found;
  const owners = new Set(kept.map((talk) => ownerOf(talk.start)));
  const structure = found.map((entry) =>
    owners.has(entry) && entry.role.kind === 'talk'
      ? { ...entry, role: { kind: 'title' } as const }
      : entry,
  );
  const added = kept.flatMap((talk): Structural[] => [
    {
      heading: {
        index: talk.start,
        span: 0,
        level: WEAK_LINE + 1,
        text: lines[talk.start]!.text.trim(),
      },
      role: { kind: 'talk', title: talk.title, speakers: talk.speakers },
    },
    {
      heading: { index: talk.end + 1, span: 0, level: WEAK_LINE + 1, text: '' },
      role: { kind: 'note' },
    },
  ]);
  const starts = new Set(
    added.filter((entry) => entry.role.kind === 'talk').map((entry) => entry.heading.index),
  );
  // A note marker that falls on the next bullet's line is that bullet's start, not a note.
  const merged = added.filter(
    (entry) => entry.role.kind === 'talk' || !starts.has(entry.heading.index),
  );
  return [...structure, ...merged].sort((a, b) => a.heading.index - b.heading.index);
}

/** Lines of notes between a heading (and its speaker line) and the next heading. */
function hasOwnNotes(
  lines: readonly Line[],
  reading: Reading,
  heading: HeadingCandidate,
  next: HeadingCandidate,
): boolean {
  for (let index = heading.index + heading.span; index < next.index; index++) {
    const text = lines[index]!.text.trim();
    if (text !== '' && index !== reading.speakerLine && !THEMATIC_BREAK.test(text)) return true;
  }
  return false;
}

/**
 * A heading with no speaker over several plain headings: the event's or the day's title over its
 * talks, or one talk over its own sub-headings? A container when it names an event, a day or a
 * session, or the file holds a day's notes — unless it is the file's own talk, or its children are
 * the sub-headings people write inside one talk ("Intro", "Demo", "Q&A").
 */
function isContainerByShape(
  lines: readonly Line[],
  candidates: readonly HeadingCandidate[],
  position: number,
  direct: readonly number[],
  hints: FileHints,
  isTopTitle: boolean,
): boolean {
  const heading = candidates[position]!;
  const title = stripTitlePrefix(unlinkTitle(heading.text));
  if (hints.talkSlug && toSlug(title) === hints.talkSlug && !hints.dayFile) return false;
  const childTitles = direct.map((child) => stripTitlePrefix(unlinkTitle(candidates[child]!.text)));
  const generic = childTitles.filter((text) => SUBSECTION_WORDS.test(text)).length;
  if (generic * 2 >= childTitles.length) return false;
  if (TRACK_WORDS.test(title) || EVENT_WORDS.test(title)) return true;
  if (hints.dayFile || isTopTitle) {
    // Little or no text of its own before its first child: a title over the sections below.
    const firstChild = candidates[direct[0]!]!.index;
    const own = lines
      .slice(heading.index + heading.span, firstChild)
      .filter((line) => line.text.trim() !== '').length;
    return hints.dayFile || own <= 3;
  }
  return false;
}

/** A file name that says the file is one talk, whatever its title: `keynote1`, `opening-keynote`. */
const ONE_TALK_FILE =
  /^(?:(?:opening|closing|morning|afternoon|evening|day-?\d+)-)?(?:keynote|talk|presentation)(?:-?\d+)?$/;

/**
 * "Jane Doe" / "Acme Analytics", then a blank line, then the talk's title: the speaker named in
 * the lines just above a file's first title. The name line, and at most one line after it.
 */
function speakersAbove(lines: readonly Line[], index: number): Found | null {
  let end = index;
  while (end > 0 && lines[end - 1]!.text.trim() === '') end--;
  let start = end;
  while (start > 0 && lines[start - 1]!.text.trim() !== '') start--;
  if (end - start < 1 || end - start > 2) return null;
  const speakers = parseNameLine(lines[start]!.text);
  if (!speakers) return null;
  const place = end - start === 2 ? lines[start + 1]!.text.trim() : '';
  if (place !== '' && !/^[\p{Lu}\d][^.!?:]*$/u.test(place)) return null;
  const [first, ...others] = speakers;
  const withPlace =
    place !== '' && others.length === 0 && !first!.affiliation
      ? [{ ...first!, affiliation: place }]
      : speakers;
  return { speakers: withPlace, index: start };
}

/**
 * `day-1-keynote.md` that opens with its speaker's name alone on the first line, then notes: the
 * talk is titled by the file's name ("Day 1 Keynote") and that line names its speaker.
 */
function namedByFileName(lines: readonly Line[], talkSlug: string): Structural | null {
  const first = lines.findIndex((line) => line.text.trim() !== '');
  const line = lines[first];
  if (!line || readAtxHeading(line.text) || !isBlankAt(lines, first + 1)) return null;
  const speakers = parseNameLine(line.text);
  if (!speakers) return null;
  const title = toReadableName(talkSlug);
  const heading: HeadingCandidate = { index: first, span: 1, level: 1, text: line.text.trim() };
  return { heading, role: { kind: 'talk', title, speakers } };
}

const isBlankAt = (lines: readonly Line[], index: number) =>
  index >= lines.length || lines[index]!.text.trim() === '';

/** How many non-blank lines from the top are searched for the line naming the file's talk. */
const FILE_TALK_WINDOW = 5;

/**
 * A file named for one talk (`the-seven-righteous-fights.md`) whose first lines say that title
 * again, as a heading or a plain line: the file is that talk, and every heading below it
 * ("Security", "1. Extensibility") is a section of its notes. Not when the title names an event
 * or a day, nor when two headings below name speakers of their own (talks, then).
 */
function findFileTalk(
  lines: readonly Line[],
  candidates: readonly HeadingCandidate[],
  hints: FileHints,
): Structural | null {
  if (!hints.talkSlug || hints.dayFile) return null;
  const oneTalk = ONE_TALK_FILE.test(hints.talkSlug);
  if (oneTalk) {
    const named = namedByFileName(lines, hints.talkSlug);
    if (named) return named;
  }
  // `keynote-2.md`, `talk1.md`: the file is one talk, titled by its first heading.
  const firstHeading = oneTalk
    ? candidates.find((candidate) => candidate.level < WEAK_BOLD)
    : undefined;
  let seen = 0;
  for (let index = 0; index < lines.length && seen < FILE_TALK_WINDOW; index++) {
    if (firstHeading) index = firstHeading.index;
    const raw = lines[index]!.text;
    if (raw.trim() === '') continue;
    seen++;
    const text = unlinkTitle(firstHeading?.text ?? readAtxHeading(raw)?.text ?? raw);
    const named = firstHeading !== undefined || toSlug(text) === hints.talkSlug;
    if (!named || namesAnEvent(text) || parseDayLabel(text)) {
      if (firstHeading) return null;
      continue;
    }
    // "Session I: Ranking" holds talks of its own.
    if (/\b(?:sessions?|tracks?|rooms?)\b/i.test(text)) return null;
    const withSpeakers = candidates.filter((candidate) => {
      if (candidate.index === index) return false;
      const role = classifyHeading(candidate.text);
      return role.kind === 'talk' && role.speakers.length > 0;
    });
    if (withSpeakers.length >= 2) return null;
    const heading: HeadingCandidate = { index, span: 1, level: 1, text };
    const below = speakersBelow(lines, heading, lines.length) ?? speakersAbove(lines, index);
    const role = classifyHeading(text);
    const inTitle =
      role.kind === 'talk' && !namesTheEvent(role.speakers, hints) ? role.speakers : [];
    const speakers = inTitle.length > 0 ? inTitle : (below?.speakers ?? []);
    const title = role.kind === 'talk' || role.kind === 'plain' ? role.title : text;
    return {
      heading,
      role: {
        ...marksOf(role.kind === 'talk' || role.kind === 'plain' ? role : {}),
        kind: 'talk',
        title,
        speakers,
      },
    };
  }
  return null;
}

interface OpenSection {
  section: Omit<Section, 'body' | 'startLine' | 'endLine'>;
  /** Index of the section's first line, and of its first body line. */
  start: number;
  bodyStart: number;
}

/**
 * How to find a note's headings: by what it is, not by its extension. A `.txt` file written in
 * markdown (`#` headings, whole-line `**bold**` titles, `===` underlines) is read as markdown; a
 * `.md` file with none of those is read by its layout, as plain text is.
 */
export function readAs(format: FormatName, lines: readonly Line[]): FormatName {
  const fenced = findFencedLines(lines);
  let atx = 0;
  let bold = 0;
  let underlines = 0;
  lines.forEach((line, index) => {
    if (fenced.has(index)) return;
    if (readAtxHeading(line.text)?.text) atx++;
    else if (/^ {0,3}(\*\*|__)\S.*\S\1[:.]?\s*$/.test(line.text)) bold++;
    else if (
      /^ {0,3}(?:={3,}|-{3,})\s*$/.test(line.text) &&
      (lines[index - 1]?.text.trim() ?? '') !== ''
    )
      underlines++;
  });
  if (format === 'text') return atx >= 1 || bold >= 2 || underlines >= 2 ? 'markdown' : 'text';
  return atx === 0 && bold === 0 && underlines === 0 ? 'text' : 'markdown';
}

/** Split a note's body into talks and day notes. */
export function parseNote(input: NoteInput): ParsedNote {
  const lines = toLines(input.body, input.bodyLine);
  const definitions = readLinkDefinitions(lines);
  const format = input.format === 'text' ? readAs('text', lines) : 'markdown';
  const cues: HeadingCues = {
    isMetadataLine: (text) => isMetadataLine(text) || parseNameLine(text) !== null,
    // A handle alone ("@jane") under a line is a signature, too weak to make that line a title.
    isSpeakerLine: (text) =>
      !/^\s*@[\w.-]+\s*$/.test(text) &&
      (parseNameLine(text) !== null || parseSpeakerLine(text, { bullets: false }) !== null),
    isTitleLine,
  };
  const candidates = formatNamed(readAs(input.format, lines)).findHeadings(lines, cues);
  const hints: FileHints = {
    dayFile:
      input.hints?.dayFile ?? (input.facts.day !== undefined || input.facts.date !== undefined),
    ...(input.hints?.talkSlug ? { talkSlug: input.hints.talkSlug } : {}),
    eventSlugs: eventSlugsOf(input.file, input.facts.conference),
  };
  const fileTalk = findFileTalk(lines, candidates, hints);
  const structure = fileTalk
    ? [fileTalk]
    : withLinkBulletTalks(lines, withProseTalks(lines, resolveRoles(lines, candidates, hints)));
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
        format,
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
    } else if (role.kind === 'note' || role.kind === 'title') {
      open(heading.index, heading.index + heading.span, {
        ...(heading.text ? { title: heading.text } : {}),
        ...trackOf(currentTrack()),
      });
    } else if (role.kind === 'plain') {
      tracks.push({ level: heading.level, name: role.title });
      open(heading.index, heading.index + heading.span, { ...trackOf(currentTrack()) });
      if (firstLineTalk) {
        openTalk(firstLineTalk.index, 1, {
          title: firstLineTalk.title,
          speakers: firstLineTalk.speakers,
          rawTitle: lines[firstLineTalk.index]!.text,
        });
      }
    } else {
      openTalk(heading.index, heading.span, {
        ...role,
        rawTitle: heading.text,
        ...(heading.explicitId ? { explicitId: heading.explicitId } : {}),
      });
    }
  }

  /** The lines of a section's notes from `from` to the next heading. */
  function bodyLinesFrom(from: number): string[] {
    const texts: string[] = [];
    for (let index = from; index < lines.length && !headingLines.has(index); index++) {
      texts.push(lines[index]!.text);
    }
    return texts;
  }

  function openTalk(
    index: number,
    span: number,
    talk: {
      title: string;
      speakers: Speaker[];
      rawTitle: string;
      explicitId?: string;
      parts?: TalkPart[];
    } & TalkMarks,
  ) {
    const meta = readMetadataLines(lines, index + span, headingLines);
    const groupParts =
      talk.parts ??
      (talk.speakers.length === 0 && meta.speakers.length === 0 && isGroupTitle(talk.rawTitle)
        ? readBulletParts(bodyLinesFrom(meta.next))
        : null);
    const keynote = /\bkeynote\b/i.test(talk.title) || /\bkeynote\b/i.test(talk.session ?? '');
    const keynoteTrack = keynote && !currentTrack() ? { name: 'Keynote' } : currentTrack();
    const explicitId = talk.explicitId ?? meta.id;
    // A "speaker:" line is explicit: it wins over names guessed from the title, and the title
    // keeps the words that were taken for a name.
    const named = new Set(meta.speakers.map((speaker) => speaker.name));
    const overruled = meta.labelled && talk.speakers.some((speaker) => !named.has(speaker.name));
    open(index, meta.next, {
      kind: 'talk',
      title: overruled ? readTitleParts(unlinkTitle(talk.rawTitle)).title : talk.title,
      speakers: groupParts
        ? speakersOfParts(groupParts)
        : meta.labelled
          ? meta.speakers
          : mergeSpeakers(talk.speakers, meta.speakers),
      ...(groupParts ? { parts: groupParts } : {}),
      aliases: meta.aliases,
      tags: meta.tags,
      titleLinks: findTitleLinks(talk.rawTitle, definitions),
      ...trackOf(keynoteTrack),
      ...(explicitId ? { explicitId } : {}),
      ...(talk.time ? { time: talk.time } : {}),
      ...(talk.session ? { session: talk.session } : {}),
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
  /** The speakers came from a labelled "speaker:" line. */
  labelled: boolean;
  aliases: string[];
  tags: string[];
  id?: string;
}

const LABEL_WORDS =
  /^(?:speakers?|speaker\(s\)|presenters?|presenter\(s\)|presented|given|talk|by|with|panell?ists?|moderators?|hosts?|facilitators?|orateurs?|oratrices?|intervenants?|intervenantes?|conférenciers?|par|présenté|animé|dr|prof|mr|mrs|ms)$/iu;

/** True when every word of a speaker line is kept in the speakers' fields (so it can leave the body). */
function keepsEveryWord(text: string, speakers: readonly Speaker[]): boolean {
  const kept = speakers
    .map((speaker) => `${speaker.name} ${speaker.handle ?? ''} ${speaker.affiliation ?? ''}`)
    .join(' ')
    .toLowerCase();
  const words = plainWords(text).match(/[\p{L}\p{N}]{2,}/gu) ?? [];
  return words.every((word) => LABEL_WORDS.test(word) || kept.includes(word.toLowerCase()));
}

/**
 * Consume the speaker, id, aliases and tags lines under a title (blank lines between them too).
 * A speaker line whose words would not all be kept in the speakers' fields ("Dr. Jane Doe, CTO")
 * names the speakers but stays in the notes: nothing written is lost.
 */
function readMetadataLines(
  lines: readonly Line[],
  from: number,
  headingLines: ReadonlySet<number>,
): Metadata {
  const meta: Metadata = { next: from, speakers: [], labelled: false, aliases: [], tags: [] };
  let first = true;
  for (let index = from; index < lines.length && !headingLines.has(index); index++) {
    const text = lines[index]!.text;
    if (text.trim() === '') continue;
    const field = METADATA_LINE.exec(text);
    const labelled = meta.speakers.length === 0 ? parseSpeakerLine(text) : null;
    const named = meta.speakers.length === 0 && first && !labelled ? parseNameLine(text) : null;
    first = false;
    if (field) {
      const values = field[2]!.split(/\s*,\s*/).filter((value) => value !== '');
      const key = field[1]!.toLowerCase();
      if (key === 'id') meta.id = field[2]!.trim();
      else if (key === 'aliases') meta.aliases.push(...values);
      else meta.tags.push(...values);
    } else if (labelled ?? named) {
      const speakers = (labelled ?? named)!;
      meta.speakers = speakers;
      meta.labelled = labelled !== null && /:|[-–—]\s/.test(text);
      if (!keepsEveryWord(text, speakers)) break;
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
    ...(first <= last ? { bodyLine: lines[first]!.number } : {}),
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
