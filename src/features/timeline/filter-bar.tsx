import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
} from 'react';
import { FILTER_FIELDS, type FilterField, type TimelineFilters } from '../../shared/paths';
import {
  FILTER_LABELS,
  activeChips,
  countActiveFilters,
  facetOptions,
  removeFilter,
  toggleFilter,
  type FacetIndex,
  type FacetOptionCount,
} from './filters';
import { noun } from '../../shared/plural';
import { FOCUS_RING } from '../../components/focus-ring';

function FacetField({
  field,
  chosen,
  optionsOf,
  onToggle,
}: {
  field: FilterField;
  /** How many values of the field are chosen. */
  chosen: number;
  /** The field's options with counts: worked out only when the popover opens. */
  optionsOf: (field: FilterField) => readonly FacetOptionCount[];
  onToggle: (field: FilterField, value: string) => void;
}) {
  const legendId = useId();
  // Options render only while open: hundreds of speakers stay out of the DOM until asked for, and
  // at 10,000 talks the counts (a pass over every talk per field) wait until then too.
  const [open, setOpen] = useState(false);
  const options = open ? optionsOf(field) : [];
  return (
    <details
      className="group relative"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary
        className={`flex cursor-pointer list-none items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 select-none hover:border-slate-400 group-open:border-indigo-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:border-slate-400 ${FOCUS_RING}`}
      >
        {FILTER_LABELS[field]}
        {chosen > 0 ? (
          <span className="rounded-full bg-indigo-600 px-1.5 text-xs text-white dark:bg-indigo-500">
            {chosen}
          </span>
        ) : null}
        <span aria-hidden="true" className="text-xs text-slate-500 group-open:rotate-180">
          ▾
        </span>
      </summary>
      <fieldset
        aria-labelledby={legendId}
        className="mt-1 max-h-72 min-w-56 overflow-auto rounded-md border border-slate-200 bg-white p-2 shadow-lg sm:absolute sm:z-20 dark:border-slate-700 dark:bg-slate-900"
      >
        <legend id={legendId} className="sr-only">
          {FILTER_LABELS[field]}
        </legend>
        {!open ? null : options.length === 0 ? (
          <p className="px-1 py-0.5 text-sm text-slate-500 dark:text-slate-400">
            None in the notes
          </p>
        ) : null}
        {options.map((option) => (
          <label
            key={option.value}
            className={`flex items-center gap-2 rounded-sm px-1 py-0.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800 ${
              !option.known
                ? 'text-red-800 dark:text-red-300'
                : option.count === 0 && !option.selected
                  ? 'text-slate-400 dark:text-slate-500'
                  : 'text-slate-800 dark:text-slate-100'
            }`}
          >
            <input
              type="checkbox"
              checked={option.selected}
              disabled={option.count === 0 && !option.selected}
              onChange={() => onToggle(field, option.value)}
              className={`size-4 accent-indigo-600 ${FOCUS_RING}`}
            />
            <span className="flex-1">
              {option.known ? option.label : `${option.label} (unknown)`}
            </span>
            <span
              aria-hidden="true"
              className="text-xs text-slate-500 tabular-nums dark:text-slate-400"
            >
              {option.count}
            </span>
            <span className="sr-only">
              , {option.count} {noun(option.count, 'talk')}
            </span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/** What Tab stops on inside the sheet (closed popovers render no options). */
const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** From 640px the fields sit inline (Tailwind's `sm`), so an open sheet has nothing to do. */
const WIDE_QUERY = '(min-width: 640px)';

/**
 * The timeline's filters: one popover per field with facet counts, the active filters as chips,
 * and "Clear all". Under 640px the fields open as a sheet from a "Filters (n)" button: a modal
 * <dialog>, so the page behind it is inert, Tab cycles inside it and Escape closes it, returning
 * focus to the button.
 */
export function FilterBar({
  facets,
  filters,
  onChange,
  resultCount,
}: {
  /** The facet index, built when first needed (a chosen filter, an opened field). */
  facets: () => FacetIndex;
  filters: TimelineFilters;
  onChange: (filters: TimelineFilters) => void;
  /** Talks the current filters leave, for the sheet's close button. */
  resultCount: number;
}) {
  const [sheetOpen, setSheetOpen] = useState(false);
  const sheetId = useId();
  const sheetHeadingId = useId();
  const sheetHeading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);
  const sheet = useRef<HTMLDialogElement>(null);
  const optionsOf = useMemo(() => {
    let options: ReturnType<typeof facetOptions> | undefined;
    return (field: FilterField) => (options ??= facetOptions(facets(), filters))[field];
  }, [facets, filters]);
  const active = countActiveFilters(filters);
  const chips = active > 0 ? activeChips(facets(), filters) : [];

  const toggle = (field: FilterField, value: string) =>
    onChange(toggleFilter(filters, field, value));
  const remove = (field: FilterField, value: string) =>
    onChange(removeFilter(filters, field, value));

  useEffect(() => {
    const dialog = sheet.current;
    if (!sheetOpen || !dialog) return;
    if (!dialog.open) dialog.showModal();
    sheetHeading.current?.focus();
  }, [sheetOpen]);

  // Closing by any route (Escape, the button, a wider window) ends here: the dialog's `close`.
  const onSheetClose = () => {
    setSheetOpen(false);
    opener.current?.focus();
  };
  const closeSheet = () => sheet.current?.close();

  // A phone turned sideways past 640px shows the inline fields; the sheet would only be in the way.
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const media = window.matchMedia(WIDE_QUERY);
    const onChange = () => {
      if (media.matches) sheet.current?.close();
    };
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);

  // <details> popovers close on a click elsewhere and on Escape (which then closes the sheet).
  useEffect(() => {
    const openFields = () =>
      [panel.current, sheet.current]
        .flatMap((root) => [...(root?.querySelectorAll('details') ?? [])])
        .filter((d) => d.open);
    const onPointerDown = (event: PointerEvent) => {
      for (const details of openFields()) {
        if (!(event.target instanceof Node) || !details.contains(event.target)) {
          details.open = false;
        }
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const open = openFields();
      if (open.length > 0) {
        // Keeps the browser from also closing the sheet: one Escape closes one thing.
        event.preventDefault();
        for (const details of open) details.open = false;
        open[0]?.querySelector('summary')?.focus();
      } else if (sheet.current?.open) {
        event.preventDefault();
        sheet.current.close();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  // The modal makes the page inert; this wraps Tab from the last control to the first (and back)
  // rather than letting focus leave for the browser's own toolbar.
  const trapTab = (event: ReactKeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const stops = [...event.currentTarget.querySelectorAll<HTMLElement>(TABBABLE)];
    const first = stops[0];
    const last = stops.at(-1);
    if (!first || !last) return;
    const current = document.activeElement;
    const inside = stops.includes(current as HTMLElement);
    if (event.shiftKey && (current === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (current === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  };

  const fields = (
    <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
      {FILTER_FIELDS.map((field) => (
        <FacetField
          key={field}
          field={field}
          chosen={filters[field]?.length ?? 0}
          optionsOf={optionsOf}
          onToggle={toggle}
        />
      ))}
    </div>
  );

  return (
    <div className="mt-4 mb-6 sm:mt-0">
      <button
        ref={opener}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={sheetOpen}
        aria-controls={sheetId}
        onClick={() => setSheetOpen(true)}
        className={`rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium sm:hidden dark:border-slate-600 dark:bg-slate-900 ${FOCUS_RING}`}
      >
        Filters ({active})
      </button>
      <section ref={panel} aria-label="Filters" className="hidden sm:block">
        {fields}
      </section>
      <dialog
        ref={sheet}
        id={sheetId}
        aria-labelledby={sheetHeadingId}
        onClose={onSheetClose}
        onKeyDown={trapTab}
        className="m-0 h-dvh max-h-none w-full max-w-none overflow-auto bg-white p-4 text-slate-900 backdrop:bg-slate-950/40 sm:hidden dark:bg-slate-950 dark:text-slate-100"
      >
        {sheetOpen ? (
          <>
            <div className="mb-3 flex items-center justify-between">
              <h2
                id={sheetHeadingId}
                ref={sheetHeading}
                tabIndex={-1}
                className="text-lg font-semibold outline-none"
              >
                Filters
              </h2>
              <button
                type="button"
                onClick={closeSheet}
                className={`rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white ${FOCUS_RING}`}
              >
                Show {resultCount} {noun(resultCount, 'talk')}
              </button>
            </div>
            {fields}
          </>
        ) : null}
      </dialog>
      {chips.length > 0 ? (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <ul aria-label="Active filters" className="flex flex-wrap gap-2">
            {chips.map((chip) => (
              <li key={`${chip.field}=${chip.value}`}>
                <button
                  type="button"
                  onClick={() => remove(chip.field, chip.value)}
                  aria-label={`Remove filter ${FILTER_LABELS[chip.field]}: ${chip.label}${chip.known ? '' : ' (unknown)'}`}
                  title={chip.known ? undefined : 'No talk has this value'}
                  className={`inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-sm ${
                    chip.known
                      ? 'border-indigo-200 bg-indigo-50 text-indigo-900 hover:bg-indigo-100 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-100 dark:hover:bg-indigo-900'
                      : 'border-dashed border-red-300 bg-red-50 text-red-900 hover:bg-red-100 dark:border-red-800 dark:bg-red-950 dark:text-red-100'
                  } ${FOCUS_RING}`}
                >
                  <span className="text-xs opacity-75">{FILTER_LABELS[chip.field]}:</span>
                  {chip.label}
                  {chip.known ? null : <span className="text-xs">(unknown)</span>}
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => onChange({})}
            className={`rounded-sm text-sm font-medium text-slate-700 underline hover:text-slate-950 dark:text-slate-300 dark:hover:text-white ${FOCUS_RING}`}
          >
            Clear all
          </button>
        </div>
      ) : null}
    </div>
  );
}
