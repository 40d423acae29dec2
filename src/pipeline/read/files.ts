/**
 * The compiler's only file I/O: finding and reading note files, the images they show and the user's
 * tag vocabulary.
 */
import { lstat, readFile, readdir, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isNoteFile } from '../formats/index';
import { NotesError } from '../issues';

/** The user's additions to the tag vocabulary, at the top of their content folder. */
export const USER_VOCABULARY_FILE = 'tags.yaml';

export interface RawFile {
  /** Relative to the content folder, `/` separators. */
  path: string;
  bytes: Uint8Array;
}

/** Something in the content folder that is not read, and why: the summary lists these. */
export interface SkippedEntry {
  /** Relative to the content folder, `/` separators; a folder ends with `/`. */
  path: string;
  reason: 'hidden' | 'not a note' | 'a link' | 'node_modules';
}

/** Why a folder entry is not read, or null when it is (a note, a folder, `tags.yaml`). */
function skipReason(
  entry: { name: string; isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean },
  atTop: boolean,
): SkippedEntry['reason'] | null {
  if (entry.name.startsWith('.')) return 'hidden';
  // Followed, a link can leave the folder or loop back into it.
  if (entry.isSymbolicLink()) return 'a link';
  if (entry.isDirectory()) return entry.name === 'node_modules' ? 'node_modules' : null;
  if (atTop && entry.name === USER_VOCABULARY_FILE) return null;
  return entry.isFile() && isNoteFile(entry.name) ? null : 'not a note';
}

/** Every note under `contentDir`, sorted by path, and what was passed over. */
export async function readNotesFolder(
  contentDir: string,
): Promise<{ files: RawFile[]; skipped: SkippedEntry[] }> {
  const notes: string[] = [];
  const skipped: SkippedEntry[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(join(contentDir, relative), { withFileTypes: true });
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      const reason = skipReason(entry, relative === '');
      if (reason) skipped.push({ path: entry.isDirectory() ? `${path}/` : path, reason });
      else if (entry.isDirectory()) await walk(path);
      else if (isNoteFile(entry.name)) notes.push(path);
    }
  };
  await walk('').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT' && error.code !== 'ENOTDIR') throw error;
    throw new NotesError(
      `There is no notes folder at ${contentDir}: create it, or set CONTENT_DIR to the folder of your notes.`,
    );
  });
  notes.sort();
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const files = await Promise.all(
    notes.map(async (path) => ({
      path,
      bytes: new Uint8Array(await readFile(join(contentDir, path))),
    })),
  );
  return { files, skipped };
}

/** Every note under `contentDir`, sorted by path. */
export async function readNoteFiles(contentDir: string): Promise<RawFile[]> {
  return (await readNotesFolder(contentDir)).files;
}

/** The text of a file, or null when it does not exist. */
export async function readOptionalText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The most bytes an image of the notes may have: a photo of a slide is well under it. */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

/** An image file's bytes, or why there are none (enrich/images.ts says it in a warning). */
export type ImageFileRead =
  | { bytes: Uint8Array }
  | { problem: 'missing' | 'a link' | 'not a file' }
  | { problem: 'too big'; bytes: number; limit: number };

/**
 * The image files the notes name (relative to `contentDir`, already inside it by their path), each
 * read unless it is missing, a link, reached through a linked folder, or over `limit` bytes.
 */
export async function readImageFiles(
  contentDir: string,
  paths: readonly string[],
  limit = MAX_IMAGE_BYTES,
): Promise<Map<string, ImageFileRead>> {
  const root = await realpath(contentDir);
  const reads = await Promise.all(
    paths.map(async (path): Promise<[string, ImageFileRead]> => {
      const file = join(contentDir, path);
      const stat = await lstat(file).catch(() => undefined);
      if (!stat) return [path, { problem: 'missing' }];
      if (stat.isSymbolicLink()) return [path, { problem: 'a link' }];
      if (!stat.isFile()) return [path, { problem: 'not a file' }];
      // A linked folder on the way could lead out of the notes: the walk never follows one either.
      const inside = relative(root, await realpath(file));
      if (inside !== path.split('/').join(sep)) return [path, { problem: 'a link' }];
      if (stat.size > limit) return [path, { problem: 'too big', bytes: stat.size, limit }];
      return [path, { bytes: new Uint8Array(await readFile(file)) }];
    }),
  );
  return new Map(reads);
}
