/** The ingest benchmark's scorer: its matching rule on small hand-made inputs (not the parser's score). */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  compareReports,
  foundByFile,
  formatReport,
  parseSavedReport,
  toJson,
} from '../../scripts/bench/ingest-report';
import {
  MATCH_THRESHOLD,
  expectedCorpus,
  matchTalks,
  ratiosOf,
  sameSpeakers,
  scoreCorpus,
  scoreFile,
  titleSimilarity,
  type ExpectedFile,
} from '../../scripts/bench/ingest-score';
import { compileFiles, loadVocabulary } from '../../src/pipeline/compile';

const matches = (a: string, b: string) => titleSimilarity(a, b) >= MATCH_THRESHOLD;

describe('titleSimilarity', () => {
  it.each([
    ['Bayesian A/B Testing', 'bayesian a/b testing', 1],
    ['Dask vs Spark: A Field Report', 'Dask vs Spark — a field report!', 1],
    ['Accessibilité : arrêtons', 'accessibilite arretons', 0],
  ])('%j vs %j → %d', (a, b, similarity) => {
    expect(titleSimilarity(a, b)).toBe(similarity);
  });

  it.each([
    // A time or a session label left in the title: still the same talk.
    ['11:35 - Building Things Fast', 'Building Things Fast', true],
    ['Lightning talk: Why Vim', 'Why Vim', true],
    ['Talk 3 - Postmortems as Training Material', 'Postmortems as Training Material', true],
    ['Keeping etcd Healthy Under Pressure:', 'Keeping etcd Healthy Under Pressure', true],
    // One word a little off in a long title.
    ['Teaching Python to Nurse', 'Teaching Python to Nurses', true],
    // Too little in common.
    ['Keynote - Hello', 'Hello', false],
    ['DataConf 2017: my notes', 'Feature Stores Are Just Tables', false],
    ['Lightning talks', 'Lightning talks at scale in production today', false],
    ['', 'Anything', false],
  ])('%j matches %j: %s', (found, expected, result) => {
    expect(matches(found, expected)).toBe(result);
  });
});

describe('matchTalks', () => {
  const titles = (...list: string[]) => list.map((title) => ({ title }));

  it('pairs each expected talk with at most one found talk, the most similar first', () => {
    const expected = titles('Async Without Tears', 'Error Handling Without Tears', 'Unfound');
    const found = titles('Error Handling Without Tears', '10:30 - Async Without Tears', 'Lunch');
    expect(matchTalks(expected, found)).toEqual([1, 0, -1]);
  });

  it('gives a found talk to one expected talk only, the earlier on a tie', () => {
    expect(
      matchTalks(titles('Lightning talks', 'Lightning talks'), titles('Lightning talks')),
    ).toEqual([0, -1]);
  });

  it('prefers the exact title over a near one', () => {
    const expected = titles('Backups Are Not Restores');
    const found = titles('Backups Are Not Restores Either', 'Backups Are Not Restores');
    expect(matchTalks(expected, found)).toEqual([1]);
  });
});

describe('sameSpeakers', () => {
  it.each([
    [['Jane Doe', 'Li Wei'], ['li wei', 'Jane  Doe'], true],
    [[], [], true],
    [[], ['Acme Corp'], false],
    [['Jane Doe'], [], false],
    [['Jane Doe'], ['Dr. Jane Doe'], false],
    [['Jane Doe', 'Li Wei'], ['Jane Doe'], false],
  ])('%j vs %j → %s', (expected, found, result) => {
    expect(sameSpeakers(expected, found)).toBe(result);
  });
});

describe('scoreFile', () => {
  const expected: ExpectedFile = {
    conference: 'ODSC East',
    year: 2015,
    layouts: [1, 12],
    talks: [
      { title: 'Bayesian A/B Testing', speakers: ['Wei Zhang'] },
      { title: 'Cleaning Messy Survey Data', speakers: ['Jorge Castillo', 'Helen Burke'] },
      { title: 'Julia for Pythonistas', speakers: [] },
    ],
  };

  it('counts matched talks, exact titles, right speakers and invented talks', () => {
    const score = scoreFile('odsc/east-2015.md', expected, {
      conference: 'Odsc East',
      year: 2015,
      talks: [
        { title: 'Bayesian A/B Testing', speakers: ['Dr. Wei Zhang'] },
        {
          title: '14:00 - Cleaning Messy Survey Data',
          speakers: ['Helen Burke', 'Jorge Castillo'],
        },
        { title: 'Venue', speakers: [] },
      ],
    });
    expect(score.counts).toEqual({
      expected: 3,
      found: 3,
      matched: 2,
      exactTitles: 1,
      speakersRight: 1,
      conferences: 1,
      conferencesRight: 1,
    });
    expect(score.extra).toEqual([{ title: 'Venue', speakers: [] }]);
    expect(score.talks.map((talk) => talk.found?.title ?? null)).toEqual([
      'Bayesian A/B Testing',
      '14:00 - Cleaning Messy Survey Data',
      null,
    ]);
    expect(ratiosOf(score.counts)).toEqual({
      precision: 2 / 3,
      recall: 2 / 3,
      f1: 2 / 3,
      exactTitles: 1 / 2,
      speakersRight: 1 / 2,
    });
  });

  it.each([
    [{ conference: 'ODSC', year: 2015 }, false],
    [{ conference: 'Odsc East 2015', year: 2016 }, false],
    [{ conference: 'odsc-east 2015', year: 2015 }, true],
    [{}, false],
  ])('conference found %j is right: %s', (found, right) => {
    expect(scoreFile('f.md', expected, { ...found, talks: [] }).conference?.right).toBe(right);
  });

  it('scores a file expected to hold no talk: every talk found is invented', () => {
    const none: ExpectedFile = { layouts: [10], talks: [] };
    expect(ratiosOf(scoreFile('todo.md', none, { talks: [] }).counts).f1).toBe(1);
    const invented = scoreFile('todo.md', none, { talks: [{ title: 'Todo', speakers: [] }] });
    expect(ratiosOf(invented.counts)).toMatchObject({ precision: 0, recall: 1, f1: 0 });
    expect(invented.conference).toBeUndefined();
  });
});

