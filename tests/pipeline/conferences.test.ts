import { describe, expect, it } from 'vitest';
import { compileNotes } from '../../src/pipeline/compile';
import { eventInTitle } from '../../src/pipeline/parse/conferences';

const now = new Date('2026-01-01T00:00:00Z');

describe('one folder, several events (tests/fixtures/events)', async () => {
  const { bundle, issues } = await compileNotes({
    contentDir: 'tests/fixtures/events',
    now,
    workers: 0,
  });
  const conference = (id: string) => bundle.conferences.find((c) => c.id === id);

  it('gives one conference per event, named by title, front matter, or file name', () => {
    expect(
      bundle.conferences
        .map((c) => [c.id, c.name, c.year ?? null, c.days.map((d) => d.label)] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    ).toEqual([
      ['datacamp-2020', 'Data Camp Europe 2020', 2020, ['Day 1']],
      ['dataconf-2019', 'Open Data Conference 2019', 2019, ['Day 1']],
      ['devconf', 'Devconf', null, ['Day 1']],
      ['devsummit-east-2015', 'Devsummit East 2015', 2015, ['Day 1', 'Day 2']],
      ['devsummit-west-2016', 'DevSummit West 2016', 2016, ['Day 1', 'Day 2']],
      ['fooconf-2019', 'FooConf 2019', 2019, ['Notes']],
      ['immuno-2022', 'Immuno 2022', 2022, ['Notes']],
      ['jsfest-2022', 'JSFest 2022', 2022, ['Day 1', 'Day 2']],
      ['kubecamp-oslo-2017', 'KubeCamp Oslo 2017', 2017, ['2017-05-02']],
      ['kubecon-eu-2019', 'Kubecon Eu 2019', 2019, ['Day 1']],
      ['kubecon-na-2019', 'Kubecon Na 2019', 2019, ['Day 1']],
      ['pyday-2023', 'PyDay 2023', 2023, ['Notes']],
      ['rustfest-2021', 'RustFest 2021', 2021, ['Notes']],
      ['velocity-2016', 'Velocity 2016', 2016, ['Day 1']],
      ['webcamp-2018', 'Webcamp 2018', 2018, ['Notes']],
    ]);
  });

  it('files each talk under its own event and day, never under the notes folder', () => {
    const inFileOrder = [...bundle.talks].sort(
      (a, b) =>
        a.source.file.localeCompare(b.source.file) || a.source.startLine - b.source.startLine,
    );
    expect(inFileOrder.map((t) => [t.source.file, t.title, t.conference, t.day.label])).toEqual([
      [
        'blog/_posts/2017-05-02-kubecamp.md',
        'Operators in practice',
        'kubecamp-oslo-2017',
        '2017-05-02',
      ],
      ['blog/2019-06-fooconf-trip-report.md', 'Latency budgets', 'fooconf-2019', 'Notes'],
      ['devconf/day-1.md', 'Testing the untestable', 'devconf', 'Day 1'],
      ['kubecon-2019/kubecon-eu-2019.md', 'Service meshes, honestly', 'kubecon-eu-2019', 'Day 1'],
      ['kubecon-2019/kubecon-na-2019.md', 'Cluster API in anger', 'kubecon-na-2019', 'Day 1'],
      [
        'my-conference-notes/2018/webcamp/talks/accessible-forms.md',
        'Accessible forms',
        'webcamp-2018',
        'Notes',
      ],
      [
        'my-conference-notes/datacamp-2020/day-1.md',
        'Feature stores, a year in',
        'datacamp-2020',
        'Day 1',
      ],
      [
        'my-conference-notes/dataconf/dataconf-2019.md',
        'Notebooks in production',
        'dataconf-2019',
        'Day 1',
      ],
      [
        'my-conference-notes/devsummit/east-2015.md',
        'Shipping on Fridays',
        'devsummit-east-2015',
        'Day 1',
      ],
      [
        'my-conference-notes/devsummit/east-2015.md',
        'Caching at the edge',
        'devsummit-east-2015',
        'Day 1',
      ],
      [
        'my-conference-notes/devsummit/east-2015.md',
        'What the pager taught us',
        'devsummit-east-2015',
        'Day 2',
      ],
      [
        'my-conference-notes/devsummit/west-2016.md',
        'Queues without tears',
        'devsummit-west-2016',
        'Day 1',
      ],
      [
        'my-conference-notes/devsummit/west-2016.md',
        'Reading flame graphs',
        'devsummit-west-2016',
        'Day 2',
      ],
      [
        'my-conference-notes/immuno-2022/immuno-2022-session-2.md',
        'Tissue atlases at scale',
        'immuno-2022',
        'Notes',
      ],
      ['my-conference-notes/pyday/2023.md', 'Typing a legacy codebase', 'pyday-2023', 'Notes'],
      ['my-conference-notes/rustfest-2021.md', 'Borrowing without fear', 'rustfest-2021', 'Notes'],
      ['travel-2016/velocity-2016/day-1.md', 'Chaos days', 'velocity-2016', 'Day 1'],
      ['trip-notes/jsfest-2022/day-1.md', 'Signals explained', 'jsfest-2022', 'Day 1'],
      ['trip-notes/jsfest-2022/day-2.md', 'Bundlers in 2022', 'jsfest-2022', 'Day 2'],
    ]);
    expect(conference('my-conference-notes')).toBeUndefined();
  });

  it("accepts a blog post's front matter without warnings, and its authors are not speakers", () => {
    expect(issues).toEqual([]);
    const talk = bundle.talks.find((t) => t.conference === 'kubecamp-oslo-2017')!;
    expect(talk.speakers).toEqual([{ name: 'Nils Berg' }]);
    expect(bundle.speakers.map((s) => s.name)).not.toContain('Sam Writer');
  });
});

describe('eventInTitle', () => {
  it.each<[string, number | undefined, ReturnType<typeof eventInTitle>]>([
    [
      'Open Data Science East (2015)',
      undefined,
      { name: 'Open Data Science East', words: ['Open', 'Data', 'Science', 'East'], year: 2015 },
    ],
    [
      'CSHL Immunology 2023 - Session 1',
      undefined,
      { name: 'CSHL Immunology', words: ['CSHL', 'Immunology'], year: 2023 },
    ],
    ['NextGen Omics Day 1', undefined, { name: 'NextGen Omics', words: ['NextGen', 'Omics'] }],
    [
      'linux.conf.au - Day 1',
      2016,
      { name: 'linux.conf.au', words: ['linux.conf.au'], year: 2016 },
    ],
    ['Notes from **PyCon 2015**', undefined, { name: 'PyCon', words: ['PyCon'], year: 2015 }],
    [
      'PyCon 2016 in Portland: a trip report',
      undefined,
      { name: 'PyCon', words: ['PyCon'], year: 2016 },
    ],
    ['How we scaled our queues in 2019', undefined, undefined],
    ['Day 2', undefined, undefined],
  ])('%j', (title, year, event) => {
    expect(eventInTitle(title, year)).toEqual(event);
  });
});
