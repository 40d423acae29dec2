/**
 * The keyboard shortcuts, in a native <dialog> that `?` (use-shortcuts.ts) or the header's button
 * opens. The dialog element gives focus trapping, Esc and the backdrop; nothing here reimplements
 * them.
 */
import { FOCUS_RING } from '../components/focus-ring';

const DIALOG_ID = 'keyboard-shortcuts';

const SHORTCUTS: Array<{ keys: string[]; what: string }> = [
  { keys: ['/'], what: 'Search (also Ctrl K)' },
  { keys: ['j', 'k'], what: 'Next and previous card on the timeline' },
  { keys: ['[', ']'], what: 'Previous and next talk of the day, on a talk' },
  { keys: ['g', 'h'], what: 'Go to the timeline' },
  { keys: ['g', 't'], what: 'Go to the tags' },
  { keys: ['?'], what: 'Show these shortcuts' },
  { keys: ['Esc'], what: 'Close this, or clear the search' },
];

/** Opens the shortcuts dialog, if the page has one. */
export function openShortcuts(): void {
  const dialog = document.getElementById(DIALOG_ID);
  if (dialog instanceof HTMLDialogElement && !dialog.open) dialog.showModal();
}

const KEY =
  'rounded-sm border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';

export function ShortcutsDialog() {
  return (
    <dialog
      id={DIALOG_ID}
      aria-labelledby={`${DIALOG_ID}-title`}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex items-center justify-between gap-4">
        <h2 id={`${DIALOG_ID}-title`} className="text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <form method="dialog">
          <button
            type="submit"
            className={`rounded-md border border-slate-300 px-2.5 py-1 text-sm dark:border-slate-600 ${FOCUS_RING}`}
          >
            Close
          </button>
        </form>
      </div>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(({ keys, what }) => (
          <div key={what} className="contents">
            <dt className="flex gap-1">
              {keys.map((key) => (
                <kbd key={key} className={KEY}>
                  {key}
                </kbd>
              ))}
            </dt>
            <dd className="text-slate-700 dark:text-slate-300">{what}</dd>
          </div>
        ))}
      </dl>
    </dialog>
  );
}

/** The header's button for the dialog; phones have no keyboard, so it shows from `sm` up. */
export function ShortcutsButton() {
  return (
    <button
      type="button"
      onClick={openShortcuts}
      aria-keyshortcuts="?"
      aria-haspopup="dialog"
      title="Keyboard shortcuts (?)"
      className={`hidden rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-50 sm:inline-block dark:border-slate-600 dark:text-slate-300 dark:hover:bg-slate-800 ${FOCUS_RING}`}
    >
      <span aria-hidden="true">⌨</span>
      <span className="sr-only">Keyboard shortcuts</span>
    </button>
  );
}
