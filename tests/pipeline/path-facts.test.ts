import { describe, expect, it } from 'vitest';
import type { FrontMatter } from '../../src/pipeline/parse/front-matter';
import { factsFromPath, mergeFacts, toReadableName } from '../../src/pipeline/parse/path-facts';
import type { FileFacts } from '../../src/pipeline/parse/types';

const day = (label: string, number?: number) =>
  number === undefined ? { label } : { label, number };

describe('factsFromPath', () => {
  it.each<[string, Partial<FileFacts>]>([
    [
      'pycon-2015/day-2.txt',
      { conference: 'Pycon 2015', conferenceSlug: 'pycon-2015', year: 2015, day: day('Day 2', 2) },
    ],
    [
      'lca-2018/day-2.md',
      { conference: 'Lca 2018', conferenceSlug: 'lca-2018', year: 2018, day: day('Day 2', 2) },
    ],
    [
      '2019/fosdem/saturday.md',
      {
        conference: 'Fosdem 2019',
        conferenceSlug: 'fosdem-2019',
        year: 2019,
        day: day('Saturday'),
      },
    ],
    [
      'fosdem/2019/saturday.md',
      {
        conference: 'Fosdem 2019',
        conferenceSlug: 'fosdem-2019',
        year: 2019,
        day: day('Saturday'),
      },
    ],
    [
      'devconf/j2-notes.md',
      { conference: 'Devconf', conferenceSlug: 'devconf', day: day('Jour 2', 2) },
    ],
    [
      'devconf/1er-jour.md',
      { conference: 'Devconf', conferenceSlug: 'devconf', day: day('Jour 1', 1) },
    ],
    [
      'jsconf-2019/Tuesday/keynote.md',
      { conference: 'Jsconf 2019', conferenceSlug: 'jsconf-2019', year: 2019, day: day('Tuesday') },
    ],
    [
      'pycon-2015/2015-04-10.md',
      { conference: 'Pycon 2015', conferenceSlug: 'pycon-2015', year: 2015, date: '2015-04-10' },
    ],
    [
      'pycon-2015/2015-04-10/talk.md',
      { conference: 'Pycon 2015', conferenceSlug: 'pycon-2015', year: 2015, date: '2015-04-10' },
    ],
    [
      'pycon-2015/day-1/sysadmin-track.md',
      {
        conference: 'Pycon 2015',
        conferenceSlug: 'pycon-2015',
        year: 2015,
        day: day('Day 1', 1),
        track: 'Sysadmin',
      },
    ],
    [
      'lca-2018/sysadmin-miniconf.md',
      {
        conference: 'Lca 2018',
        conferenceSlug: 'lca-2018',
        year: 2018,
        track: 'Sysadmin miniconf',
      },
    ],
    [
      'lca-2018/day-2-sysadmin-miniconf.md',
      {
        conference: 'Lca 2018',
        conferenceSlug: 'lca-2018',
        year: 2018,
        day: day('Day 2', 2),
        track: 'Sysadmin miniconf',
      },
    ],
    [
      'lca-2018/security-track/day2.md',
      {
        conference: 'Lca 2018',
        conferenceSlug: 'lca-2018',
        year: 2018,
        day: day('Day 2', 2),
        track: 'Security',
      },
    ],
    [
      'PyCon-2015/Day 2.md',
      { conference: 'PyCon 2015', conferenceSlug: 'pycon-2015', year: 2015, day: day('Day 2', 2) },
    ],
    [
      'linux.conf.au-2018/day-2.md',
      {
        conference: 'Linux.conf.au 2018',
        conferenceSlug: 'linux-conf-au-2018',
        year: 2018,
        day: day('Day 2', 2),
      },
    ],
    [
      'pycon-2015/talks/keynote.md',
      { conference: 'Pycon 2015', conferenceSlug: 'pycon-2015', year: 2015 },
    ],
    [
      'devconf/friday.markdown',
      { conference: 'Devconf', conferenceSlug: 'devconf', day: day('Friday') },
    ],
  ])('%s', (path, facts) => {
    expect(factsFromPath(path)).toEqual(facts);
  });

  it.each<[string, Partial<FileFacts>]>([
    // A file named after its talk keeps the conference but says nothing about the day.
    [
      'pycon-2015/day-2-operations-with-containers.md',
      { conference: 'Pycon 2015', conferenceSlug: 'pycon-2015', year: 2015 },
    ],
    [
      'pycon-2015/friday-keynote.md',
      { conference: 'Pycon 2015', conferenceSlug: 'pycon-2015', year: 2015 },
    ],
    [
      'pycon-2015/daily-standups.txt',
      { conference: 'Pycon 2015', conferenceSlug: 'pycon-2015', year: 2015 },
    ],
    [
      'pycon-2015/track-record.md',
      { conference: 'Pycon 2015', conferenceSlug: 'pycon-2015', year: 2015 },
    ],
  ])('a talk file name is not a day: %s', (path, facts) => {
    expect(factsFromPath(path)).toEqual(facts);
  });

  it.each<[string, Partial<FileFacts>]>([
    [
      'notes/devoxx-2022/day1.md',
      {
        conference: 'Devoxx 2022',
        conferenceSlug: 'devoxx-2022',
        year: 2022,
        day: day('Day 1', 1),
      },
    ],
    [
      'jane-conference-notes/2018/midwestjs/talks/opening-keynote.md',
      { conference: 'Midwestjs 2018', conferenceSlug: 'midwestjs-2018', year: 2018 },
    ],
    [
      'conference-notes/ODSC/odsc-east-2015.md',
      { conference: 'Odsc East 2015', conferenceSlug: 'odsc-east-2015', year: 2015 },
    ],
    [
      'conference-notes/scipy/2023.md',
      { conference: 'Scipy 2023', conferenceSlug: 'scipy-2023', year: 2023 },
    ],
    [
      'my-blog/2018/kubecon-copenhagen-2018-day-1.md',
      {
        conference: 'Kubecon Copenhagen 2018',
        conferenceSlug: 'kubecon-copenhagen-2018',
        year: 2018,
        day: day('Day 1', 1),
      },
    ],
  ])('the event sits below a notes folder: %s', (path, facts) => {
    expect(factsFromPath(path)).toEqual(facts);
  });

  it.each<[string, Partial<FileFacts>]>([
    ['pycon-2015-day-2.md', { conference: 'Pycon 2015', year: 2015, day: day('Day 2', 2) }],
    ['day-2-pycon-2015.txt', { conference: 'Pycon 2015', year: 2015, day: day('Day 2', 2) }],
    ['pycon-2015-notes.md', { conference: 'Pycon 2015', year: 2015 }],
    ['2015-04-10-pycon.md', { conference: 'Pycon', year: 2015, date: '2015-04-10' }],
    ['2019/fosdem-saturday.md', { conference: 'Fosdem 2019', year: 2019, day: day('Saturday') }],
    ['day-2.md', { day: day('Day 2', 2) }],
    ['notes.md', {}],
    ['', {}],
  ])('a loose file names its conference by its own name, without a slug: %s', (path, facts) => {
    expect(factsFromPath(path)).toEqual(facts);
  });

  it.each([
    ['pycon-2015', 'Pycon 2015'],
    ['lca_2018', 'Lca 2018'],
    ['PyCon-2015', 'PyCon 2015'],
    ['devopsdays-ams', 'Devopsdays Ams'],
    ['linux.conf.au', 'Linux.conf.au'],
  ])('toReadableName(%j) → %j', (slug, name) => {
    expect(toReadableName(slug)).toBe(name);
  });
});

