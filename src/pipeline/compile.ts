/** The whole compiler: a folder of notes in, the bundle and search index out. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bundle } from '../shared/bundle';
import { toSlug } from '../shared/ids';
import type { SerializedSearchIndex } from '../shared/search/index-file';
import { buildBundle } from './emit/build-bundle';
import { parseDayLabel } from './parse/days';
import { decodeNote } from './read/decode';
import { readFrontMatter, type FrontMatter } from './parse/front-matter';
import { isDayNoteHeading, parseNote } from './parse/parse-note';
import { checkReading } from './parse/reading-checks';
import { withRelatedTalks } from './enrich/related';
import { factsFromPath, mergeFacts, toReadableName } from './parse/path-facts';
import { readNoteFiles, readOptionalText, type RawFile } from './read/files';
import { buildSearchIndex } from './enrich/search-index';
import {
  BUILT_IN_VOCABULARY_URL,
  mergeVocabularies,
  parseVocabulary,
  tagName,
  type Vocabulary,
} from './enrich/tags';
import {
  isRenderedSection,
  renderSection,
  toTalks,
  type RenderedSection,
  type SectionRenderer,
} from './parse/talks';
import type { ContentIssue, ParsedNote, Section } from './parse/types';
import { parseFilesInWorkers, workerThreadsFor } from './worker-pool';

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

/** The user's additions to the tag vocabulary, at the top of their content folder. */
export const USER_VOCABULARY_FILE = 'tags.yaml';

const formatOf = (path: string): 'markdown' | 'text' =>
  path.toLowerCase().endsWith('.txt') ? 'text' : 'markdown';

function fileStem(path: string): string {
  const name = path.split('/').pop() ?? path;
  return name.replace(/\.(md|markdown|txt)$/i, '');
}

/** "day-2", "2018-01-23", "friday", "notes", "j2-notes": a file named for a day, not a talk. */
export function isDayFileName(stem: string): boolean {
  const words = stem
    .replace(/[-_.]+/g, ' ')
    .replace(/\b(notes?|journal|log|recap|summary|index|readme)\b/gi, '')
    .trim();
  if (words === '') return true;
  return (
    /^\d{4} \d{2} \d{2}$/.test(words) ||
    parseDayLabel(words) !== null ||
    parseDayLabel(stem) !== null
  );
}

/**
 * A file with no talk in it is one talk when it is named like one (`building-secure-systems.md`)
 * or says so in front matter (`title:`); a file named for a day stays that day's note.
 */
function asSingleTalk(note: ParsedNote, data: FrontMatter): ParsedNote {
  if (note.sections.some((section) => section.kind === 'talk')) return note;
  const stem = fileStem(note.file);
  if (!data.title && isDayFileName(stem)) return note;
  // A checklist, a to-do list: every section under a heading is the day's own kind of note.
  const headed = note.sections.filter((section) => section.title);
  if (!data.title && headed.length >= 2 && headed.slice(1).every((s) => isDayNoteHeading(s.title!)))
    return note;
  const content = note.sections.filter((section) => section.body.trim() !== '' || section.title);
  const first = content[0] ?? note.sections[0];
  const last = content.at(-1) ?? note.sections.at(-1);
  const talk: Section = {
    kind: 'talk',
    title: data.title ?? toReadableName(stem),
    speakers: [],
    aliases: note.facts.aliases,
    tags: [],
    titleLinks: [],
    format: first?.format ?? formatOf(note.file),
    body: note.sections
      .map((section) =>
        [section.title ? `## ${section.title}` : '', section.body].filter(Boolean).join('\n\n'),
      )
      .filter((text) => text.trim() !== '')
      .join('\n\n'),
    startLine: first?.startLine ?? 1,
    endLine: last?.endLine ?? 1,
    ...(first?.day ? { day: first.day } : {}),
    ...(first?.track ? { track: first.track } : {}),
    ...(data.id ? { explicitId: data.id } : {}),
  };
  return { ...note, sections: [talk] };
}

