/**
 * The notes formats, and the one place a file's format is decided. A new format is one file in
 * this folder (a `NotesFormat`) and one line in `NOTES_FORMATS`.
 */
import { markdown } from './markdown';
import { plainText } from './plain-text';

export const NOTES_FORMATS = [markdown, plainText] as const;

export type KnownFormat = (typeof NOTES_FORMATS)[number];
export type FormatName = KnownFormat['name'];

/** The format that takes a file by its name's ending, if one does. */
export function formatOfFile(path: string): KnownFormat | undefined {
  const name = path.toLowerCase();
  return NOTES_FORMATS.find((format) => format.extensions.some((end) => name.endsWith(end)));
}

/** A file's format; one that no format claims is read as markdown. */
export const formatOf = (path: string): KnownFormat => formatOfFile(path) ?? markdown;

export function formatNamed(name: FormatName): KnownFormat {
  const format = NOTES_FORMATS.find((known) => known.name === name);
  if (!format) throw new Error(`no notes format is named "${name}"`);
  return format;
}

/** A file the compiler reads: one a format takes, and not hidden. */
export const isNoteFile = (name: string): boolean =>
  formatOfFile(name) !== undefined && !name.startsWith('.');

/** "day-2.md" → "day-2": a note file's name without the ending its format took it by. */
export function withoutNoteExtension(name: string): string {
  const end = formatOfFile(name)?.extensions.find((known) => name.toLowerCase().endsWith(known));
  return end ? name.slice(0, -end.length) : name;
}
