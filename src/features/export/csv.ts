/** A list of talks as CSV (RFC 4180): a header row, one row per talk, CRLF line ends. Pure. */
import { conferenceName, speakerLine, type ExportList } from './export-item';

export const CSV_COLUMNS = [
  'Title',
  'Speakers',
  'Conference',
  'Day',
  'Date',
  'Time',
  'Session',
  'Track',
  'Tags',
  'Link',
  'Notes',
] as const;

/** A field quoted when it holds a quote, comma or line break, its quotes doubled (RFC 4180 §2). */
export function toCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export const toCsvRow = (fields: readonly string[]): string => fields.map(toCsvField).join(',');

export function toCsv(list: ExportList): string {
  const rows = list.items.map((item) => {
    const { talk } = item;
    return toCsvRow([
      talk.title,
      speakerLine(talk),
      conferenceName(item),
      talk.day.label,
      talk.day.date ?? '',
      talk.time ?? '',
      talk.session ?? '',
      talk.track?.name ?? '',
      talk.tags.join(' '),
      item.url,
      // Line breaks inside a quoted field are CRLF too, like the rows.
      item.notes.replace(/\r?\n/g, '\r\n'),
    ]);
  });
  return `${[toCsvRow(CSV_COLUMNS), ...rows].join('\r\n')}\r\n`;
}
