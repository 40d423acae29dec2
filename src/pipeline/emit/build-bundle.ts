/** Talks and day notes → the bundle: derived lists (conferences, tags, speakers) and sort orders. */
import {
  SCHEMA_VERSION,
  type Bundle,
  type Conference,
  type Day,
  type DayNote,
  type SpeakerSummary,
  type TagSummary,
  type Talk,
  type Track,
} from '../../shared/bundle';
import { toSpeakerId, type ConferenceId, type TalkId } from '../../shared/ids';
import type { ConferenceFacts } from '../parse/talks';

export interface BundleInput {
  conferences: readonly ConferenceFacts[];
  talks: readonly Talk[];
  dayNotes: readonly DayNote[];
  /** Display name of a tag id. */
  tagName: (id: string) => string;
  now: Date;
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/** Days in calendar order: by number, then date, then first appearance. */
function sortDays(days: readonly Day[]): Day[] {
  return days
    .map((day, index) => ({ day, index }))
    .sort(
      (a, b) =>
        (a.day.number ?? Infinity) - (b.day.number ?? Infinity) ||
        (a.day.date ?? '').localeCompare(b.day.date ?? '') ||
        a.index - b.index,
    )
    .map(({ day }) => day);
}

function firstDate(conference: Conference): string {
  return conference.days.map((day) => day.date ?? '').find((date) => date !== '') ?? '';
}

/** Newest first: by year, then first date, then name. */
function byNewest(a: Conference, b: Conference): number {
  return (
    (b.year ?? 0) - (a.year ?? 0) ||
    firstDate(b).localeCompare(firstDate(a)) ||
    a.name.localeCompare(b.name, 'en')
  );
}

export function summarizeConferences(
  facts: readonly ConferenceFacts[],
  talks: readonly Talk[],
  dayNotes: readonly DayNote[],
): Conference[] {
  return facts
    .map((conference) => {
      const own = talks.filter((talk) => talk.conference === conference.id);
      const notes = dayNotes.filter((note) => note.conference === conference.id);
      const days = uniqueBy(
        [...notes.map((note) => note.day), ...own.map((talk) => talk.day)].sort(
          (a, b) => (a.number ?? Infinity) - (b.number ?? Infinity),
        ),
        (day) => day.id,
      );
      const tracks = uniqueBy(
        own.map((talk) => talk.track).filter((track): track is Track => track !== null),
        (track) => track.id,
      );
      return { ...conference, days: sortDays(days), tracks, talkCount: own.length };
    })
    .sort(byNewest);
}

export function summarizeTags(
  talks: readonly Talk[],
  tagName: (id: string) => string,
): TagSummary[] {
  const counts = new Map<string, number>();
  for (const talk of talks)
    for (const tag of talk.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts.entries()]
    .map(([id, count]) => ({ id, name: tagName(id), count }) as TagSummary)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'));
}

/** Everyone who spoke; the same person across talks is one entry, keyed by handle or name. */
export function summarizeSpeakers(talks: readonly Talk[]): SpeakerSummary[] {
  const speakers = new Map<string, SpeakerSummary>();
  for (const talk of talks) {
    for (const person of talk.speakers) {
      const id = toSpeakerId(person.handle ?? person.name);
      const known = speakers.get(id);
      const talksSoFar: TalkId[] = known ? [...known.talks, talk.id] : [talk.id];
      speakers.set(id, {
        id,
        name: known?.name ?? person.name,
        ...((known?.affiliation ?? person.affiliation)
          ? { affiliation: (known?.affiliation ?? person.affiliation)! }
          : {}),
        ...((known?.handle ?? person.handle) ? { handle: (known?.handle ?? person.handle)! } : {}),
        talks: talksSoFar,
      });
    }
  }
  return [...speakers.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

export function buildBundle(input: BundleInput): Bundle {
  const conferences = summarizeConferences(input.conferences, input.talks, input.dayNotes);
  const rank = new Map<ConferenceId, number>(
    conferences.map((conference, index) => [conference.id, index]),
  );
  const byConference = <T extends { conference: ConferenceId }>(items: readonly T[]) =>
    [...items].sort((a, b) => rank.get(a.conference)! - rank.get(b.conference)!);
  return {
    schemaVersion: SCHEMA_VERSION,
    generatedAt: input.now.toISOString(),
    conferences,
    talks: byConference(input.talks),
    dayNotes: byConference(input.dayNotes),
    tags: summarizeTags(input.talks, input.tagName),
    speakers: summarizeSpeakers(input.talks),
  };
}