describe('mergeFacts', () => {
  const fromPath = factsFromPath('lca-2018/day-2.md');

  it('takes front matter over the path, keeping the folder slug for stable ids', () => {
    const fm: FrontMatter = {
      conference: 'linux.conf.au 2018',
      year: 2018,
      location: 'Sydney, Australia',
      date: '2018-01-23',
    };
    expect(mergeFacts(fm, fromPath)).toEqual({
      conference: 'linux.conf.au 2018',
      conferenceSlug: 'lca-2018',
      year: 2018,
      location: 'Sydney, Australia',
      date: '2018-01-23',
      day: day('Day 2', 2),
      tags: [],
      aliases: [],
    });
  });

  it('falls back to the path when the file says nothing', () => {
    expect(mergeFacts({}, factsFromPath('pycon-2015/day-2.txt'))).toEqual({
      conference: 'Pycon 2015',
      conferenceSlug: 'pycon-2015',
      year: 2015,
      day: day('Day 2', 2),
      tags: [],
      aliases: [],
    });
  });

  it.each<[string, FrontMatter, Partial<FileFacts>, Partial<FileFacts>]>([
    ['a number day', { day: 3 }, fromPath, { day: day('Day 3', 3) }],
    ['a day label', { day: 'Friday' }, fromPath, { day: day('Friday') }],
    ['a day label with a number', { day: 'day two' }, fromPath, { day: day('Day 2', 2) }],
    ['a day label of its own', { day: 'Hack day' }, fromPath, { day: day('Hack day') }],
    [
      'a track',
      { track: 'Keynote' },
      factsFromPath('lca-2018/sysadmin-track.md'),
      { track: 'Keynote' },
    ],
    [
      'a date',
      { date: '2018-01-24' },
      factsFromPath('lca-2018/2018-01-23.md'),
      { date: '2018-01-24' },
    ],
    [
      'tags and aliases',
      { tags: ['a', 'b', 'a'], aliases: ['old'] },
      fromPath,
      { tags: ['a', 'b'], aliases: ['old'] },
    ],
  ])('front matter wins: %s', (_, fm, path, expected) => {
    expect(mergeFacts(fm, path)).toMatchObject(expected);
  });

  it.each<[string, FrontMatter, Partial<FileFacts>, number | undefined]>([
    ['front matter year', { year: 2017, date: '2018-01-23' }, fromPath, 2017],
    ['from the front-matter date', { date: '2016-05-01' }, fromPath, 2016],
    ['from the conference name', { conference: 'PyCon 2015' }, {}, 2015],
    ['from the path', {}, factsFromPath('2019/fosdem/saturday.md'), 2019],
    ['from the path date', {}, factsFromPath('devconf/2014-06-01.md'), 2014],
    ['unknown', { conference: 'DevConf' }, factsFromPath('devconf/j2.md'), undefined],
  ])('year %s', (_, fm, path, year) => {
    expect(mergeFacts(fm, path).year).toBe(year);
  });

  it.each<[string, FrontMatter, Partial<FileFacts>, string | undefined]>([
    ['the folder slug', { conference: 'linux.conf.au 2018' }, fromPath, 'lca-2018'],
    [
      'the conference name for a loose file',
      { conference: 'PyCon 2015' },
      factsFromPath('day-2.md'),
      'pycon-2015',
    ],
    ['the file name for a loose file', {}, factsFromPath('pycon-2015-day-2.md'), 'pycon-2015'],
    ['none when nothing names a conference', {}, factsFromPath('day-2.md'), undefined],
  ])('conference slug from %s', (_, fm, path, slug) => {
    expect(mergeFacts(fm, path).conferenceSlug).toBe(slug);
  });
});
