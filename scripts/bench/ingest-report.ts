/** Reading the bundle and the expected answers, and printing the scores, for `npm run bench:ingest`. */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Bundle } from '../../src/shared/bundle';
import {
  expectedCorpus,
  ratiosOf,
  type Counts,
  type CorpusScore,
  type ExpectedCorpus,
  type FileScore,
  type FoundFile,
} from './ingest-score';

/** What the compiler found, by file: its talks in order and the conference it filed them under. */
export function foundByFile(bundle: Bundle): Map<string, FoundFile> {
  const conferences = new Map(bundle.conferences.map((conference) => [conference.id, conference]));
  const files = new Map<string, FoundFile & { talks: FoundFile['talks'][number][] }>();
  const fileOf = (path: string, conferenceId: string) => {
    let file = files.get(path);
    if (!file) {
      const conference = conferences.get(conferenceId as Bundle['conferences'][number]['id']);
      file = {
        talks: [],
        ...(conference ? { conference: conference.name } : {}),
        ...(conference?.year !== undefined ? { year: conference.year } : {}),
      };
      files.set(path, file);
    }
    return file;
  };
  const talks = [...bundle.talks].sort(
    (a, b) =>
      a.source.file.localeCompare(b.source.file, 'en') || a.source.startLine - b.source.startLine,
  );
  for (const talk of talks) {
    fileOf(talk.source.file, talk.conference).talks.push({
      title: talk.title,
      speakers: talk.speakers.map((speaker) => speaker.name),
    });
  }
  for (const note of bundle.dayNotes) fileOf(note.source.file, note.conference);
  return files;
}

