import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/pipeline/parse/parse-note';
import type { FileFacts, ParsedNote } from '../../src/pipeline/parse/types';

const facts: FileFacts = { tags: [], aliases: [] };

function parse(
  body: string,
  format: 'markdown' | 'text' = 'markdown',
  extra: Partial<FileFacts> = {},
): ParsedNote {
  return parseNote({
    file: 'notes/day.md',
    body,
    bodyLine: 1,
    format,
    facts: { ...facts, ...extra },
  });
}

/** kind · title · speakers · day · track, one string per talk or day note with text in it. */
function outline(note: ParsedNote): string[] {
  const shown = note.sections.filter((section) => section.kind === 'talk' || section.body !== '');
  return shown.map((section) =>
    [
      section.kind,
      section.title ?? '',
      section.speakers.map((speaker) => speaker.name).join(' & '),
      section.day?.label ?? '',
      section.track?.name ?? '',
    ].join(' · '),
  );
}

const lines = (...text: string[]) => text.join('\n');

describe('markdown structure', () => {
  it.each<[string, string, string[]]>([
    [
      'ATX headings with and without a space, closed ATX',
      lines('#Day 2', '## Talk one - Jane Doe', 'notes', '##Talk two - John Smith ##', 'more'),
      ['talk · Talk one · Jane Doe · Day 2 · ', 'talk · Talk two · John Smith · Day 2 · '],
    ],
    [
      'setext headings',
      lines('Day 1', '=====', '', 'Talk one - Jane Doe', '-----------', 'notes here', 'more notes'),
      ['talk · Talk one · Jane Doe · Day 1 · '],
    ],
    [
      '# lines inside code fences are not headings',
      lines(
        '## Shell tricks - Jane Doe',
        '```sh',
        '# Day 3',
        '## not a talk - Bob Ross',
        '```',
        'after',
      ),
      ['talk · Shell tricks · Jane Doe ·  · '],
    ],
    [
      '--- between sections is a rule, not a setext underline of the notes above it',
      lines(
        '## Talk one - Jane Doe',
        'the last line of notes',
        '---',
        '## Talk two - John Smith',
        'x',
      ),
      ['talk · Talk one · Jane Doe ·  · ', 'talk · Talk two · John Smith ·  · '],
    ],
    [
      'a track heading with talks under it, sub-headings stay inside the talk',
      lines(
        '# Sysadmin miniconf',
        '## Containers - Jane Doe',
        '### Myths',
        'notes',
        '## Puppet - John Smith',
        'x',
      ),
      [
        'talk · Containers · Jane Doe ·  · Sysadmin miniconf',
        'talk · Puppet · John Smith ·  · Sysadmin miniconf',
      ],
    ],
    [
      'a track-like heading whose first line reads "Name - Title"',
      lines('## Keynote', 'Matthew Todd - Opensoure drug discovery', 'notes'),
      ['talk · Opensoure drug discovery · Matthew Todd ·  · Keynote'],
    ],
    [
      'bold paragraphs as titles, numbered, with the closing ** missing; a session type and a person stay whole',
      lines(
        '# Jour 2',
        '',
        '**A. Keynote: Jane Doe**',
        'notes',
        '',
        '**B. Les conteneurs - Jean Dupont',
        'notes',
      ),
      [
        'talk · Keynote: Jane Doe · Jane Doe · Jour 2 · Keynote',
        'talk · Les conteneurs · Jean Dupont · Jour 2 · ',
      ],
    ],
    [
      'numbering and times before titles',
      lines(
        '## 3. Puppet in the cloud - Jethro Carr',
        'x',
        '## 10:00 Rust at scale - Jane Doe',
        'y',
        '## 10h30 : Ouverture - Jean Dupont',
        'z',
        '## Saturday 14:00 - Closing words - Ada Lovelace',
        'w',
      ),
      [
        'talk · Puppet in the cloud · Jethro Carr ·  · ',
        'talk · Rust at scale · Jane Doe ·  · ',
        'talk · Ouverture · Jean Dupont ·  · ',
        'talk · Closing words · Ada Lovelace ·  · ',
      ],
    ],
    [
      'the speaker on the line after the title',
      lines(
        '## Scaling Postgres',
        'speaker: Jane Doe',
        'notes',
        '## Pairing',
        'Speakers: Ada Lovelace and Alan Turing',
        'x',
        '## Rust',
        '**presenter:** John Smith',
        'y',
        '## Go',
        '- Rob Pike',
        'z',
      ),
      [
        'talk · Scaling Postgres · Jane Doe ·  · ',
        'talk · Pairing · Ada Lovelace & Alan Turing ·  · ',
        'talk · Rust · John Smith ·  · ',
        'talk · Go · Rob Pike ·  · ',
      ],
    ],
    [
      'titles written as links, with the link defined at the bottom',
      lines(
        '## [Scaling Postgres] - Jane Doe',
        'notes',
        '',
        '[Scaling Postgres]: https://example.org/pg',
      ),
      ['talk · Scaling Postgres · Jane Doe ·  · '],
    ],
    [
      'sections that are not talks stay notes',
      lines(
        '# Day 1',
        '## Talk - Jane Doe',
        'x',
        '## Things to google',
        '- CRDTs',
        '## Talks I missed',
        '- the Rust one',
      ),
      [
        'talk · Talk · Jane Doe · Day 1 · ',
        'note · Things to google ·  · Day 1 · ',
        'note · Talks I missed ·  · Day 1 · ',
      ],
    ],
    [
      'a heading that says nothing but heads notes is a talk with no speaker',
      lines('# Lightning talks', 'five minutes each'),
      ['talk · Lightning talks ·  ·  · '],
    ],
    [
      'an explicit {#id} wins',
      lines('## Puppet in the cloud - Jethro Carr {#puppet}', 'x'),
      ['talk · Puppet in the cloud · Jethro Carr ·  · '],
    ],
  ])('%s', (_, body, expected) => {
    expect(outline(parse(body))).toEqual(expected);
  });

  it('keeps an explicit id, aliases and tags written under the title', () => {
    const [section] = parse(
      lines(
        '## Puppet - Jethro Carr {#puppet-cloud}',
        'aliases: puppet-old, puppet-2017',
        'tags: puppet, aws',
        'notes',
      ),
    ).sections;
    expect(section).toMatchObject({
      explicitId: 'puppet-cloud',
      aliases: ['puppet-old', 'puppet-2017'],
      tags: ['puppet', 'aws'],
      body: 'notes',
    });
  });

  it('resolves a title link against the definitions at the bottom', () => {
    const [section] = parse(
      lines(
        '## [Scaling Postgres] - Jane Doe',
        'notes',
        '',
        '[Scaling Postgres]: https://example.org/pg',
      ),
    ).sections;
    expect(section!.titleLinks).toEqual([
      { url: 'https://example.org/pg', text: 'Scaling Postgres' },
    ]);
  });

  it('records the file lines of each section', () => {
    const note = parseNote({
      file: 'x.md',
      body: lines('# Day 2', '', '## A - Jane Doe', 'one', '', '## B - John Smith', 'two', ''),
      bodyLine: 6,
      format: 'markdown',
      facts,
    });
    expect(note.sections.map((s) => [s.kind, s.startLine, s.endLine])).toEqual([
      ['note', 6, 6],
      ['talk', 8, 9],
      ['talk', 11, 12],
    ]);
  });

  it('takes the day from the file when no heading names one', () => {
    expect(
      outline(parse('## A - Jane Doe\nx', 'markdown', { day: { label: 'Day 3', number: 3 } })),
    ).toEqual(['talk · A · Jane Doe · Day 3 · ']);
  });
});

