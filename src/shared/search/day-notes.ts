/**
 * Day notes (text of a day outside any talk) are searched with the talks, under ids no talk can
 * have: `note:lca-2018/day-2/0` is the first note of day 2 of lca-2018, in the bundle's order.
 */
import type { DayNote } from '../bundle';

const PREFIX = 'note:';

/** The search id of each day note, in the bundle's order: numbered within its conference and day. */
export function dayNoteSearchIds(notes: readonly Pick<DayNote, 'conference' | 'day'>[]): string[] {
  const seen = new Map<string, number>();
  return notes.map((note) => {
    const key = `${note.conference}/${note.day.id}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return `${PREFIX}${key}/${n}`;
  });
}

/** True for a day note's search id (talk ids never start with `note:`). */
export const isDayNoteSearchId = (id: string): boolean => id.startsWith(PREFIX);
