import { describe, expect, it } from 'vitest';
import {
  activeChips,
  buildFacetIndex,
  countActiveFilters,
  countFacets,
  facetOptions,
  filterTalks,
  removeFilter,
  toggleFilter,
} from '../../src/features/timeline/filters';
import { groupTimeline, limitTimeline } from '../../src/features/timeline/group-timeline';
import {
  paths,
  readFilters,
  readTimelineOrder,
  type FilterField,
  type TimelineFilters,
} from '../../src/shared/paths';
import { toCatalog } from '../../src/shared/catalog';
import { timelineBundle as bundle } from './timeline-fixtures';

const timelineBundle = toCatalog(bundle);

const index = buildFacetIndex(timelineBundle);
const titles = (filters: TimelineFilters) => filterTalks(index, filters).map((t) => t.title);

describe('filterTalks', () => {
  it.each<[string, TimelineFilters, string[]]>([
    ['no filters: every talk', {}, timelineBundle.talks.map((t) => t.title)],
    [
      'one conference',
      { conference: ['pycon-2015'] },
      ['Civic tech keynote', 'Building Secure Systems'],
    ],
    ['a year', { year: ['2015'] }, ['Civic tech keynote', 'Building Secure Systems']],
    ['two tags: either', { tag: ['aws', 'civic'] }, ['Puppet in the cloud', 'Civic tech keynote']],
    [
      'across fields: both',
      { conference: ['lca-2018'], tag: ['docker'] },
      ['Becoming the Admiral', 'Puppet in the cloud'],
    ],
    [
      "one conference's Day 2, not the other's",
      { day: ['pycon-2015.day-2'] },
      ['Civic tech keynote', 'Building Secure Systems'],
    ],
    [
      "one conference's Day 2 never brings the other's keynote",
      { day: ['lca-2018.day-2'], track: ['keynote'] },
      [],
    ],
    ['a day without its conference matches nothing', { day: ['day-2'] }, []],
    ['a speaker by handle', { speaker: ['lvh'] }, ['Building Secure Systems']],
    ['an unknown value matches nothing', { tag: ['nope'] }, []],
    ['an unknown value beside a known one', { tag: ['nope', 'civic'] }, ['Civic tech keynote']],
    ['a year that is not a number', { year: ['twenty'] }, []],
  ])('%s', (_case, filters, expected) => {
    expect(titles(filters)).toEqual(expected);
  });
});

describe('countFacets', () => {
  it.each<[string, TimelineFilters, FilterField, Record<string, number>]>([
    ['tracks, unfiltered', {}, 'track', { keynote: 2, 'sysadmin-miniconf': 3 }],
    ['tracks within a conference', { conference: ['pycon-2015'] }, 'track', { keynote: 1 }],
    [
      'a field ignores its own choices',
      { conference: ['pycon-2015'] },
      'conference',
      { 'lca-2018': 4, 'pycon-2015': 2 },
    ],
    [
      'tags given a track',
      { track: ['sysadmin-miniconf'] },
      'tag',
      { containers: 1, docker: 2, logging: 1, debugging: 1, security: 1, monitoring: 1, aws: 1 },
    ],
    ['years given a tag', { tag: ['docker'] }, 'year', { '2018': 2, '2015': 1 }],
    [
      'days given a conference',
      { conference: ['lca-2018'] },
      'day',
      { 'lca-2018.day-1': 1, 'lca-2018.day-2': 3 },
    ],
  ])('%s', (_case, filters, field, expected) => {
    expect(Object.fromEntries(countFacets(index, filters)[field])).toEqual(expected);
  });
});

describe('facetOptions', () => {
  it('lists every value with its count, zero when other filters exclude it', () => {
    const tracks = facetOptions(index, { conference: ['pycon-2015'] }).track;
    expect(tracks.map((o) => [o.label, o.count, o.selected])).toEqual([
      ['Keynote', 1, false],
      ['Sysadmin miniconf', 0, false],
    ]);
  });

  it('orders conferences newest first, years descending, each conference its days by number', () => {
    const options = facetOptions(index, {});
    expect(options.conference.map((o) => o.label)).toEqual(['linux.conf.au 2018', 'PyCon 2015']);
    expect(options.year.map((o) => o.value)).toEqual(['2018', '2015']);
    expect(options.day.map((o) => [o.value, o.label])).toEqual([
      ['lca-2018.day-1', 'linux.conf.au 2018 · Day 1'],
      ['lca-2018.day-2', 'linux.conf.au 2018 · Day 2'],
      ['pycon-2015.day-2', 'PyCon 2015 · Day 2'],
    ]);
    expect(options.tag[0]).toMatchObject({ value: 'docker', count: 3 });
  });

  it('adds an unknown chosen value, selected, with no talks', () => {
    const tags = facetOptions(index, { tag: ['nope'] }).tag;
    expect(tags.at(-1)).toEqual({
      value: 'nope',
      label: 'nope',
      count: 0,
      selected: true,
      known: false,
    });
  });
});

