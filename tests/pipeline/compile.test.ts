import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { compileFiles, compileNotes } from '../../src/pipeline/compile';
import { isDayFileName } from '../../src/pipeline/parse/parse-file';
import type { RawFile } from '../../src/pipeline/read/files';
import { BUILT_IN_VOCABULARY_URL, parseVocabulary } from '../../src/pipeline/enrich/tags';

const vocabulary = parseVocabulary(
  await readFile(BUILT_IN_VOCABULARY_URL, 'utf8'),
  'tag-vocabulary.yaml',
).vocabulary;
const now = new Date('2026-01-01T00:00:00Z');
const file = (path: string, text: string | Uint8Array): RawFile => ({
  path,
  bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
});
const compile = (...files: RawFile[]) => compileFiles(files, vocabulary, now);
const ids = (...files: RawFile[]) => compile(...files).bundle.talks.map((talk) => talk.id);

describe('bad input', () => {
  it('says when the notes folder does not exist, and how to point at another', async () => {
    await expect(
      compileNotes({ contentDir: 'tests/fixtures/no-such-folder', now }),
    ).rejects.toThrow(
      'There is no notes folder at tests/fixtures/no-such-folder: create it, or set CONTENT_DIR to the folder of your notes.',
    );
  });

  it('lists every error at once, naming file and line, and keeps the notes', async () => {
    const { issues, bundle } = await compileNotes({ contentDir: 'tests/fixtures/broken', now });
    const errors = issues
      .filter((issue) => issue.severity === 'error')
      .map((i) => `${i.file}:${i.line}: ${i.message}`);
    expect(errors).toEqual([
      expect.stringMatching(
        /^conf-2020\/day-1\.md:3: date: expected YYYY-MM-DD, got "23\/01\/2020"$/,
      ),
      expect.stringMatching(/^conf-2020\/day-1\.md:4: year: /),
      expect.stringMatching(/^conf-2020\/day-2\.md:2: /),
      'conf-2020/slides.txt:1: binary file, not a note',
    ]);
    expect(bundle.talks.map((talk) => talk.title)).toContain('A talk');
    expect(bundle.talks.find((talk) => talk.title === 'A talk')!.text).toBe('notes survive');
  });

  it('fails when two talks claim the same id', () => {
    const { issues } = compile(
      file('c/day-1.md', '## One - Jane Doe {#same}\nx\n## Two - John Smith {#same}\ny\n'),
    );
    expect(issues).toContainEqual({
      severity: 'error',
      file: 'c/day-1.md',
      line: 3,
      message: 'talk id "c/same" is already used by "One" (c/day-1.md:1)',
    });
  });

  it('fails when an alias points at another talk', () => {
    const { issues } = compile(
      file('c/day-1.md', '## One - Jane Doe\nx\n## Two - John Smith\naliases: one\ny\n'),
    );
    expect(issues.map((issue) => issue.message)).toContain(
      'alias "c/one" is already used by "One" (c/day-1.md:1)',
    );
  });

  it('stores aliases as the old talk ids they stand for', () => {
    const { bundle, issues } = compile(
      file('c/day-1.md', '## One - Jane Doe\naliases: Old Name, b/elsewhere\nx\n'),
    );
    expect(issues).toEqual([]);
    expect(bundle.talks[0]!.aliases).toEqual(['c/old-name', 'b/elsewhere']);
  });

  it('reads invalid UTF-8 as Windows-1252 and says so', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('## Caf'),
      0xe9,
      ...new TextEncoder().encode(' talk - Jane Doe\nnotes\n'),
    ]);
    const { bundle, issues } = compile(file('c/day-1.md', bytes));
    expect(bundle.talks[0]!.title).toBe('Café talk');
    expect(issues[0]).toMatchObject({ severity: 'warning', file: 'c/day-1.md', line: 1 });
  });

  it('handles CRLF and a BOM', () => {
    const { bundle } = compile(file('c/day-1.md', '\uFEFF## One - Jane Doe\r\nnotes\r\n'));
    expect(bundle.talks[0]).toMatchObject({
      title: 'One',
      text: 'notes',
      source: { startLine: 1, endLine: 2 },
    });
  });
});

