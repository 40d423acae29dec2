/**
 * Exports a list of talks to a file the browser downloads. Loaded only when a reader asks for an
 * export (a dynamic import), so no page carries the formats until then. The notes come from each
 * talk's own file, fetched now (through the query cache: a talk already opened is not fetched).
 */
import type { QueryClient } from '@tanstack/react-query';
import pLimit from 'p-limit';
import type { CatalogTalk, Conference } from '../../shared/bundle';
import { paths } from '../../shared/paths';
import { talkQuery } from '../talks';
import { toCsv } from './csv';
import type { ExportItem, ExportList } from './export-item';
import { toICalendar } from './ics';
import { toMarkdown } from './markdown';

export type ExportFormat = 'markdown' | 'csv' | 'ics';

const FILES: Record<ExportFormat, { extension: string; type: string }> = {
  markdown: { extension: 'md', type: 'text/markdown;charset=utf-8' },
  csv: { extension: 'csv', type: 'text/csv;charset=utf-8;header=present' },
  ics: { extension: 'ics', type: 'text/calendar;charset=utf-8' },
};

/** Talk files fetched at once: enough to be quick, few enough not to queue the browser. */
const CONCURRENT_FETCHES = 6;

export interface ExportRequest {
  format: ExportFormat;
  /** The list's name: the document's title and the file's name ("Starred talks"). */
  title: string;
  talks: readonly CatalogTalk[];
  conferences: readonly Conference[];
  queryClient: QueryClient;
  /** Called as notes arrive: how many of the talks have theirs. */
  onProgress?: (done: number, total: number) => void;
}

export interface ExportResult {
  fileName: string;
  exported: number;
  /** Talks left out: the calendar has no day for a talk without a date. */
  undated: readonly CatalogTalk[];
}

/** `Starred talks` → `starred-talks`. */
const toFileStem = (title: string) =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '') || 'talks';

/** The talk's page as an absolute URL, under the site's base path. */
const talkUrl = (talk: CatalogTalk) =>
  new URL(`${import.meta.env.BASE_URL}${paths.talk(talk.id).slice(1)}`, window.location.origin)
    .href;

async function withNotes(request: ExportRequest): Promise<ExportItem[]> {
  const conferences = new Map(request.conferences.map((c) => [c.id as string, c]));
  const limit = pLimit(CONCURRENT_FETCHES);
  let done = 0;
  return Promise.all(
    request.talks.map((talk) =>
      limit(async () => {
        const notes = await request.queryClient.fetchQuery(talkQuery(talk.id));
        request.onProgress?.(++done, request.talks.length);
        return {
          talk,
          conference: conferences.get(talk.conference),
          url: talkUrl(talk),
          notes: notes.text,
        };
      }),
    ),
  );
}

function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Long enough for the download to have started.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetches the notes, writes the file and starts its download. */
export async function exportTalks(request: ExportRequest): Promise<ExportResult> {
  const list: ExportList = {
    title: request.title,
    items: await withNotes(request),
    exportedAt: new Date(),
  };
  const { extension, type } = FILES[request.format];
  const fileName = `${toFileStem(request.title)}.${extension}`;
  if (request.format === 'ics') {
    const { text, undated } = toICalendar(list, window.location.hostname || 'lanyard');
    download(text, fileName, type);
    return {
      fileName,
      exported: list.items.length - undated.length,
      undated: undated.map((item) => item.talk),
    };
  }
  download(request.format === 'csv' ? toCsv(list) : toMarkdown(list), fileName, type);
  return { fileName, exported: list.items.length, undated: [] };
}