describe('scoreCorpus', () => {
  const corpus = expectedCorpus.parse(
    parseYaml(`
files:
  a/day-1.md:
    layouts: [1, 5]
    talks:
      - title: One
        speakers: [Ann]
  a/day-2.md:
    layouts: [5]
    talks:
      - title: Two Things
  gone.md:
    talks: []
`),
  );

  it('adds up files and layouts, and reports files missing on either side', () => {
    const found = new Map([
      ['a/day-1.md', { talks: [{ title: 'One', speakers: ['Ann'] }] }],
      ['a/day-2.md', { talks: [{ title: 'Two Things', speakers: ['Bob'] }] }],
    ]);
    const { score, problems } = scoreCorpus(corpus, found, ['a/day-1.md', 'a/day-2.md', 'new.md']);
    expect(problems).toEqual([
      'new.md: a notes file with no entry in the expected answers',
      'gone.md: expected, but there is no such notes file',
    ]);
    expect(score.files.map((file) => file.file)).toEqual(['a/day-1.md', 'a/day-2.md']);
    expect(score.total).toMatchObject({ expected: 2, found: 2, matched: 2, speakersRight: 1 });
    expect([...score.byLayout.keys()]).toEqual([1, 5]);
    expect(score.byLayout.get(1)).toMatchObject({ expected: 1, speakersRight: 1 });
    expect(score.byLayout.get(5)).toMatchObject({ expected: 2, speakersRight: 1 });
    expect(toJson(score).total).toEqual({
      counts: {
        expected: 2,
        found: 2,
        matched: 2,
        exactTitles: 2,
        speakersRight: 1,
        conferences: 0,
        conferencesRight: 0,
      },
      ratios: { precision: 1, recall: 1, f1: 1, exactTitles: 1, speakersRight: 0.5 },
    });
  });

  it('lists every difference in the verbose report', () => {
    const found = new Map([['a/day-2.md', { talks: [{ title: 'Two things', speakers: [] }] }]]);
    const report = formatReport(
      scoreCorpus(corpus, found, ['a/day-1.md', 'a/day-2.md']).score,
      true,
    );
    expect(report).toContain('a/day-1.md\n  missed    "One" [Ann]');
    expect(report).toContain('a/day-2.md\n  title     "Two things" ≠ "Two Things"');
  });

  it('compares a run with a saved one, talk by talk', () => {
    const files = ['a/day-1.md', 'a/day-2.md'];
    const before = toJson(
      scoreCorpus(
        corpus,
        new Map([
          ['a/day-1.md', { talks: [{ title: 'One', speakers: ['Ann'] }] }],
          ['a/day-2.md', { talks: [{ title: 'Venue', speakers: [] }] }],
        ]),
        files,
      ).score,
    );
    const after = toJson(
      scoreCorpus(
        corpus,
        new Map([
          ['a/day-1.md', { talks: [{ title: 'One', speakers: [] }] }],
          ['a/day-2.md', { talks: [{ title: 'Two things', speakers: [] }] }],
        ]),
        files,
      ).score,
    );
    expect(
      compareReports(parseSavedReport(JSON.parse(JSON.stringify(before)), 'saved.json'), after),
    ).toEqual([
      'since the baseline: f1 50.0% → 100.0% (+50.0), precision 50.0% → 100.0% (+50.0), ' +
        'recall 50.0% → 100.0% (+50.0), exactTitles 100.0% → 50.0% (-50.0), ' +
        'speakersRight 100.0% → 50.0% (-50.0)',
      'worse (1):',
      '  a/day-1.md: "One" lost speakers',
      'better (2):',
      '  a/day-2.md: "Two Things" gained found, speakers',
      '  a/day-2.md: no longer invents "Venue"',
    ]);
  });

  it('rejects an expected file with a mistake, saying where', () => {
    const result = expectedCorpus.safeParse({ files: { 'x.md': { talks: [{ speakers: [] }] } } });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'files.x.md.talks.0.title',
    ]);
  });
});

describe('foundByFile', () => {
  it('reads talks by file, in order, with their speakers and conference', async () => {
    const note = (text: string) => new TextEncoder().encode(text);
    const { vocabulary } = await loadVocabulary('no-such-folder');
    const { bundle } = compileFiles(
      [
        {
          path: 'devconf-2019/day-1.md',
          bytes: note(
            '---\nconference: DevConf\nyear: 2019\n---\n# Day 1\n\n' +
              '## Second\nspeaker: Bo Li\n\nx\n\n## First\nspeaker: Al Ng\n\ny\n',
          ),
        },
      ],
      vocabulary,
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(foundByFile(bundle).get('devconf-2019/day-1.md')).toEqual({
      conference: 'DevConf',
      year: 2019,
      talks: [
        { title: 'Second', speakers: ['Bo Li'] },
        { title: 'First', speakers: ['Al Ng'] },
      ],
    });
  });
});