describe('stable ids', () => {
  const day1 =
    '## Keynote: Jane Doe\nx\n## Rust at scale - Ada Lovelace\ny\n## Puppet in the cloud - Jethro Carr\nz\n';
  it('do not change when other talks are added, removed or reordered', () => {
    const before = ids(file('c/day-1.md', day1));
    const reordered = ids(
      file(
        'c/day-1.md',
        '## Puppet in the cloud - Jethro Carr\nz\n## New talk - Bob Ross\nq\n## Rust at scale - Ada Lovelace\ny\n',
      ),
    );
    expect(before).toEqual(['c/keynote-jane-doe', 'c/rust-at-scale', 'c/puppet-in-the-cloud']);
    expect(reordered).toEqual(['c/puppet-in-the-cloud', 'c/new-talk', 'c/rust-at-scale']);
  });

  it('get a suffix only on a real collision, decided by the talks themselves, not their order', () => {
    const a = '## Lightning round - Jane Doe\nx\n';
    const b = '## Lightning round - John Smith\ny\n';
    const one = ids(file('c/day-1.md', a + b));
    const other = ids(file('c/day-1.md', b + a));
    expect(one).toEqual(['c/lightning-round', 'c/lightning-round-john-smith']);
    expect(other).toEqual(['c/lightning-round-john-smith', 'c/lightning-round']);
    expect(ids(file('c/day-1.md', a), file('d/day-1.md', a))).toEqual([
      'c/lightning-round',
      'd/lightning-round',
    ]);
  });
});

describe('one file per talk', () => {
  it('is a talk titled by its heading', () => {
    const { bundle } = compile(
      file('pycon-2015/secure.md', '# Building Secure Systems\nspeaker: @lvh\n\nnotes\n'),
    );
    expect(bundle.talks.map((t) => [t.id, t.title, t.speakers[0]?.name])).toEqual([
      ['pycon-2015/building-secure-systems', 'Building Secure Systems', '@lvh'],
    ]);
  });

  it('is a talk titled by its file name when it has no heading', () => {
    const { bundle } = compile(
      file('pycon-2015/smart-services.txt', 'Lots of notes.\n\nMore notes.\n'),
    );
    expect(bundle.talks.map((t) => [t.id, t.title, t.text])).toEqual([
      ['pycon-2015/smart-services', 'Smart Services', 'Lots of notes.\nMore notes.'],
    ]);
  });

  it("but a file named for a day with no talks is that day's note", () => {
    const { bundle } = compile(file('pycon-2015/day-3.txt', 'Rested all day.\n'));
    expect(bundle.talks).toEqual([]);
    expect(bundle.dayNotes.map((n) => [n.day.label, n.text])).toEqual([
      ['Day 3', 'Rested all day.'],
    ]);
  });

  it.each([
    ['day-2', true],
    ['2018-01-23', true],
    ['friday', true],
    ['notes', true],
    ['j2-notes', true],
    ['building-secure-systems', false],
    ['day-2-operations-with-containers', false],
  ])('isDayFileName(%s) → %s', (stem, expected) => {
    expect(isDayFileName(stem)).toBe(expected);
  });
});

describe('days and tracks from the path', () => {
  it('reads conference and day from the folder and file name', () => {
    const { bundle } = compile(
      file('pycon-2015/day-2.txt', 'Intro.\n\nBuilding Secure Systems, @lvh\n\nnotes\n'),
    );
    expect(bundle.conferences[0]).toMatchObject({
      id: 'pycon-2015',
      name: 'Pycon 2015',
      year: 2015,
    });
    expect(bundle.talks[0]!.day).toMatchObject({ label: 'Day 2', number: 2 });
  });

  it('reads a French day in the file name', () => {
    const { bundle } = compile(file('devconf/j2-notes.md', '## Ouverture - Jean Dupont\nx\n'));
    expect(bundle.talks[0]!.day.number).toBe(2);
  });

  it('reads a weekday folder', () => {
    const { bundle } = compile(
      file('jsconf-2019/Tuesday/notes.md', '## Ouverture - Jean Dupont\nx\n'),
    );
    expect(bundle.talks[0]!.day.label).toBe('Tuesday');
  });
});

describe('time and session', () => {
  it('carries the time and session label written around a title into the bundle', () => {
    const { bundle } = compile(
      file(
        'c/day-1.md',
        '---\ndate: 2020-01-21\n---\n## 11:35 - Keynote: Big ideas - Jane Doe\nx\n## 14h30 Small things - John Smith\ny\n## Untimed - Ann Lee\nz\n',
      ),
    );
    expect(bundle.talks.map(({ title, time, session }) => ({ title, time, session }))).toEqual([
      { title: 'Big ideas', time: '11:35', session: 'Keynote' },
      { title: 'Small things', time: '14h30', session: undefined },
      { title: 'Untimed', time: undefined, session: undefined },
    ]);
    expect(Object.keys(bundle.talks[2]!)).not.toContain('time');
  });
});
