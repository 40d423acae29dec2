/**
 * `npm run notes -- check [--content DIR]`: print what was understood, as an outline, with every
 * warning and error. `npm run notes -- build [--content DIR] [--out DIR]`: write the data files
 * alone (the site build does this itself through the Vite plugin).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Bundle } from '../shared/bundle';
import { toSearchFiles } from '../pipeline/emit/search-shards';
import { compileNotes } from '../pipeline/compile';
import type { ContentIssue } from '../pipeline/issues';
import { plural } from '../shared/plural';

export interface CliOptions {
  contentDir: string;
  outDir: string;
}

const defaults: CliOptions = {
  contentDir: process.env.CONTENT_DIR ?? 'content',
  outDir: 'dist/data',
};

export function formatIssue(issue: ContentIssue): string {
  return `${issue.file}:${issue.line}: ${issue.severity}: ${issue.message}`;
}

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
        out.push(`      ${talk.title} — ${speakers || 'no speaker'} · ${facts.join(', ')}`);
      }
    }
  }
  return out.join('\n');
}

function summarize(bundle: Bundle, issues: readonly ContentIssue[]): string {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return [
    plural(bundle.conferences.length, 'conference'),
    plural(bundle.talks.length, 'talk'),
    plural(bundle.dayNotes.length, 'day note'),
    plural(errors, 'error'),
    plural(issues.length - errors, 'warning'),
  ].join(', ');
}

async function main(argv: string[]): Promise<number> {
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
    console.log('usage: npm run notes -- check|build [--content DIR] [--out DIR]');
    return values.help ? 0 : 2;
  }
  const options: CliOptions = {
    ...defaults,
    ...(values.content ? { contentDir: values.content } : {}),
    ...(values.out ? { outDir: values.out } : {}),
  };
  const { bundle, searchIndex, issues } = await compileNotes({ contentDir: options.contentDir });
  if (command === 'check') console.log(formatOutline(bundle));
  for (const issue of issues) console.error(formatIssue(issue));
  const failed = issues.some((issue) => issue.severity === 'error');
  if (command === 'build' && !failed) {
    await mkdir(join(options.outDir, 'search'), { recursive: true });
    await writeFile(join(options.outDir, 'bundle.json'), JSON.stringify(bundle));
    // The site's data/ folder: file names are relative to the site root (`data/search/3.json`).
    for (const { fileName, source } of toSearchFiles(searchIndex)) {
      await writeFile(join(options.outDir, fileName.replace(/^data\//, '')), source);
    }
  }
  console.error(`\n${summarize(bundle, issues)} in ${options.contentDir}`);
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
