/** What every export format is made from: a talk as the catalog has it, with its notes. */
import type { CatalogTalk, Conference } from '../../shared/bundle';
import { formatSpeakers } from '../talks';

export interface ExportItem {
  talk: CatalogTalk;
  /** Its conference, for the name and place; absent when the catalog does not list it. */
  conference: Conference | undefined;
  /** The talk's page, absolute (`https://notes.example/talks/lca-2018/keynote`). */
  url: string;
  /** The notes as plain text, fetched from the talk's own file; empty when none were taken. */
  notes: string;
}

/** The list being exported: its name (a file's title) and when it was exported. */
export interface ExportList {
  title: string;
  items: readonly ExportItem[];
  exportedAt: Date;
}

/** "Frank Stratton (Runscope), @lvh". */
export const speakerLine = (talk: CatalogTalk): string => formatSpeakers(talk.speakers);

export const conferenceName = (item: ExportItem): string =>
  item.conference?.name ?? item.talk.conference;
