import type { Conference, Day, Speaker } from '../../shared/bundle';

/** "Frank Stratton (Runscope), @lvh" */
export function formatSpeakers(speakers: readonly Speaker[]): string {
  return speakers.map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name)).join(', ');
}

/**
 * Dates are written in the page's language (`<html lang="en">`), not the reader's locale: the
 * prerendered HTML and the browser then agree, and a page never mixes two languages. The
 * formatters are made once: `toLocaleDateString` builds one per call, which showed at the top of a
 * profile of typing in the search box.
 */
const FULL_DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: 'UTC' });
const SHORT_DATE = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

function formatWith(format: Intl.DateTimeFormat, isoDate: string): string {
  // The ISO date is a calendar day, not an instant.
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : format.format(date);
}

/** "Friday 10 April 2015". */
export const formatDate = (isoDate: string): string => formatWith(FULL_DATE, isoDate);

/** "Tue 23 Jan 2018". */
export const formatShortDate = (isoDate: string): string => formatWith(SHORT_DATE, isoDate);

/** What a day is called on screen; a date is added when the label is not already the date. */
export function describeDay(day: Day): { label: string; date?: string } {
  if (!day.date || day.label === day.date) return { label: day.label };
  return { label: day.label, date: day.date };
}

/** "Monday, 22 January 2018 – Tuesday, 23 January 2018", or one date, or nothing. */
export function conferenceDates(conference: Conference, format = formatDate): string {
  const dates = conference.days.flatMap((day) => (day.date ? [day.date] : [])).sort();
  const first = dates[0];
  const last = dates.at(-1);
  if (!first || !last) return '';
  return first === last ? format(first) : `${format(first)} – ${format(last)}`;
}