/** One file's bytes → its parsed note and the issues found on the way. */
export function parseFile(file: RawFile): { note: ParsedNote | null; issues: ContentIssue[] } {
  const decoded = decodeNote(file.bytes, file.path);
  if (decoded.text === null) return { note: null, issues: decoded.issues };
  const front = readFrontMatter(decoded.text, file.path);
  const facts = mergeFacts(front.data, factsFromPath(file.path));
  const stem = fileStem(file.path);
  const dayFile = isDayFileName(stem);
  const parsed = parseNote({
    file: file.path,
    body: front.body,
    bodyLine: front.bodyLine,
    format: formatOf(file.path),
    facts,
    hints: {
      dayFile: dayFile || facts.date !== undefined || facts.day !== undefined,
      ...(dayFile ? {} : { talkSlug: toSlug(front.data.title ?? toReadableName(stem)) }),
    },
  });
  const note = asSingleTalk(parsed, front.data);
  return {
    note,
    issues: [...decoded.issues, ...front.issues, ...checkReading(note, front.body, front.bodyLine)],
  };
}

/** One file parsed, and perhaps its sections rendered already (what a worker thread sends back). */
export interface ParsedFile {
  note: ParsedNote | null;
  issues: ContentIssue[];
  /** For each section of `note`: rendered, or null when `toTalks` does not render it. */
  rendered?: (RenderedSection | null)[];
}

/** `parseFile`, and every section `toTalks` renders rendered: all the per-file work. Pure. */
export function parseAndRenderFile(file: RawFile, vocabulary: Vocabulary): ParsedFile {
  const { note, issues } = parseFile(file);
  const rendered = (note?.sections ?? []).map((section) =>
    isRenderedSection(section) ? renderSection(section, note!, vocabulary) : null,
  );
  return { note, issues, rendered };
}

/** Renders what the files have not rendered yet. */
function rendererFor(parsed: readonly ParsedFile[], vocabulary: Vocabulary): SectionRenderer {
  const done = new Map<Section, RenderedSection>();
  for (const { note, rendered } of parsed) {
    note?.sections.forEach((section, index) => {
      const result = rendered?.[index];
      if (result) done.set(section, result);
    });
  }
  return (section, note) => done.get(section) ?? renderSection(section, note, vocabulary);
}

const byFileAndLine = (a: ContentIssue, b: ContentIssue) =>
  a.file.localeCompare(b.file, 'en') || a.line - b.line;

/** Pure: files and vocabulary in, bundle and index out. */
export function compileFiles(
  files: readonly RawFile[],
  vocabulary: Vocabulary,
  now: Date,
): CompileResult {
  return compileParsedFiles(files.map(parseFile), vocabulary, now);
}

/** Pure: parsed files (in file order) and vocabulary in, bundle and index out. */
export function compileParsedFiles(
  parsed: readonly ParsedFile[],
  vocabulary: Vocabulary,
  now: Date,
): CompileResult {
  const notes = parsed.flatMap(({ note }) => (note ? [note] : []));
  const result = toTalks(notes, vocabulary, rendererFor(parsed, vocabulary));
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

/** Every note file read and parsed (on worker threads for big folders); the raw bytes let go. */
async function parseNoteFiles(
  contentDir: string,
  vocabulary: Vocabulary,
  workers: number | undefined,
): Promise<ParsedFile[]> {
  const files = await readNoteFiles(contentDir);
  const threads = workers ?? workerThreadsFor(files);
  return threads > 0 ? parseFilesInWorkers(files, vocabulary, threads) : files.map(parseFile);
}

export async function compileNotes(options: CompileOptions): Promise<CompileResult> {
  const { vocabulary, issues } = await loadVocabulary(options.contentDir);
  const parsed = await parseNoteFiles(options.contentDir, vocabulary, options.workers);
  const result = compileParsedFiles(parsed, vocabulary, options.now ?? new Date());
  return { ...result, issues: [...issues, ...result.issues].sort(byFileAndLine) };
}
