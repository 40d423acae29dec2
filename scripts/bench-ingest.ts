/**
 * How well the compiler reads real-world notes, scored against a careful reader's answers:
 *
 *   npm run bench:ingest [-- --dir tests/ingest] [--json] [--verbose] [--file odsc/]
 *
 * `--dir` is a corpus folder: its notes in `notes/`, the expected talks in `expected.yaml`
 * (format and matching rule: tests/ingest/README.md). The notes go through the compiler's public
 * entry, `compileNotes`, as `npm run build` reads them. Prints a table per file, the totals and a
 * table per layout (the numbers of issue 14); `--verbose` lists every talk missed, invented,
 * retitled or with other speakers; `--json` prints the same as JSON for a script to compare.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { compileNotes } from '../src/pipeline/compile';
import { readNoteFiles } from '../src/pipeline/read';
import type { Bundle } from '../src/shared/bundle';
import {
  expectedCorpus,
  ratiosOf,
  scoreCorpus,
  type Counts,
  type CorpusScore,
  type ExpectedCorpus,
  type FileScore,
  type FoundFile,
} from './bench/ingest-score';

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

const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(6);

const HEADER = ['expected', 'found', 'matched', 'precision', 'recall', 'F1', 'titles', 'speakers'];

function row(label: string, counts: Counts, width: number): string {
  const r = ratiosOf(counts);
  const cells = [
    String(counts.expected).padStart(8),
    String(counts.found).padStart(5),
    String(counts.matched).padStart(7),
    percent(r.precision).padStart(9),
    percent(r.recall),
    percent(r.f1),
    percent(r.exactTitles),
    percent(r.speakersRight).padStart(8),
  ];
  return `${label.padEnd(width)}  ${cells.join('  ')}`;
}

function table(
  title: string,
  rows: readonly [string, Counts, string?][],
  total?: Counts,
): string[] {
  const width = Math.max(title.length, 5, ...rows.map(([label]) => label.length));
  const header = `${title.padEnd(width)}  ${HEADER.join('  ')}`;
  return [
    header,
    '-'.repeat(header.length + 11),
    ...rows.map(([label, counts, note]) => row(label, counts, width) + (note ? `  ${note}` : '')),
    ...(total ? ['-'.repeat(header.length + 11), row('total', total, width)] : []),
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
    '',
    ...table(
      'layout (files tagged)',
      [...score.byLayout].map(([layout, counts]) => [`layout ${layout}`, counts]),
    ),
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

export function toJson(score: CorpusScore) {
  return {
    total: { ...score.total, ...ratiosOf(score.total) },
    byLayout: Object.fromEntries(
      [...score.byLayout].map(([layout, counts]) => [layout, { ...counts, ...ratiosOf(counts) }]),
    ),
    files: score.files.map((file) => ({
      file: file.file,
      layouts: file.layouts,
      ...file.counts,
      ...ratiosOf(file.counts),
      ...(file.conference ? { conference: file.conference } : {}),
      talks: file.talks,
      extra: file.extra,
    })),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'tests/ingest' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
      file: { type: 'string' },
    },
  });
  const dir = resolve(values.dir);
  const notesDir = join(dir, 'notes');
  const expected = await readExpected(join(dir, 'expected.yaml'));
  const notesFiles = (await readNoteFiles(notesDir)).map((file) => file.path);
  const { bundle } = await compileNotes({
    contentDir: notesDir,
    now: new Date('2026-01-01T00:00:00Z'),
    workers: 0,
  });
  const { score, problems } = scoreCorpus(expected, foundByFile(bundle), notesFiles);
  for (const problem of problems) console.error(problem);
  const only = values.file;
  const shown: CorpusScore = only
    ? (() => {
        const files = score.files.filter((file) => file.file.startsWith(only));
        const sub = scoreCorpus(
          { files: Object.fromEntries(files.map((f) => [f.file, expected.files[f.file]!])) },
          foundByFile(bundle),
          files.map((f) => f.file),
        );
        return sub.score;
      })()
    : score;
  console.log(
    values.json ? JSON.stringify(toJson(shown), null, 2) : formatReport(shown, values.verbose),
  );
  if (problems.length > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
