import type { Catalog, Conference, CatalogDayNote, CatalogTalk } from '../../shared/bundle';
import type { TimelineOrder } from '../../shared/paths';
import { groupTalks, type DayGroup } from '../talks';

export interface TimelineDay extends DayGroup {
  /** The day's own notes (text outside any talk), in the order written. */
  notes: CatalogDayNote[];
}

export interface TimelineConference {
  conference: Conference;
  days: TimelineDay[];
}

const dayKey = (conference: string, day: string) => `${conference}\u0000${day}`;

/**
 * The timeline: `talks` (already filtered) grouped conference → day → track, each day with its
 * day notes. Days that have notes but no talks are kept when `keepNoteOnlyDays` (the unfiltered
 * view), so nothing written is hidden.
 */
export function groupTimeline(
  bundle: Pick<Catalog, 'conferences' | 'dayNotes'>,
  talks: readonly CatalogTalk[],
  { order, keepNoteOnlyDays }: { order: TimelineOrder; keepNoteOnlyDays: boolean },
): TimelineConference[] {
  const notesByDay = new Map<string, CatalogDayNote[]>();
  for (const note of bundle.dayNotes) {
    const key = dayKey(note.conference, note.day.id);
    const notes = notesByDay.get(key) ?? [];
    notes.push(note);
    notesByDay.set(key, notes);
  }
  const notesOf = (conference: string, day: string) =>
    notesByDay.get(dayKey(conference, day)) ?? [];

  const talkGroups = new Map(
    groupTalks({ conferences: bundle.conferences, talks: [...talks] }).map((g) => [
      g.conference.id as string,
      g,
    ]),
  );

  const result: TimelineConference[] = [];
  const seen = new Set<string>();
  const add = (conference: Conference, groupedDays: readonly DayGroup[]) => {
    seen.add(conference.id);
    const byId = new Map(groupedDays.map((d) => [d.key, d]));
    const days: TimelineDay[] = [];
    const dayOrder = [...groupedDays.map((d) => d.day)];
    if (keepNoteOnlyDays) {
      // Put note-only days where the conference lists them.
      const listed = conference.days.filter((d) => notesOf(conference.id, d.id).length > 0);
      for (const day of listed) if (!byId.has(day.id)) dayOrder.push(day);
      const rank = new Map(conference.days.map((d, i) => [d.id as string, i]));
      dayOrder.sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
    }
    for (const day of dayOrder) {
      const group = byId.get(day.id);
      days.push({
        key: day.id,
        day,
        tracks: group?.tracks ?? [],
        notes: notesOf(conference.id, day.id),
      });
    }
    if (days.length > 0) result.push({ conference, days });
  };

  for (const conference of bundle.conferences) {
    add(conference, talkGroups.get(conference.id)?.days ?? []);
  }
  // Talks whose conference is not listed (groupTalks made a stand-in for them).
  for (const group of talkGroups.values()) {
    if (!seen.has(group.conference.id)) add(group.conference, group.days);
  }
  return order === 'oldest' ? result.reverse() : result;
}

const talkCount = (day: TimelineDay) => day.tracks.reduce((sum, t) => sum + t.talks.length, 0);

/**
 * The first whole days of the timeline holding at least `limit` talks (at least one day), so a
 * 10,000-talk timeline renders a page at a time and a day is never cut in half.
 */
export function limitTimeline(
  groups: readonly TimelineConference[],
  limit: number,
): { groups: TimelineConference[]; shown: number; total: number } {
  let shown = 0;
  let total = 0;
  const result: TimelineConference[] = [];
  for (const group of groups) {
    const days: TimelineDay[] = [];
    for (const day of group.days) {
      const count = talkCount(day);
      total += count;
      if (shown < limit || (shown === 0 && days.length === 0 && result.length === 0)) {
        days.push(day);
        shown += count;
      }
    }
    if (days.length > 0) result.push({ ...group, days });
  }
  return { groups: result, shown, total };
}
