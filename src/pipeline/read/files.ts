/** The compiler's only file I/O: finding and reading note files and the user's tag vocabulary. */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isNoteFile } from '../formats/index';

/** The user's additions to the tag vocabulary, at the top of their content folder. */
export const USER_VOCABULARY_FILE = 'tags.yaml';

export interface RawFile {
  /** Relative to the content folder, `/` separators. */
  path: string;
  bytes: Uint8Array;
}

/** Every note (a file some format takes) under `contentDir`, sorted by path. Hidden folders and node_modules are skipped. */
export async function readNoteFiles(contentDir: string): Promise<RawFile[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT' && error.code !== 'ENOTDIR') throw error;
      throw new Error(
        `There is no notes folder at ${contentDir}: create it, or set CONTENT_DIR to the folder of your notes.`,
      );
    },
  );
  const paths = entries
    .filter((entry) => entry.isFile() && isNoteFile(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (path) =>
        !relative(contentDir, path)
          .split(sep)
          .some((part) => part.startsWith('.') || part === 'node_modules'),
    )
    .sort();
  return Promise.all(
    paths.map(async (path) => ({
      path: relative(contentDir, path).split(sep).join('/'),
      bytes: new Uint8Array(await readFile(path)),
    })),
  );
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
