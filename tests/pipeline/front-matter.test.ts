import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/pipeline/parse/front-matter';

const FILE = 'lca-2018/day-2.md';
const lines = (...all: string[]) => all.join('\n');
const KNOWN = 'conference, year, location, date, day, track, tags, url, aliases, id, title';

describe('readFrontMatter: YAML front matter', () => {
  it('reads every field and returns the notes below it with their file line', () => {
    const text = lines(
      '---',
      'conference: linux.conf.au 2018',
      'year: 2018',
      'location: Sydney, Australia',
      'date: 2018-01-23',
      'day: Day 2',
      'track: Sysadmin miniconf',
      'tags: [linux, containers]',
      'url: https://lca2018.linux.org.au',
      'aliases: old-id',
      'id: custom-id',
      'title: A talk',
      '---',
      '# Day 2',
      'notes',
    );
    expect(readFrontMatter(text, FILE)).toEqual({
      data: {
        conference: 'linux.conf.au 2018',
        year: 2018,
        location: 'Sydney, Australia',
        date: '2018-01-23',
        day: 'Day 2',
        track: 'Sysadmin miniconf',
        tags: ['linux', 'containers'],
        url: 'https://lca2018.linux.org.au',
        aliases: ['old-id'],
        id: 'custom-id',
        title: 'A talk',
      },
      body: '# Day 2\nnotes',
      bodyLine: 14,
      issues: [],
    });
  });

  it.each([
    ['year as a string of digits', 'year: "2015"', { year: 2015 }],
    ['day as a number', 'day: 2', { day: 2 }],
    ['day as digits in quotes', 'day: "2"', { day: 2 }],
    ['day as a label', 'day: Friday', { day: 'Friday' }],
    [
      'tags as comma-separated text',
      'tags: python, security ,  ',
      { tags: ['python', 'security'] },
    ],
    ['tags as a block list', 'tags:\n  - python\n  - web', { tags: ['python', 'web'] }],
    ['aliases as a list', 'aliases: [a, b]', { aliases: ['a', 'b'] }],
    ['date in quotes', 'date: "2015-04-10"', { date: '2015-04-10' }],
    ['date with a time', 'date: 2015-04-10 09:00', { date: '2015-04-10' }],
    ['date with an ISO time', 'date: 2015-04-10T09:00:00Z', { date: '2015-04-10' }],
    ['a number where text is expected', 'location: 1984', { location: '1984' }],
    ['an empty value', 'track:', {}],
    ['a key in capitals', 'Conference: PyCon 2015', { conference: 'PyCon 2015' }],
    ['a comment', '# written by hand\nconference: PyCon', { conference: 'PyCon' }],
  ])('accepts %s', (_, yaml, data) => {
    const result = readFrontMatter(`---\n${yaml}\n---\nbody`, FILE);
    expect(result.data).toEqual(data);
    expect(result.issues).toEqual([]);
    expect(result.body).toBe('body');
  });

  it.each([
    ['--- and ... as closer', '---\nyear: 2018\n...\nbody', 4],
    ['trailing spaces on the fences', '---  \nyear: 2018\n---\t\nbody', 4],
    ['an empty block', '---\n---\nbody', 3],
  ])('recognises %s', (_, text, bodyLine) => {
    const result = readFrontMatter(text, FILE);
    expect(result.body).toBe('body');
    expect(result.bodyLine).toBe(bodyLine);
    expect(result.issues).toEqual([]);
  });

  it.each([
    ['a rule before prose', '---\nSome notes\n---\nmore', 'Some notes'],
    ['a rule before a heading', '---\n# Day 2\n---', '# Day 2'],
    ['a rule and nothing else', '---\n\nnotes', ''],
    ['headings between rules', '---\n# Day 2\n---\n## Keynote', '## Keynote'],
    ['no front matter at all', '# Day 2\nnotes', '# Day 2'],
    ['front matter not on line 1', '\n---\nyear: 2018\n---', ''],
  ])('treats %s as notes', (_, text, firstBodyLine) => {
    const result = readFrontMatter(text, FILE);
    expect(result).toMatchObject({ data: {}, body: text, bodyLine: 1, issues: [] });
    expect(result.body.split('\n')).toContain(firstBodyLine);
  });
});