describe('plain text structure', () => {
  it('finds talks on short lines standing alone, keeps text before the first talk as the day note', () => {
    const note = parse(
      lines(
        'My first day. Lots of coffee.',
        '',
        'Friday Keynote: Catherine Bracy, Code for America',
        '',
        'In the words of a former boss.',
        '',
        'Misc Notes:',
        '',
        '  • one',
        '  • two',
        '',
        'Building Secure Systems, @lvh',
        '',
        'The problem:',
        '',
        '* All software has bugs',
        '- Some are security bugs',
        '+ All sec bugs are bad',
        '',
        'Wrap up',
        '',
        'Time for dinner.',
      ),
      'text',
    );
    expect(outline(note)).toEqual([
      'note ·  ·  ·  · ',
      'talk · Friday Keynote · Catherine Bracy ·  · Keynote',
      'talk · Building Secure Systems · @lvh ·  · ',
      'note · Wrap up ·  ·  · ',
    ]);
    expect(note.sections[1]!.body).toContain('Misc Notes:');
  });

  it('reads a speaker line under a plain-text title', () => {
    expect(
      outline(
        parse(lines('Intro', '', 'Scaling Postgres', 'speaker: Jane Doe', '', 'notes'), 'text'),
      ),
    ).toEqual(['note ·  ·  ·  · ', 'talk · Scaling Postgres · Jane Doe ·  · ']);
  });

  it('reads day lines in plain text', () => {
    expect(
      outline(
        parse(
          lines(
            'Day 1',
            '',
            'A talk - Jane Doe',
            '',
            'x',
            '',
            'Jour 2',
            '',
            'B talk - Jean Dupont',
            '',
            'y',
          ),
          'text',
        ),
      ),
    ).toEqual(['talk · A talk · Jane Doe · Day 1 · ', 'talk · B talk · Jean Dupont · Jour 2 · ']);
  });
});
