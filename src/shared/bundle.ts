/**
 * The data contract between the compiler (src/pipeline) and the app, and the public export
 * `dist/data/bundle.json`. Bump SCHEMA_VERSION on any change a reader would notice.
 */
import { z } from 'zod';
import type { ConferenceId, DayId, SpeakerId, TagId, TalkId, TrackId } from './ids';
import { SCHEMA_VERSION } from './schema-version';

export { SCHEMA_VERSION };

const id = <T extends string>() => z.string().min(1) as unknown as z.ZodType<T>;

/** Where a piece of the bundle came from: a file under the content folder and its lines (1-based, inclusive). */
export const sourceRef = z.object({
  /** Path relative to the content folder, with `/` separators. */
  file: z.string(),
  startLine: z.number().int().positive(),
  endLine: z.number().int().positive(),
});

export const speaker = z.object({
  /** The name as written ("Elizabeth K. Joseph", or "@lvh" when only a handle was given). */
  name: z.string(),
  /** Company or project written beside the name ("Code for America"). */
  affiliation: z.string().optional(),
  /** Social handle without the `@`. */
  handle: z.string().optional(),
});
export type Speaker = z.infer<typeof speaker>;

export const day = z.object({
  /** Stable id within its conference; URLs carry both (`?day=lca-2018.day-2`, see toDayFilterValue). */
  id: id<DayId>(),
  /** As shown: "Day 2", "Friday", "Jour 2". */
  label: z.string(),
  /** 1-based day number within the conference, when known. */
  number: z.number().int().positive().optional(),
  /** ISO date (YYYY-MM-DD), when known. */
  date: z.string().optional(),
});
export type Day = z.infer<typeof day>;

export const track = z.object({ id: id<TrackId>(), name: z.string() });
export type Track = z.infer<typeof track>;

export const link = z.object({
  /** Absolute URL; scheme-less links in notes ("github.com/x") get https://. */
  url: z.string(),
  /** The link's text as written, or the URL itself for a bare link. */
  text: z.string(),
});
export type Link = z.infer<typeof link>;

export const talk = z.object({
  /** `<conference>/<slug>`: stable across rebuilds; the talk's URL is `/talks/<id>`. */
  id: id<TalkId>(),
  title: z.string(),
  speakers: z.array(speaker),
  conference: id<ConferenceId>(),
  day: day,
  /** The track or session heading the talk sat under, if any ("Sysadmin miniconf", "Keynote"). */
  track: track.nullable(),
  /** Position within its conference, in the order the notes were written (0-based). */
  order: z.number().int().nonnegative(),
  /** The time written before the title, as written ("11:35", "10h30", "14:00-14:45", "9am"). */
  time: z.string().optional(),
  /** The session type written around the title ("Keynote", "Lightning talk", "tools plenary"). */
  session: z.string().optional(),
  tags: z.array(id<TagId>()),
  links: z.array(link),
  /** The notes rendered to sanitized HTML (an allow-list: no script, style, frames or forms). */
  html: z.string(),
  /** The notes as plain text, for search and excerpts. Empty when no notes were taken. */
  text: z.string(),
  /** Old ids that should still lead here. */
  aliases: z.array(z.string()),
  /**
   * Up to five talks on related subjects, best first, from any conference: found at build time by
   * shared speakers, shared tags and similar wording (TF-IDF). Empty when nothing is close.
   */
  related: z.array(id<TalkId>()),
  source: sourceRef,
});
export type Talk = z.infer<typeof talk>;

/** Text of a day that belongs to no talk: an introduction, a wrap-up, a to-do list. Nothing is lost. */
export const dayNote = z.object({
  conference: id<ConferenceId>(),
  day: day,
  /** The heading the text stood under, when it had one ("Wrap up", "Things to google"). */
  heading: z.string().optional(),
  html: z.string(),
  text: z.string(),
  source: sourceRef,
});
export type DayNote = z.infer<typeof dayNote>;

export const conference = z.object({
  id: id<ConferenceId>(),
  name: z.string(),
  year: z.number().int().optional(),
  location: z.string().optional(),
  url: z.string().optional(),
  /** The conference's days in order, as they appear in its talks and day notes. */
  days: z.array(day),
  tracks: z.array(track),
  talkCount: z.number().int().nonnegative(),
});
export type Conference = z.infer<typeof conference>;

export const tagSummary = z.object({
  id: id<TagId>(),
  /** Display name ("Kubernetes"). */
  name: z.string(),
  count: z.number().int().positive(),
});
export type TagSummary = z.infer<typeof tagSummary>;

export const speakerSummary = z.object({
  id: id<SpeakerId>(),
  name: z.string(),
  affiliation: z.string().optional(),
  handle: z.string().optional(),
  talks: z.array(id<TalkId>()),
});
export type SpeakerSummary = z.infer<typeof speakerSummary>;

export const bundle = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** ISO timestamp of the build. */
  generatedAt: z.string(),
  /** Newest first. */
  conferences: z.array(conference),
  /** Grouped by conference (newest first), then in the order written. */
  talks: z.array(talk),
  dayNotes: z.array(dayNote),
  /** Most used first. */
  tags: z.array(tagSummary),
  /** By name. */
  speakers: z.array(speakerSummary),
});
export type Bundle = z.infer<typeof bundle>;

/**
 * A talk as the timeline, search results and lists show it: everything but its notes. The notes
 * (`html`, `text`, `links`, `related`) are in the talk's own file, fetched when its page opens.
 */
export const catalogTalk = talk
  .omit({ html: true, text: true, links: true, related: true })
  .extend({
    /** The start of the notes as plain text (up to `EXCERPT_LENGTH` (catalog.ts) characters, cut at a word). */
    excerpt: z.string(),
    linkCount: z.number().int().nonnegative(),
  });
export type CatalogTalk = z.infer<typeof catalogTalk>;

/** A day note as the timeline shows it (its HTML; the plain text is in the bundle). */
export const catalogDayNote = dayNote.omit({ text: true });
export type CatalogDayNote = z.infer<typeof catalogDayNote>;

/**
 * What every page needs, and all the first screen fetches (`data/catalog.json`): the bundle with
 * talks as cards. A few hundred bytes a talk, so it stays small at 10,000 talks.
 */
export const catalog = bundle.extend({
  talks: z.array(catalogTalk),
  dayNotes: z.array(catalogDayNote),
});
export type Catalog = z.infer<typeof catalog>;

/** `data/links.json`: every talk's links, for the links page (talks with none are left out). */
export const linksFile = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  talks: z.array(z.object({ id: id<TalkId>(), links: z.array(link).min(1) })),
});
export type LinksFile = z.infer<typeof linksFile>;