describe('readFrontMatter: mistakes are reported on their line', () => {
  it.each([
    ['date: 23/01/2018', 'date: expected YYYY-MM-DD, got "23/01/2018"'],
    ['date: 2018-02-30', 'date: expected YYYY-MM-DD, got "2018-02-30"'],
    ['date: [2018]', 'date: expected YYYY-MM-DD, got a list'],
    ['year: twenty', 'year: expected a year like 2018, got "twenty"'],
    ['year: 2018.5', 'year: expected a year like 2018, got 2018.5'],
    ['day: 0', 'day: expected a day label or number, got 0'],
    ['conference: [a, b]', 'conference: expected text, got a list'],
    ['url: {name: x}', 'url: expected text, got key: value pairs'],
    ['tags: 3', 'tags: expected a list or comma-separated text, got 3'],
    ['tags: [a, [b]]', 'tags: expected a list or comma-separated text, got a list'],
    ['url: true', 'url: expected text, got true'],
  ])('%j is an error', (entry, message) => {
    const result = readFrontMatter(`---\ntrack: T\nlocation: L\n${entry}\n---\nnotes`, FILE);
    expect(result.issues).toEqual([{ severity: 'error', file: FILE, line: 4, message }]);
  });

  it('keeps the good fields and the notes when one field is wrong', () => {
    const result = readFrontMatter(
      '---\nconference: X\ndate: 23/01/2018\nyear: 2018\n---\nnotes',
      FILE,
    );
    expect(result.data).toEqual({ conference: 'X', year: 2018 });
    expect(result.body).toBe('notes');
  });

  it("accepts a blog post's own keys without a warning, and leaves them out", () => {
    const post = [
      '---',
      'layout: post',
      'title: KubeCamp 2017',
      'description: My day at KubeCamp',
      'authors:',
      '  - name: Sam Writer',
      'author: Sam Writer',
      'image: /me.png',
      'categories: [events]',
      'draft: false',
      'permalink: /kubecamp/',
      'slug: kubecamp',
      'summary: a day of talks',
      '---',
      'notes',
    ].join('\n');
    expect(readFrontMatter(post, FILE)).toMatchObject({
      data: { title: 'KubeCamp 2017' },
      body: 'notes',
      issues: [],
    });
  });

  it('warns about unknown keys on their line and goes on', () => {
    const result = readFrontMatter('---\nconference: X\n\nspeaker: Jane\nfoo: 1\n---\nnotes', FILE);
    expect(result.data).toEqual({ conference: 'X' });
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        file: FILE,
        line: 4,
        message: `unknown key "speaker" (known: ${KNOWN})`,
      },
      { severity: 'warning', file: FILE, line: 5, message: `unknown key "foo" (known: ${KNOWN})` },
    ]);
  });

  it.each([
    ['an unclosed list', 'conference: X\ntags: [a, b\nyear: 2018', 4],
    ['a duplicate key', 'conference: X\nyear: 2018\nconference: Y', 4],
    ['a tab-indented value', 'conference: X\ntags:\n\t- a', 4],
    ['a nested mapping on one line', 'conference: X\nyear: 2018: 3', 3],
    [
      'an unclosed quote (reported where the parser gives up)',
      'conference: X\nyear: "2018\nday: 2',
      4,
    ],
  ])('%s is a YAML error on its line; the notes survive', (_, yaml, line) => {
    const text = `---\n${yaml}\n---\n# Day 2\nnotes`;
    const result = readFrontMatter(text, FILE);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ severity: 'error', file: FILE, line });
    expect(result.issues[0]?.message).toMatch(/^front matter: /);
    expect(result.issues[0]?.message).not.toContain('\n');
    expect(result.body).toBe('# Day 2\nnotes');
    expect(result.bodyLine).toBe(yaml.split('\n').length + 3);
  });

  it('a leading list between rules is notes, not front matter', () => {
    const result = readFrontMatter('---\n- conference: X\n---\nnotes', FILE);
    // "- conference" does not look like a key, so this is a rule and a list in the notes.
    expect(result.issues).toEqual([]);
    expect(result.body).toBe('---\n- conference: X\n---\nnotes');
  });

  it('an unclosed block is an error on line 1 and keeps every line after the opener', () => {
    const result = readFrontMatter('---\nconference: X\n\n# Day 2\nnotes', FILE);
    expect(result).toEqual({
      data: {},
      body: 'conference: X\n\n# Day 2\nnotes',
      bodyLine: 2,
      issues: [
        { severity: 'error', file: FILE, line: 1, message: 'front matter: no closing `---` line' },
      ],
    });
  });
});

