import { describe, expect, it } from 'vitest';
import { isDayLabel, parseDayLabel, weekdayOf } from '../../src/pipeline/parse/days';

describe('parseDayLabel: numbered days', () => {
  it.each([
    ['Day 2', 'Day 2', 2],
    ['day 2', 'Day 2', 2],
    ['DAY 3', 'Day 3', 3],
    ['Day 2:', 'Day 2', 2],
    ['**Day 2**', 'Day 2', 2],
    ['  Day 2.  ', 'Day 2', 2],
    ['day two', 'Day 2', 2],
    ['Day One', 'Day 1', 1],
    ['first day', 'Day 1', 1],
    ['1st day', 'Day 1', 1],
    ['day-2', 'Day 2', 2],
    ['day2', 'Day 2', 2],
    ['day_3', 'Day 3', 3],
    ['Jour 2', 'Jour 2', 2],
    ['jour deux', 'Jour 2', 2],
    ['1er jour', 'Jour 1', 1],
    ['Premier jour', 'Jour 1', 1],
    ['Première journée', 'Jour 1', 1],
    ['2e jour', 'Jour 2', 2],
    ['2ème jour', 'Jour 2', 2],
    ['Deuxième journée', 'Jour 2', 2],
    ['Journée 3', 'Jour 3', 3],
    ['J2', 'Jour 2', 2],
    ['j1', 'Jour 1', 1],
    ['Tag 2', 'Tag 2', 2],
    ['2. Tag', 'Tag 2', 2],
    ['Zweiter Tag', 'Tag 2', 2],
    ['Dag 2', 'Dag 2', 2],
    ['Día 2', 'Día 2', 2],
    ['Segundo día', 'Día 2', 2],
    ['Dia 3', 'Dia 3', 3],
    ['Giorno 1', 'Giorno 1', 1],
  ])('%j is %j (number %d)', (text, label, number) => {
    expect(parseDayLabel(text)).toMatchObject({ label, number });
  });
});

describe('parseDayLabel: weekdays and dates', () => {
  it.each([
    ['Friday', { label: 'Friday', weekday: 'Friday' }],
    ['friday', { label: 'Friday', weekday: 'Friday' }],
    ['Lundi', { label: 'Lundi', weekday: 'Monday' }],
    ['mardi', { label: 'Mardi', weekday: 'Tuesday' }],
    ['Montag', { label: 'Montag', weekday: 'Monday' }],
    ['Sonnabend', { label: 'Sonnabend', weekday: 'Saturday' }],
    ['Miércoles', { label: 'Miércoles', weekday: 'Wednesday' }],
    ['sábado', { label: 'Sábado', weekday: 'Saturday' }],
    ['Vrijdag', { label: 'Vrijdag', weekday: 'Friday' }],
    ['Tuesday 23 January', { label: 'Tuesday 23 January', weekday: 'Tuesday' }],
    ['Tue 23 Jan', { label: 'Tue 23 Jan', weekday: 'Tuesday' }],
    ['2018-01-23', { label: '2018-01-23', date: '2018-01-23', weekday: 'Tuesday' }],
    ['Friday, April 10, 2015', { date: '2015-04-10', weekday: 'Friday' }],
    ['Friday 10 April 2015', { date: '2015-04-10', weekday: 'Friday' }],
    ['10th April 2015', { date: '2015-04-10', weekday: 'Friday' }],
    ['mardi 23 janvier 2018', { date: '2018-01-23', weekday: 'Tuesday' }],
    ['Dienstag, 23. Januar 2018', { date: '2018-01-23', weekday: 'Tuesday' }],
    ['martes 23 de enero de 2018', { date: '2018-01-23', weekday: 'Tuesday' }],
    ['Tuesday the 23rd of January', { label: 'Tuesday the 23rd of January', weekday: 'Tuesday' }],
  ])('%j', (text, expected) => {
    expect(parseDayLabel(text)).toMatchObject(expected);
  });

  it.each([
    ['Day 2 - Tuesday', { label: 'Day 2', number: 2, weekday: 'Tuesday' }],
    [
      'Day 2: Tuesday 23 January 2018',
      { label: 'Day 2', number: 2, date: '2018-01-23', weekday: 'Tuesday' },
    ],
    ['Day 2 (2018-01-23)', { label: 'Day 2', number: 2, date: '2018-01-23', weekday: 'Tuesday' }],
    ['Friday – Day 2', { label: 'Day 2', number: 2, weekday: 'Friday' }],
    ['Jour 2 — mardi', { label: 'Jour 2', number: 2, weekday: 'Tuesday' }],
  ])('combined %j', (text, expected) => {
    expect(parseDayLabel(text)).toEqual(expected);
  });

  it('completes a date without a year when the year is known', () => {
    expect(parseDayLabel('Tuesday 23 January', { year: 2018 })).toMatchObject({
      date: '2018-01-23',
    });
    expect(parseDayLabel('Tuesday 23 January')).not.toHaveProperty('date');
  });
});

describe('parseDayLabel: text that is more (or less) than a day', () => {
  it.each([
    'Day 2 Operations with Containers: Myth vs. Reality - Elizabeth K. Joseph',
    'Friday Keynote: Catherine Bracy, Code for America',
    'Daily standups',
    'Keynote',
    'Sysadmin miniconf',
    'Day',
    'Day 0',
    'Dayton',
    'Friday night drinks',
    'Sun', // a word before it is a weekday
    'Sat',
    'Tag cloud',
    'May',
    '2018-02-30',
    '2015',
    '23/01/2018',
    'Day 2 Day 3',
    'Monday Tuesday',
    '',
    '   ',
  ])('%j is not a day', (text) => {
    expect(parseDayLabel(text)).toBeNull();
    expect(isDayLabel(text)).toBe(false);
  });
});

describe('weekdayOf', () => {
  it.each([
    ['Friday', 'Friday'],
    ['Lundi', 'Monday'],
    ['Donnerstag', 'Thursday'],
    ['2015-04-10', 'Friday'],
    ['Day 2 - Tuesday', 'Tuesday'],
    ['Day 2', undefined],
    ['Keynote', undefined],
  ])('%j → %j', (label, weekday) => {
    expect(weekdayOf(label)).toBe(weekday);
  });
});
