import type { Day, Speaker } from '../../shared/bundle';

/** "Frank Stratton (Runscope), @lvh" */
export function formatSpeakers(speakers: readonly Speaker[]): string {
  return speakers.map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name)).join(', ');
}

/** "Friday, 10 April 2015" in the reader's locale; the ISO date is a calendar day, not an instant. */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return date.toLocaleDateString(undefined, { dateStyle: 'full', timeZone: 'UTC' });
}

/** What a day is called on screen; a date is added when the label is not already the date. */
export function describeDay(day: Day): { label: string; date?: string } {
  if (!day.date || day.label === day.date) return { label: day.label };
  return { label: day.label, date: day.date };
}
