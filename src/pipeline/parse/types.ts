/** What parsing makes of a note file. Node-only; the app sees only src/shared. */
import type { Day, Link, Speaker, Track } from '../../shared/bundle';
import type { FormatName } from '../formats/index';

/** Facts about a file known before its structure is read: from front matter, then from its path. */
export interface FileFacts {
  conference?: string;
  /** Slug of the conference, from the folder name when the file sits in one. */
  conferenceSlug?: string;
  year?: number;
  location?: string;
  /** ISO date (YYYY-MM-DD) of the file's day. */
  date?: string;
  day?: { label: string; number?: number };
  track?: string;
  tags: string[];
  url?: string;
  aliases: string[];
}

/** One run of lines in a note: a talk, or text that belongs to the day. */
export interface Section {
  kind: 'talk' | 'note';
  /** Talk title, or the heading a note stood under. */
  title?: string;
  speakers: Speaker[];
  day?: Omit<Day, 'id'>;
  track?: Omit<Track, 'id'>;
  /** An explicit `{#id}` / `id:` that overrides the slug of the title. */
  explicitId?: string;
  /** The time written before the title ("11:35", "10h30", "14:00-14:45"). */
  time?: string;
  /** The session type written around the title ("Keynote", "Lightning talk", "tools plenary"). */
  session?: string;
  /** Lightning talks or keynote bullets under one heading: each part's subject and speakers. */
  parts?: { title: string; speakers: Speaker[] }[];
  aliases: string[];
  /** Tags written on a `tags:` line under the title. */
  tags: string[];
  /** Links written in the title itself ("[Title](url) - Speaker"), resolved against the file's definitions. */
  titleLinks: Link[];
  /** The notes, without the title lines, in the file's format. */
  body: string;
  format: FormatName;
  /** First and last line (1-based, in the file on disk) of the whole section, title included. */
  startLine: number;
  endLine: number;
}

/** What a file says about its event, for settling conferences across files (conferences.ts). */
export interface EventHints {
  /** Its title: front matter `title:`, else a `# H1` (or `===` title) on its first line. */
  title?: string;
  /** Its front matter names the conference: no guess replaces that. */
  statedConference: boolean;
  /** The year its front matter gives (`year:`, or `date:`'s year). */
  statedYear?: number;
}

/** A note file understood: its facts and its sections in order. */
export interface ParsedNote {
  file: string;
  facts: FileFacts;
  /** Set by compile.ts; absent for a note parsed on its own. */
  event?: EventHints;
  sections: Section[];
  /** Markdown link reference definitions (`[ref]: url`) of the whole file, for rendering any section. */
  linkDefinitions: string[];
}
