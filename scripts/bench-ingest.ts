/**
 * How well the compiler reads real-world notes, scored against a careful reader's answers:
 *
 *   npm run bench:ingest [-- --dir tests/ingest] [--json] [--verbose] [--file odsc/]
 *
 * `--dir` is a corpus folder: its notes in `notes/`, the expected talks in `expected.yaml` or
 * `expected.json` (format and matching rule: tests/ingest/README.md). The notes go through the compiler's public
 * entry, `compileNotes`, as `npm run build` reads them. Prints a table per file, the totals and a
 * table per layout (the numbers of issue 14); `--verbose` lists every talk missed, invented,
 * retitled or with other speakers; `--json` prints the same as JSON for a script to compare.
 * `--save FILE` writes that JSON (bench-results/ is gitignored); `--baseline FILE` compares this
 * run with a saved one: every talk that lost or gained something, every talk invented or dropped.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compileNotes } from '../src/pipeline/compile';
import { readNoteFiles } from '../src/pipeline/read/files';
import {
  compareReports,
  foundByFile,
  formatReport,
  readExpected,
  readSavedReport,
  toJson,
} from './bench/ingest-report';
import { scoreCorpus } from './bench/ingest-score';
import { runMain } from './run-main';

/** `expected.yaml`, or `expected.json`, in the corpus folder. */
async function expectedFileIn(dir: string): Promise<string> {
  for (const name of ['expected.yaml', 'expected.json']) {
    const path = join(dir, name);
    const exists = await access(path).then(
      () => true,
      () => false,
    );
    if (exists) return path;
  }
  throw new Error(`${dir}: no expected.yaml or expected.json (see tests/ingest/README.md)`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'tests/ingest' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
      file: { type: 'string' },
      save: { type: 'string' },
      baseline: { type: 'string' },
    },
  });
  const dir = resolve(values.dir);
  const notesDir = join(dir, 'notes');
  const keep = (file: string) => values.file === undefined || file.startsWith(values.file);
  const all = await readExpected(await expectedFileIn(dir));
  const expected = {
    files: Object.fromEntries(Object.entries(all.files).filter(([file]) => keep(file))),
  };
  const notesFiles = (await readNoteFiles(notesDir)).map((file) => file.path).filter(keep);
  // The whole folder is compiled even for one file: a file's reading may depend on its siblings.
  const { bundle } = await compileNotes({
    contentDir: notesDir,
    now: new Date('2026-01-01T00:00:00Z'),
    workers: 0,
  });
  const { score, problems } = scoreCorpus(expected, foundByFile(bundle), notesFiles);
  for (const problem of problems) console.error(problem);
  const report = toJson(score);
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(score, values.verbose));
  if (values.baseline) {
    const before = await readSavedReport(values.baseline);
    const comparison = ['', ...compareReports(before, report)].join('\n');
    // With --json, stdout stays one JSON document.
    if (values.json) console.error(comparison);
    else console.log(comparison);
  }
  if (values.save) {
    await mkdir(dirname(resolve(values.save)), { recursive: true });
    await writeFile(values.save, JSON.stringify(report, null, 2) + '\n');
  }
  if (problems.length > 0) process.exitCode = 1;
}

runMain(import.meta, main);