describe('readFrontMatter: Pelican / MultiMarkdown header lines', () => {
  it('maps Pelican keys onto the same fields', () => {
    const text = lines(
      'Title: Building Secure Systems',
      'Date: 2015-04-10 09:00',
      'Tags: python, security',
      'Conference: PyCon 2015',
      'Location: Montréal',
      'Category: Conferences',
      'Slug: building-secure-systems',
      'Author: Me',
      'Summary: Notes from the talk',
      '',
      'The problem:',
    );
    expect(readFrontMatter(text, FILE)).toEqual({
      data: {
        title: 'Building Secure Systems',
        date: '2015-04-10',
        tags: ['python', 'security'],
        conference: 'PyCon 2015',
        location: 'Montréal',
        id: 'building-secure-systems',
      },
      body: 'The problem:',
      bodyLine: 11,
      issues: [],
    });
  });

  it.each([
    [
      'lower-case keys',
      'title: A\ndate: 2015-04-10\n\nnotes',
      { title: 'A', date: '2015-04-10' },
      4,
    ],
    ['upper-case keys', 'TITLE: A\n\nnotes', { title: 'A' }, 3],
    ['a header only, no notes', 'Title: A', { title: 'A' }, 2],
    [
      'day and year as text',
      'Date: 2015-04-10\nDay: 2\nYear: 2015\n\nx',
      { date: '2015-04-10', day: 2, year: 2015 },
      5,
    ],
  ])('accepts %s', (_, text, data, bodyLine) => {
    const result = readFrontMatter(text, FILE);
    expect(result.data).toEqual(data);
    expect(result.bodyLine).toBe(bodyLine);
    expect(result.issues).toEqual([]);
  });

  it('reports a bad Pelican value on its line', () => {
    const result = readFrontMatter('Title: A\nDate: 10/04/2015\n\nnotes', FILE);
    expect(result.issues).toEqual([
      {
        severity: 'error',
        file: FILE,
        line: 2,
        message: 'date: expected YYYY-MM-DD, got "10/04/2015"',
      },
    ]);
    expect(result.data).toEqual({ title: 'A' });
    expect(result.body).toBe('notes');
  });

  it.each([
    [
      'a talk line that looks like a header',
      'Friday Keynote: Catherine Bracy, Code for America\n\nnotes',
    ],
    ['a note line', 'Note: bring a charger\n\nnotes'],
    ['a known key followed by an unknown one', 'Title: A\nSpeaker: Jane\n\nnotes'],
    ['header lines running into notes', 'Title: A\nThe talk was good.\n'],
    ['keys without a title or date', 'Summary: great talk\n\nnotes'],
    ['an indented key', '  Title: A\n\nnotes'],
    ['a URL line', 'https://example.com\n\nnotes'],
    [
      'the pycon sample opening',
      'My second day at PyCon, and the start of the actual conference.\n',
    ],
  ])('leaves %s in the notes', (_, text) => {
    expect(readFrontMatter(text, FILE)).toEqual({ data: {}, body: text, bodyLine: 1, issues: [] });
  });
});

describe('readFrontMatter: the sample notes', () => {
  it.each([
    [
      'lca-2018/day-2.md',
      {
        conference: 'linux.conf.au 2018',
        year: 2018,
        location: 'Sydney, Australia',
        date: '2018-01-23',
      },
      '# Day 2',
    ],
    [
      'pycon-2015/day-2.txt',
      { conference: 'PyCon 2015', year: 2015, location: 'Montréal, Canada', date: '2015-04-10' },
      'My second day at PyCon, and the start of the actual conference.',
    ],
  ])('%s', (file, data, firstLine) => {
    const text = readFileSync(new URL(`../../content/${file}`, import.meta.url), 'utf8');
    const result = readFrontMatter(text, file);
    expect(result.data).toEqual(data);
    expect(result.issues).toEqual([]);
    expect(result.bodyLine).toBe(7);
    expect(result.body.split('\n')[0]).toBe(firstLine);
    expect(text.split('\n')[result.bodyLine - 1]).toBe(firstLine);
  });
});