describe('chips and changes', () => {
  it('labels chips by name and marks unknown values', () => {
    expect(activeChips(index, { conference: ['lca-2018'], tag: ['aws', 'nope'] })).toEqual([
      { field: 'conference', value: 'lca-2018', label: 'linux.conf.au 2018', known: true },
      { field: 'tag', value: 'aws', label: 'AWS', known: true },
      { field: 'tag', value: 'nope', label: 'nope', known: false },
    ]);
  });

  it.each<[TimelineFilters, FilterField, string, TimelineFilters]>([
    [{}, 'tag', 'aws', { tag: ['aws'] }],
    [{ tag: ['aws'] }, 'tag', 'docker', { tag: ['aws', 'docker'] }],
    [{ tag: ['aws', 'docker'] }, 'tag', 'aws', { tag: ['docker'] }],
    [{ tag: ['aws'], day: ['day-1'] }, 'tag', 'aws', { day: ['day-1'] }],
  ])('toggleFilter(%j, %s, %s)', (filters, field, value, expected) => {
    expect(toggleFilter(filters, field, value)).toEqual(expected);
  });

  it('removeFilter drops an emptied field', () => {
    expect(removeFilter({ track: ['keynote'] }, 'track', 'keynote')).toEqual({});
    expect(countActiveFilters({ track: ['a', 'b'], tag: ['c'] })).toBe(3);
  });
});

describe('timeline URLs', () => {
  it.each<[TimelineFilters, 'newest' | 'oldest', string]>([
    [{}, 'newest', '/'],
    [{}, 'oldest', '/?order=oldest'],
    [
      { tag: ['docker'], conference: ['lca-2018'], track: ['sysadmin-miniconf'] },
      'newest',
      '/?conference=lca-2018&track=sysadmin-miniconf&tag=docker',
    ],
    [{ year: ['2015'] }, 'oldest', '/?year=2015&order=oldest'],
  ])('paths.home(%j, %s) is %s', (filters, order, url) => {
    expect(paths.home(filters, order)).toBe(url);
    const params = new URLSearchParams(url.slice(1));
    expect(readFilters(params)).toEqual(filters);
    expect(readTimelineOrder(params)).toBe(order);
  });

  it.each(['', 'order=newest', 'order=sideways', 'order=OLDEST'])('?%s is newest first', (q) => {
    expect(readTimelineOrder(new URLSearchParams(q))).toBe('newest');
  });
});

describe('groupTimeline', () => {
  it('groups newest first, or oldest first, with day notes', () => {
    const all = timelineBundle.talks;
    const newest = groupTimeline(timelineBundle, all, { order: 'newest', keepNoteOnlyDays: true });
    expect(newest.map((g) => g.conference.id)).toEqual(['lca-2018', 'pycon-2015']);
    expect(newest[0]?.days.map((d) => d.day.label)).toEqual(['Day 1', 'Day 2']);
    expect(newest[1]?.days[0]?.notes.map((n) => n.heading)).toEqual(['Breakfast', 'Wrap up']);
    const oldest = groupTimeline(timelineBundle, all, { order: 'oldest', keepNoteOnlyDays: true });
    expect(oldest.map((g) => g.conference.id)).toEqual(['pycon-2015', 'lca-2018']);
  });

  it('keeps a day that has only notes when unfiltered, drops it when filtered', () => {
    const onlyLca = timelineBundle.talks.filter((t) => t.conference === 'lca-2018');
    const keep = groupTimeline(timelineBundle, onlyLca, {
      order: 'newest',
      keepNoteOnlyDays: true,
    });
    expect(keep.map((g) => g.conference.id)).toEqual(['lca-2018', 'pycon-2015']);
    expect(keep[1]?.days[0]?.tracks).toEqual([]);
    const drop = groupTimeline(timelineBundle, onlyLca, {
      order: 'newest',
      keepNoteOnlyDays: false,
    });
    expect(drop.map((g) => g.conference.id)).toEqual(['lca-2018']);
  });
});

describe('limitTimeline', () => {
  const groups = groupTimeline(timelineBundle, timelineBundle.talks, {
    order: 'newest',
    keepNoteOnlyDays: true,
  });
  const shape = (limit: number) => {
    const { groups: kept, shown, total } = limitTimeline(groups, limit);
    return [
      kept.map((g) => `${g.conference.id}:${g.days.map((d) => d.key).join(',')}`),
      shown,
      total,
    ];
  };
  it.each<[number, unknown]>([
    [1, [['lca-2018:day-1'], 1, 6]],
    [2, [['lca-2018:day-1,day-2'], 4, 6]],
    [4, [['lca-2018:day-1,day-2'], 4, 6]],
    [5, [['lca-2018:day-1,day-2', 'pycon-2015:day-2'], 6, 6]],
    [0, [['lca-2018:day-1'], 1, 6]],
  ])('limit %i keeps whole days', (limit, expected) => {
    expect(shape(limit)).toEqual(expected);
  });
});
