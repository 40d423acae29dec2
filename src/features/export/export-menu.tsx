import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { CatalogTalk, Conference } from '../../shared/bundle';
import { plural } from '../../shared/plural';
import { FOCUS_RING } from '../../components/focus-ring';
import type { ExportFormat } from './run-export';

/** A list of talks a page shows, to share, export or print. */
export interface TalkList {
  /** The list's name: an export's title and its file's name ("Starred talks"). */
  title: string;
  talks: readonly CatalogTalk[];
  /** The catalog's conferences, for the talks' conference names and places. */
  conferences: readonly Conference[];
}

const CHOICES: Array<[ExportFormat, string]> = [
  ['markdown', 'Markdown (.md)'],
  ['csv', 'Spreadsheet (.csv)'],
  ['ics', 'Calendar (.ics)'],
];

export const TOOL_BUTTON = `inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800 ${FOCUS_RING}`;

/**
 * Downloads the listed talks as Markdown, CSV or a calendar. The formats load when one is chosen
 * (run-export.ts, a dynamic import); what happened is said in a live region.
 */
export function ExportMenu({ title, talks, conferences }: TalkList) {
  const queryClient = useQueryClient();
  const menu = useRef<HTMLDetailsElement>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  const run = async (format: ExportFormat) => {
    if (menu.current) menu.current.open = false;
    setBusy(true);
    setStatus('Preparing the export…');
    try {
      const { exportTalks } = await import('./run-export');
      const result = await exportTalks({
        format,
        title,
        talks,
        conferences,
        queryClient,
        onProgress: (done, total) => setStatus(`Fetching notes: ${done} of ${total}`),
      });
      const left =
        result.undated.length > 0
          ? `; ${plural(result.undated.length, 'talk')} without a date left out`
          : '';
      setStatus(`Downloaded ${result.fileName} (${plural(result.exported, 'talk')}${left})`);
    } catch (error) {
      setStatus(`Could not export: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="relative flex flex-wrap items-center gap-2 print:hidden">
      <details ref={menu} className="group">
        <summary className={`${TOOL_BUTTON} cursor-pointer list-none select-none`}>
          Export
          <span aria-hidden="true" className="text-xs text-slate-500 group-open:rotate-180">
            ▾
          </span>
        </summary>
        <ul
          aria-label={`Export ${plural(talks.length, 'talk')} as`}
          className="absolute right-0 z-20 mt-1 min-w-48 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {CHOICES.map(([format, label]) => (
            <li key={format}>
              <button
                type="button"
                disabled={busy}
                onClick={() => void run(format)}
                className={`w-full rounded-sm px-2 py-1 text-left text-sm hover:bg-slate-100 disabled:opacity-50 dark:hover:bg-slate-800 ${FOCUS_RING}`}
              >
                {label}
              </button>
            </li>
          ))}
        </ul>
      </details>
      <span role="status" className="text-sm text-slate-600 empty:sr-only dark:text-slate-400">
        {status}
      </span>
    </div>
  );
}

/** Prints the page: print styles (styles.css) leave the header, search and buttons out. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className={`${TOOL_BUTTON} print:hidden`}>
      Print
    </button>
  );
}