export async function readExpected(path: string): Promise<ExpectedCorpus> {
  const result = expectedCorpus.safeParse(parseYaml(await readFile(path, 'utf8')));
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${path}: ${issue.path.join('.')}: ${issue.message}`,
  );
  throw new Error(problems.join('\n'));
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The table's columns after the label: header and cell, right-aligned to the header's width. */
const COLUMNS: readonly [string, (counts: Counts) => string][] = [
  ['expected', (c) => String(c.expected)],
  ['found', (c) => String(c.found)],
  ['matched', (c) => String(c.matched)],
  ['precision', (c) => percent(ratiosOf(c).precision)],
  [' recall', (c) => percent(ratiosOf(c).recall)],
  ['     F1', (c) => percent(ratiosOf(c).f1)],
  [' titles', (c) => (c.matched === 0 ? '-' : percent(ratiosOf(c).exactTitles))],
  ['speakers', (c) => (c.matched === 0 ? '-' : percent(ratiosOf(c).speakersRight))],
];

function row(label: string, counts: Counts, width: number): string {
  const cells = COLUMNS.map(([header, cell]) => cell(counts).padStart(header.length));
  return `${label.padEnd(width)}  ${cells.join('  ')}`;
}

function table(
  title: string,
  rows: readonly [string, Counts, string?][],
  total?: Counts,
): string[] {
  const width = Math.max(title.length, 5, ...rows.map(([label]) => label.length));
  const header = `${title.padEnd(width)}  ${COLUMNS.map(([name]) => name).join('  ')}`;
  const rule = '-'.repeat(header.length);
  return [
    header,
    rule,
    ...rows.map(([label, counts, note]) => row(label, counts, width) + (note ? `  ${note}` : '')),
    ...(total ? [rule, row('total', total, width)] : []),
  ];
}

const quote = (text: string) => JSON.stringify(text);
const names = (speakers: readonly string[]) => `[${speakers.join(', ')}]`;

/** Every difference of a file, one line each. */
function differences(score: FileScore): string[] {
  const lines: string[] = [];
  for (const talk of score.talks) {
    const want = talk.expected;
    if (!talk.found) {
      lines.push(`  missed    ${quote(want.title)} ${names(want.speakers)}`);
      continue;
    }
    if (!talk.titleExact)
      lines.push(`  title     ${quote(talk.found.title)} ≠ ${quote(want.title)}`);
    if (!talk.speakersRight)
      lines.push(
        `  speakers  ${quote(want.title)}: ${names(talk.found.speakers)} ≠ ${names(want.speakers)}`,
      );
  }
  for (const extra of score.extra)
    lines.push(`  invented  ${quote(extra.title)} ${names(extra.speakers)}`);
  if (score.conference && !score.conference.right)
    lines.push(`  conference ${score.conference.found} ≠ ${score.conference.expected}`);
  return lines;
}

export function formatReport(score: CorpusScore, verbose: boolean): string {
  const conferenceNote = (file: FileScore) =>
    file.conference ? (file.conference.right ? '' : `conference: ${file.conference.found}`) : '';
  const lines = [
    ...table(
      'file',
      score.files.map((file) => [file.file, file.counts, conferenceNote(file)]),
      score.total,
    ),
    ...(score.byLayout.size === 0
      ? []
      : [
          '',
          ...table(
            'layout (files tagged)',
            [...score.byLayout].map(([layout, counts]) => [`layout ${layout}`, counts]),
          ),
        ]),
    '',
    `conferences right: ${score.total.conferencesRight}/${score.total.conferences}`,
  ];
  if (verbose) {
    for (const file of score.files) {
      const diff = differences(file);
      if (diff.length > 0) lines.push('', file.file, ...diff);
    }
  }
  return lines.join('\n');
}

/** Counts and the ratios made of them, side by side (a ratio and its count share a name). */
const figures = (counts: Counts) => ({ counts, ratios: ratiosOf(counts) });

export function toJson(score: CorpusScore) {
  return {
    total: figures(score.total),
    byLayout: Object.fromEntries(
      [...score.byLayout].map(([layout, counts]) => [layout, figures(counts)]),
    ),
    files: score.files.map((file) => ({
      file: file.file,
      layouts: file.layouts,
      ...figures(file.counts),
      ...(file.conference ? { conference: file.conference } : {}),
      talks: file.talks,
      extra: file.extra,
    })),
  };
}

/** The part of a saved `--json` report that `--baseline` compares against. */
const savedReport = z.object({
  total: z.object({
    ratios: z.object({
      precision: z.number(),
      recall: z.number(),
      f1: z.number(),
      exactTitles: z.number(),
      speakersRight: z.number(),
    }),
  }),
  files: z.array(
    z.object({
      file: z.string(),
      talks: z.array(
        z.object({
          expected: z.object({ title: z.string() }),
          found: z.object({ title: z.string() }).optional(),
          titleExact: z.boolean(),
          speakersRight: z.boolean(),
        }),
      ),
      extra: z.array(z.object({ title: z.string() })),
    }),
  ),
});
export type SavedReport = z.infer<typeof savedReport>;

/** A saved report checked: what `--baseline` reads. */
export function parseSavedReport(value: unknown, path: string): SavedReport {
  const result = savedReport.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const where = first ? `${first.path.join('.')}: ${first.message}` : 'unreadable';
  throw new Error(`${path}: not a report saved by bench:ingest --json (${where})`);
}

export async function readSavedReport(path: string): Promise<SavedReport> {
  return parseSavedReport(JSON.parse(await readFile(path, 'utf8')), path);
}

/** What a talk got right, as words, in a fixed order. */
function rightsOf(talk: SavedReport['files'][number]['talks'][number]): Set<string> {
  if (!talk.found) return new Set();
  return new Set([
    'found',
    ...(talk.titleExact ? ['title'] : []),
    ...(talk.speakersRight ? ['speakers'] : []),
  ]);
}

/**
 * What changed since a saved run: the totals, then each talk that lost something it had (found,
 * exact title, right speakers), each that gained something, and the talks invented or no longer.
 */
export function compareReports(before: SavedReport, after: SavedReport): string[] {
  const delta = (name: keyof SavedReport['total']['ratios']) => {
    const [was, now] = [before.total.ratios[name], after.total.ratios[name]];
    const change = (now - was) * 100;
    const sign = change > 0 ? '+' : '';
    return `${name} ${percent(was)} → ${percent(now)} (${sign}${change.toFixed(1)})`;
  };
  const lines = [
    `since the baseline: ${(['f1', 'precision', 'recall', 'exactTitles', 'speakersRight'] as const).map(delta).join(', ')}`,
  ];
  const beforeFiles = new Map(before.files.map((file) => [file.file, file]));
  const worse: string[] = [];
  const better: string[] = [];
  for (const file of after.files) {
    const old = beforeFiles.get(file.file);
    if (!old) continue;
    const oldTalks = new Map(old.talks.map((talk) => [talk.expected.title, rightsOf(talk)]));
    for (const talk of file.talks) {
      const was = oldTalks.get(talk.expected.title);
      if (!was) continue;
      const now = rightsOf(talk);
      const lost = [...was].filter((right) => !now.has(right));
      const gained = [...now].filter((right) => !was.has(right));
      const label = `${file.file}: ${quote(talk.expected.title)}`;
      if (lost.length > 0) worse.push(`  ${label} lost ${lost.join(', ')}`);
      if (gained.length > 0) better.push(`  ${label} gained ${gained.join(', ')}`);
    }
    const oldExtra = new Set(old.extra.map((talk) => talk.title));
    const newExtra = new Set(file.extra.map((talk) => talk.title));
    for (const title of newExtra)
      if (!oldExtra.has(title)) worse.push(`  ${file.file}: invents ${quote(title)}`);
    for (const title of oldExtra)
      if (!newExtra.has(title)) better.push(`  ${file.file}: no longer invents ${quote(title)}`);
  }
  return [...lines, `worse (${worse.length}):`, ...worse, `better (${better.length}):`, ...better];
}
