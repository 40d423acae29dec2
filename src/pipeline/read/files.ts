/** The compiler's only file I/O: finding and reading note files and the user's tag vocabulary. */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
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
