/**
 * Images beside the notes (`![slide](img/slide-3.jpg)`, relative to the note): which file a note
 * means, the copy the site publishes (a hashed name under `data/media/`, with its width and height),
 * and the rendered notes pointed at it. Pure: the files' bytes come from read/files.ts.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { imageSize } from 'image-size';
import { imageRef, type ImagePath, type NoteImage } from '../formats/render';
import { escapeMarkup } from '../../shared/escape';
import type { ContentIssue } from '../issues';
import type { RenderedSection } from '../parse/talks';
import type { ParsedNote } from '../parse/types';
import type { ImageFileRead } from '../read/files';

/** The folder of the site's copies of the notes' images, relative to the site root. */
export const MEDIA_FOLDER = 'data/media';

/** Image types a page shows, by file name ending. SVG is not among them: it can hold script. */
export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/** What image-size calls each type the site publishes. */
const DETECTED: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
};

/** The content type of an image the site publishes, by its name; undefined for any other file. */
export const imageType = (path: string): string | undefined =>
  IMAGE_TYPES[posix.extname(path).toLowerCase()];

/**
 * The file a note's image names, relative to the notes folder: `img/slide.png` in
 * `lca-2018/day-2.md` is `lca-2018/img/slide.png`. Null for a path that leaves the folder.
 */
export function noteImagePath(noteFile: string): ImagePath {
  const folder = posix.dirname(noteFile);
  return (src) => {
    const path = posix.normalize(posix.join(folder, src.replaceAll('\\', '/')));
    return path === '..' || path.startsWith('../') || posix.isAbsolute(path) ? null : path;
  };
}

/** An image as the site publishes it. */
export interface PublishedImage {
  /** Relative to the site root: `data/media/slide-3-1a2b3c4d5e.jpg`. */
  fileName: string;
  bytes: Uint8Array;
  contentType: string;
  width: number;
  height: number;
}

/** Each image file the notes name: published, or why not (a warning at each place it is used). */
export type ImageTable = ReadonlyMap<string, PublishedImage | { problem: string }>;

/** The images of the notes, each once, with the copy the site publishes or why there is none. */
export function publishImages(reads: ReadonlyMap<string, ImageFileRead>): ImageTable {
  const table = new Map<string, PublishedImage | { problem: string }>();
  for (const [path, read] of reads) table.set(path, publishImage(path, read));
  return table;
}

function publishImage(path: string, read: ImageFileRead): PublishedImage | { problem: string } {
  const contentType = imageType(path);
  if (!contentType) {
    return { problem: 'not an image the site shows (PNG, JPEG, GIF, WebP or AVIF)' };
  }
  if ('problem' in read) return { problem: readProblem(read) };
  let size: { width: number; height: number; type?: string };
  try {
    size = imageSize(read.bytes);
  } catch {
    return { problem: 'not a readable image' };
  }
  if (size.type !== DETECTED[contentType]) {
    return { problem: `its name says ${contentType}, but it is ${size.type ?? 'something else'}` };
  }
  const hash = createHash('sha256').update(read.bytes).digest('hex').slice(0, 10);
  const extension = posix.extname(path).toLowerCase();
  const stem = posix
    .basename(path, posix.extname(path))
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return {
    fileName: `${MEDIA_FOLDER}/${stem ? `${stem}-` : ''}${hash}${extension}`,
    bytes: read.bytes,
    contentType,
    width: size.width,
    height: size.height,
  };
}

function readProblem(read: Exclude<ImageFileRead, { bytes: Uint8Array }>): string {
  switch (read.problem) {
    case 'missing':
      return 'not found';
    case 'a link':
      return 'a symbolic link, which the build does not follow';
    case 'not a file':
      return 'not a file';
    case 'too big':
      return `${mb(read.bytes)}, over the ${mb(read.limit)} an image may be`;
  }
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Every image file a file's rendered sections name, for reading. */
export const namedImages = (rendered: readonly (RenderedSection | null)[]): string[] =>
  rendered.flatMap((section) =>
    (section?.images ?? []).flatMap((image) => (image.path === null ? [] : [image.path])),
  );

/**
 * A file's rendered sections with their images pointed at the published copies (`base` is the
 * site's base path), and a warning with `file:line` for each image that is not shown (then its
 * alt text is). Sections without images are returned as they are.
 */
export function placeImages(
  note: ParsedNote,
  rendered: readonly (RenderedSection | null)[],
  table: ImageTable,
  base: string,
): { rendered: (RenderedSection | null)[]; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const placed = rendered.map((section, at) => {
    if (!section?.images) return section;
    const firstLine = note.sections[at]?.bodyLine ?? note.sections[at]?.startLine ?? 1;
    let html = section.html;
    for (const image of section.images) {
      const published = image.path === null ? undefined : table.get(image.path);
      const line = firstLine + image.line - 1;
      if (published && 'fileName' in published) {
        html = pointAt(html, image.path!, base, published);
        continue;
      }
      const why = published ? published.problem : 'outside the notes folder';
      issues.push({
        severity: 'warning',
        file: note.file,
        line,
        message: imageMessage(image, why),
      });
      if (image.path !== null) html = showAltText(html, image.path);
    }
    return { ...section, html };
  });
  return { rendered: placed, issues };
}

const imageMessage = (image: NoteImage, why: string): string =>
  `image "${image.src}" is not shown (${why}): its alt text is`;

/** The attributes render.ts writes on a local image after its `src` (alt, loading, decoding). */
const imageTag = (path: string) =>
  new RegExp(`<img src="${escapeRegExp(imageRef(path))}"((?: [a-z]+="[^"]*")*)>`, 'g');

function pointAt(html: string, path: string, base: string, image: PublishedImage): string {
  const src = escapeMarkup(`${base}${image.fileName}`);
  return html.replace(
    imageTag(path),
    (_, rest: string) =>
      `<img src="${src}"${rest} width="${image.width}" height="${image.height}">`,
  );
}

/** The image's alt text in its place (already escaped as an attribute, so as text too). */
function showAltText(html: string, path: string): string {
  return html.replace(imageTag(path), (_, rest: string) => {
    const alt = / alt="([^"]*)"/.exec(rest)?.[1];
    return alt || escapeMarkup(posix.basename(path));
  });
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
