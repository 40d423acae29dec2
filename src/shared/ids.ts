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
 * A URL-safe, lower-case slug. Latin accents fold to ASCII ("Montréal" → "montreal"); letters of
 * other scripts are kept (they are valid in URLs), so a Japanese title still gets a readable slug.
 */
export function toSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
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
