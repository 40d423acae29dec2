/**
 * `npm run notes -- check [--content DIR]`: print what was understood, as an outline, with every
 * warning and error. `npm run notes -- build [--content DIR] [--out DIR]`: write the data files
 * alone (the site build does this itself through the Vite plugin).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Bundle } from '../shared/bundle';
import { toSearchFiles } from '../pipeline/emit/search-shards';
import { toCatalog } from '../shared/catalog';
import { compileNotes, type CompileResult } from '../pipeline/compile';
import { refusedSpeaker } from '../pipeline/parse/speakers';
import { outputPath } from './output-path';
import { plural } from '../shared/plural';
import { describeFailure, formatIssue, summarizeIssues } from './report';

export interface CliOptions {
  contentDir: string;
  outDir: string;
}

const defaults = (): CliOptions => ({
  contentDir: process.env.CONTENT_DIR || 'content',
  outDir: 'dist/data',
});

/** conference → day → track → talk — speakers, tag count, link count; day notes where they fall. */
export function formatOutline(bundle: Bundle): string {
  const out: string[] = [];
  for (const conference of bundle.conferences) {
    const where = [conference.location, conference.year].filter(Boolean).join(', ');
    out.push(`${conference.name} [${conference.id}]${where ? ` (${where})` : ''}`);
    for (const day of conference.days) {
      out.push(`  ${day.label}${day.date ? ` · ${day.date}` : ''}`);
      for (const note of bundle.dayNotes) {
        if (note.conference !== conference.id || note.day.id !== day.id) continue;
        out.push(
          `    (day note${note.heading ? `: ${note.heading}` : ''}, lines ${note.source.startLine}-${note.source.endLine})`,
        );
      }
      let track: string | null | undefined;
      for (const talk of bundle.talks) {
        if (talk.conference !== conference.id || talk.day.id !== day.id) continue;
        if (talk.track?.name !== track) {
          track = talk.track?.name;
          out.push(`    ${track ?? '(no track)'}`);
        }
        const speakers = talk.speakers
          .map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name))
          .join(', ');
        const facts = [plural(talk.tags.length, 'tag'), plural(talk.links.length, 'link')];
        if (talk.text === '') facts.push('no notes');
        const refused = speakers ? null : refusedSpeaker(talk.title);
        const who = speakers || `no speaker${refused ? ` (${refused})` : ''}`;
        out.push(`      ${talk.title} — ${who} · ${facts.join(', ')}`);
      }
    }
  }
  return out.join('\n');
}

/** "1 conference, 2 talks, 0 day notes, 1 error, 0 warnings; skipped 1: x.jpg (not a note)". */
function summarize({ bundle, issues, skipped }: CompileResult, contentDir: string): string {
  return [
    plural(bundle.conferences.length, 'conference'),
    plural(bundle.talks.length, 'talk'),
    plural(bundle.dayNotes.length, 'day note'),
    summarizeIssues(issues, skipped, contentDir),
  ].join(', ');
}

/** Where the CLI writes: the process's streams, or a test's. */
export interface CliOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processOutput: CliOutput = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/**
 * Runs `npm run notes -- <argv>` and returns its exit code: 0, 1 when the notes have errors (each
 * printed once as `file:line: message`, then the summary), 2 for a usage error. A NotesError is
 * printed as its message; anything else is a Lanyard bug and printed as one.
 */
export async function runNotesCli(
  argv: string[],
  output: CliOutput = processOutput,
): Promise<number> {
  try {
    return await run(argv, output);
  } catch (error) {
    output.err(describeFailure(error));
    return 1;
  }
}

async function run(argv: string[], { out, err }: CliOutput): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      content: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0] ?? 'check';
  if (values.help || !['check', 'build'].includes(command)) {
    out('usage: npm run notes -- check|build [--content DIR] [--out DIR]');
    return values.help ? 0 : 2;
  }
  const options: CliOptions = {
    ...defaults(),
    ...(values.content ? { contentDir: values.content } : {}),
    ...(values.out ? { outDir: values.out } : {}),
  };
  const result = await compileNotes({ contentDir: options.contentDir });
  const { bundle, searchIndex, issues } = result;
  if (command === 'check') out(formatOutline(bundle));
  for (const issue of issues) err(formatIssue(options.contentDir, issue));
  const failed = issues.some((issue) => issue.severity === 'error');
  if (command === 'build' && !failed) {
    await mkdir(outputPath(options.outDir, 'search/cards'), { recursive: true });
    await writeFile(outputPath(options.outDir, 'bundle.json'), JSON.stringify(bundle));
    // The site's data/ folder: file names are relative to the site root (`data/search/3.json`).
    const media = result.media.map(({ fileName, bytes }) => ({ fileName, source: bytes }));
    if (media.length > 0) await mkdir(outputPath(options.outDir, 'media'), { recursive: true });
    for (const { fileName, source } of [
      ...toSearchFiles(searchIndex, toCatalog(bundle)),
      ...media,
    ]) {
      await writeFile(outputPath(options.outDir, fileName.replace(/^data\//, '')), source);
    }
  }
  err(`\n${summarize(result, options.contentDir)}`);
  return failed ? 1 : 0;
}

const isEntry =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntry) void runNotesCli(process.argv.slice(2)).then((code) => process.exit(code));
