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
import {
  imageType,
  namedImages,
  placeImages,
  publishImages,
  type ImageTable,
  type PublishedImage,
} from './enrich/images';
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
import {
  readNotesFolder,
  readImageFiles,
  readOptionalText,
  USER_VOCABULARY_FILE,
  type RawFile,
  type SkippedEntry,
} from './read/files';
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
  /**
   * Something else needs the main thread meanwhile (`vite build` bundles the app on it): middling
   * folders then compile on one worker thread rather than on the main one.
   */
  mainThreadBusy?: boolean;
  /** Files compiled by an earlier build, by content; those it has are not compiled again. */
  cache?: CompiledFileCache;
  /** Told how far the compile has come, for a progress line. */
  onProgress?: (progress: CompileProgress) => void;
  /** The site's base path (`/`, `/notes/`), which the URLs of the notes' images start with. */
  base?: string;
}

/**
 * A store of compiled files that outlives the build (src/build/compile-cache.ts). An entry holds
 * for the same file path and bytes, the same vocabulary and the same compiler.
 */
export interface CompiledFileCache {
  /** Each file's earlier result with this vocabulary, or undefined; in the order of `files`. */
  lookup(files: readonly RawFile[], vocabulary: Vocabulary): Promise<(CompiledFile | undefined)[]>;
  /** Keeps this compile's results (`fresh`: compiled now, not found) and lets go of the rest. */
  store(
    files: readonly RawFile[],
    compiled: readonly CompiledFile[],
    fresh: readonly boolean[],
  ): Promise<void>;
}

/** How far a compile has come: the files read, then each file compiled (or found in the cache). */
export type CompileProgress =
  | { stage: 'read'; files: number; bytes: number }
  | { stage: 'parse'; done: number; total: number; cached: number };

export interface CompileResult {
  bundle: Bundle;
  /** Serialized lunr index, with the lunr and search-pipeline versions it was built with. */
  searchIndex: SerializedSearchIndex;
  /** Errors and warnings, every file's, sorted by file and line. */
  issues: ContentIssue[];
  /** What in the content folder was not read, and why (the summary lists it). */
  skipped: SkippedEntry[];
  /** The images the notes show, as the site publishes them (enrich/images.ts). */
  media: PublishedImage[];
}

/** The notes' images (each file's path in the notes folder → its published copy) and the base path. */
export interface NoteImages {
  table: ImageTable;
  base: string;
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

/** Pure: files and vocabulary (and the images the notes show) in, bundle and index out. */
export function compileFiles(
  files: readonly RawFile[],
  vocabulary: Vocabulary,
  now: Date,
  images: NoteImages = { table: new Map(), base: '/' },
): CompileResult {
  return compileParsedFiles(
    files.map((file) => compileFile(file, vocabulary)),
    vocabulary,
    now,
    images,
  );
}

/** Every compiled file with its images placed (enrich/images.ts), and the warnings for the others. */
function withImages(
  files: readonly CompiledFile[],
  { table, base }: NoteImages,
): { files: CompiledFile[]; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const placed = files.map((file) => {
    if (!file.note || !file.rendered.some((section) => section?.images)) return file;
    const result = placeImages(file.note, file.rendered, table, base);
    issues.push(...result.issues);
    return { ...file, rendered: result.rendered };
  });
  return { files: placed, issues };
}

/** Pure: compiled files (in file order), vocabulary and images in, bundle and index out. */
export function compileParsedFiles(
  compiled: readonly CompiledFile[],
  vocabulary: Vocabulary,
  now: Date,
  images: NoteImages,
): CompileResult {
  const { files: parsed, issues: imageIssues } = withImages(compiled, images);
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
    issues: [...parsed.flatMap(({ issues }) => issues), ...result.issues, ...imageIssues].sort(
      byFileAndLine,
    ),
    skipped: [],
    media: uniqueMedia(images.table),
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

/**
 * Every note file read and compiled (on worker threads for big folders; not at all when the cache
 * has it); the raw bytes let go.
 */
async function compileNoteFiles(
  contentDir: string,
  vocabulary: Vocabulary,
  options: Pick<CompileOptions, 'workers' | 'mainThreadBusy' | 'cache' | 'onProgress'>,
): Promise<{ parsed: CompiledFile[]; skipped: SkippedEntry[] }> {
  const { files, skipped } = await readNotesFolder(contentDir);
  const progress = options.onProgress ?? (() => {});
  const bytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
  progress({ stage: 'read', files: files.length, bytes });

  const found = (await options.cache?.lookup(files, vocabulary)) ?? files.map(() => undefined);
  const missing = files.filter((_, at) => found[at] === undefined);
  const cached = files.length - missing.length;
  let done = cached;
  const tick = () => progress({ stage: 'parse', done: ++done, total: files.length, cached });
  progress({ stage: 'parse', done, total: files.length, cached });
  const threads =
    options.workers ?? workerThreadsFor(missing, undefined, options.mainThreadBusy ?? false);
  const compiled =
    threads > 0
      ? await compileFilesInWorkers(missing, vocabulary, threads, tick)
      : missing.map((file) => {
          const result = compileFile(file, vocabulary);
          tick();
          return result;
        });

  let next = 0;
  const parsed = found.map((hit) => hit ?? compiled[next++]!);
  await options.cache?.store(
    files,
    parsed,
    found.map((hit) => hit === undefined),
  );
  return { parsed, skipped };
}

/** The published copies, each file once (two paths to the same bytes and name are one file). */
function uniqueMedia(table: ImageTable): PublishedImage[] {
  const byName = new Map<string, PublishedImage>();
  for (const image of table.values()) {
    if ('fileName' in image) byName.set(image.fileName, image);
  }
  return [...byName.values()].sort((a, b) => (a.fileName < b.fileName ? -1 : 1));
}

/** The image files the compiled notes show, read (when they are images at all) and published. */
async function readNoteImages(
  contentDir: string,
  parsed: readonly CompiledFile[],
): Promise<ImageTable> {
  const paths = [...new Set(parsed.flatMap(({ rendered }) => namedImages(rendered)))].sort();
  const reads = await readImageFiles(
    contentDir,
    paths.filter((path) => imageType(path)),
  );
  // Not read: publishImages refuses a file by its name before it looks at its bytes.
  const unread = paths.filter((path) => !imageType(path));
  return publishImages(
    new Map([...reads, ...unread.map((path) => [path, { problem: 'not a file' }] as const)]),
  );
}

export async function compileNotes(options: CompileOptions): Promise<CompileResult> {
  const { vocabulary, issues } = await loadVocabulary(options.contentDir);
  const { parsed, skipped } = await compileNoteFiles(options.contentDir, vocabulary, options);
  const table = await readNoteImages(options.contentDir, parsed);
  const images = { table, base: options.base ?? '/' };
  const result = compileParsedFiles(parsed, vocabulary, options.now ?? new Date(), images);
  return {
    ...result,
    issues: [...issues, ...result.issues].sort(byFileAndLine),
    // An image a note shows was read: it is not "not a note" in the summary.
    skipped: skipped.filter((entry) => !table.has(entry.path)),
  };
}
