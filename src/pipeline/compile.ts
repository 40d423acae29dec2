/**
 * The whole compiler: a folder of notes in, the bundle and search index out. The stages, in the
 * order the data flows: read/ (files → text) → formats/ → parse/ (notes → sections) → enrich/
 * (sections rendered and tagged; talks related; the search index) → emit/ (the published files).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bundle } from '../shared/bundle';
import type { SerializedSearchIndex } from '../shared/search/index-file';
import { compileFile, type CompiledFile } from './compile-file';
import { withRelatedTalks } from './enrich/related';
import { buildSearchIndex } from './enrich/search-index';
import {
  BUILT_IN_VOCABULARY_URL,
  mergeVocabularies,
  parseVocabulary,
  tagName,
  type Vocabulary,
} from './enrich/tags';
import { buildBundle } from './emit/build-bundle';
import type { ContentIssue } from './issues';
import { settleConferences } from './parse/conferences';
import { toTalks, type RenderedSection } from './parse/talks';
import type { Section } from './parse/types';
import { readNoteFiles, readOptionalText, USER_VOCABULARY_FILE, type RawFile } from './read/files';
import { compileFilesInWorkers, workerThreadsFor } from './worker-pool';

export interface CompileOptions {
  /** Folder of notes. Default: `content`. */
  contentDir: string;
  /** Build time stamped into the bundle; fixed in tests. */
  now?: Date;
  /**
   * Worker threads that parse and render the notes (the result is the same). Default: one per
   * core when the notes are big enough to repay starting them (`workerThreadsFor`); 0 for none.
   */
  workers?: number;
}

export interface CompileResult {
  bundle: Bundle;
  /** Serialized lunr index, with the lunr and search-pipeline versions it was built with. */
  searchIndex: SerializedSearchIndex;
  /** Errors and warnings, every file's, sorted by file and line. */
  issues: ContentIssue[];
}

/** Every rendered section of the files, for `toTalks`. */
function renderedSections(files: readonly CompiledFile[]): Map<Section, RenderedSection> {
  const done = new Map<Section, RenderedSection>();
  for (const { note, rendered } of files) {
    note?.sections.forEach((section, index) => {
      const result = rendered[index];
      if (result) done.set(section, result);
    });
  }
  return done;
}

const byFileAndLine = (a: ContentIssue, b: ContentIssue) =>
  a.file.localeCompare(b.file, 'en') || a.line - b.line;

/** Pure: files and vocabulary in, bundle and index out. */
export function compileFiles(
  files: readonly RawFile[],
  vocabulary: Vocabulary,
  now: Date,
): CompileResult {
  return compileParsedFiles(
    files.map((file) => compileFile(file, vocabulary)),
    vocabulary,
    now,
  );
}

/** Pure: compiled files (in file order) and vocabulary in, bundle and index out. */
export function compileParsedFiles(
  parsed: readonly CompiledFile[],
  vocabulary: Vocabulary,
  now: Date,
): CompileResult {
  const notes = settleConferences(parsed.flatMap(({ note }) => (note ? [note] : [])));
  const result = toTalks(notes, renderedSections(parsed));
  const bundle = buildBundle({
    conferences: result.conferences,
    talks: withRelatedTalks(result.talks),
    dayNotes: result.dayNotes,
    tagName: (id) => tagName(id, vocabulary),
    now,
  });
  return {
    bundle,
    searchIndex: buildSearchIndex(bundle),
    issues: [...parsed.flatMap(({ issues }) => issues), ...result.issues].sort(byFileAndLine),
  };
}

/** The built-in vocabulary merged with the user's `tags.yaml`, if there is one. */
export async function loadVocabulary(
  contentDir: string,
): Promise<{ vocabulary: Vocabulary; issues: ContentIssue[] }> {
  const builtIn = parseVocabulary(
    await readFile(BUILT_IN_VOCABULARY_URL, 'utf8'),
    'tag-vocabulary.yaml',
  );
  const userText = await readOptionalText(join(contentDir, USER_VOCABULARY_FILE));
  if (userText === null) return builtIn;
  const user = parseVocabulary(userText, USER_VOCABULARY_FILE);
  return {
    vocabulary: mergeVocabularies(builtIn.vocabulary, user.vocabulary),
    issues: [...builtIn.issues, ...user.issues],
  };
}

/** Every note file read and compiled (on worker threads for big folders); the raw bytes let go. */
async function compileNoteFiles(
  contentDir: string,
  vocabulary: Vocabulary,
  workers: number | undefined,
): Promise<CompiledFile[]> {
  const files = await readNoteFiles(contentDir);
  const threads = workers ?? workerThreadsFor(files);
  return threads > 0
    ? compileFilesInWorkers(files, vocabulary, threads)
    : files.map((file) => compileFile(file, vocabulary));
}

export async function compileNotes(options: CompileOptions): Promise<CompileResult> {
  const { vocabulary, issues } = await loadVocabulary(options.contentDir);
  const parsed = await compileNoteFiles(options.contentDir, vocabulary, options.workers);
  const result = compileParsedFiles(parsed, vocabulary, options.now ?? new Date());
  return { ...result, issues: [...issues, ...result.issues].sort(byFileAndLine) };
}
