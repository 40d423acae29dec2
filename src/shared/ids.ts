/** Branded ids: kinds of string that must not mix. Each has exactly one maker. */
type Brand<K extends string> = string & { readonly __brand: K };

/** `<conference id>/<talk slug>`, also the talk's URL path under /talks/. */
export type TalkId = Brand<'TalkId'>;
export type ConferenceId = Brand<'ConferenceId'>;
export type SpeakerId = Brand<'SpeakerId'>;
export type TagId = Brand<'TagId'>;
export type TrackId = Brand<'TrackId'>;
export type DayId = Brand<'DayId'>;

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Longest slug, in UTF-8 bytes. A slug is a file name (`data/talks/<conf>/<slug>.json`, a page's
 * folder) and most file systems stop at 255 bytes; a Japanese character takes 3.
 */
export const MAX_SLUG_BYTES = 100;

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/** FNV-1a, 6 base-36 digits: stable across runs and machines. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(6, '0').slice(-6);
}

/** A slug past {@link MAX_SLUG_BYTES}, cut at a character and told apart by a hash of the whole. */
function cutSlug(slug: string): string {
  if (utf8Length(slug) <= MAX_SLUG_BYTES) return slug;
  const room = MAX_SLUG_BYTES - 7;
  let cut = '';
  let bytes = 0;
  for (const char of slug) {
    bytes += utf8Length(char);
    if (bytes > room) break;
    cut += char;
  }
  return `${cut.replace(/-+$/, '')}-${shortHash(slug)}`;
}

/**
 * A URL-safe, lower-case slug. Latin accents fold to ASCII ("Montréal" → "montreal"); letters of
 * other scripts are kept whole (they are valid in URLs), so a Japanese title gets a readable slug:
 * "データベース" stays "データベース", its voicing marks recomposed (NFC) rather than cut off, and an
 * Indic vowel sign (a mark) stays with its letter.
 */
export function toSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return cutSlug(slug);
}

/** One part of an id: letters, digits, `-`, `_`, `.`, starting with a letter or digit. */
const ID_SEGMENT = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;

/** What an explicit id (`{#id}`, `id:`) or an alias may be, as an error message says it. */
export const ID_RULE = `an id may use letters, digits, "-", "_" and "." (not first), up to ${MAX_SLUG_BYTES} bytes`;

/**
 * Why `id` cannot be a talk's explicit id (one part) or an alias (one part, or `conference/talk`),
 * or null when it can. Ids become file and folder names, so nothing that could climb out of the
 * output folder (`..`), hide a file (`.x`) or change a URL (`?`, `#`, `%`) gets through.
 */
export function idProblem(id: string, kind: 'id' | 'alias'): string | null {
  const parts = id.split('/');
  // A bare alias is an old title as much as an old slug ("Old title" → `<conference>/old-title`).
  const bareAlias = kind === 'alias' && parts.length === 1;
  const shapeOk = bareAlias
    ? toSlug(id) !== ''
    : parts.length === (kind === 'id' ? 1 : 2) && parts.every((part) => ID_SEGMENT.test(part));
  const tooLong = utf8Length(id) > MAX_SLUG_BYTES;
  if (shapeOk && !tooLong) return null;
  const shape =
    kind === 'id' ? '' : ', and one "/" between a conference and a talk ("lca-2018/old-title")';
  const why = tooLong ? 'too long' : 'not allowed';
  const shown = id.length > 60 ? `${id.slice(0, 60)}…` : id;
  return `${kind} "${shown}" is ${why}: ${ID_RULE}${shape}`;
}

export const toConferenceId = (slug: string): ConferenceId => toSlug(slug) as ConferenceId;
export const toTalkId = (conference: ConferenceId, talkSlug: string): TalkId =>
  `${conference}/${talkSlug}` as TalkId;
/**
 * The old talk id an alias stands for: `conf/old-slug` as written, or a bare `old slug` of the
 * talk's own conference (`lca-2018/old-slug`). The compiler stores aliases so, and the app reads
 * them as they are (redirect pages, old links).
 */
export const toAliasId = (conference: ConferenceId, alias: string): TalkId =>
  alias.includes('/') ? (alias as TalkId) : toTalkId(conference, toSlug(alias));
export const toSpeakerId = (name: string): SpeakerId => toSlug(name) as SpeakerId;
export const toTagId = (name: string): TagId => toSlug(name) as TagId;
export const toTrackId = (name: string): TrackId => toSlug(name) as TrackId;
export const toDayId = (label: string): DayId => toSlug(label) as DayId;
