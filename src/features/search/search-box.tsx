import { useQueryClient } from '@tanstack/react-query';
import {
  lazy,
  Suspense,
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import { useHref, useLocation, useNavigate } from 'react-router-dom';
import { paths, searchScopeOf, type TimelineFilters } from '../../shared/paths';
import { firstResult, focusFirstResult, SEARCH_INPUT_ID } from './search-keys';
import { markKeystroke } from './timing';
import { prefetchSearch } from './use-search';
import { FOCUS_RING } from '../../components/focus-ring';

const SEARCH_PATH = '/search';

/** The help's text: its own chunk, fetched when the help is first opened (search needs JS anyway). */
const SearchHelp = lazy(async () => {
  const { SearchKeysHint, SearchSyntax } = await import('./search-help');
  return {
    default: () => (
      <>
        <SearchSyntax />
        <SearchKeysHint />
      </>
    ),
  };
});

/**
 * The search box in the header of every page. Typing shows results at once on `/search?q=…`:
 * the first keystroke adds one history entry, the next ones replace it, so Back leaves the search
 * in one step. The search stays within what it was started from: the timeline's filters, or the
 * tag, speaker or conference of the page (the search page says so, with a way out).
 */
export function SearchBox() {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Without JavaScript (a prerendered page) the form still goes to the search page.
  const action = useHref(paths.search());
  const onSearchPage = location.pathname === SEARCH_PATH;
  const urlQuery = onSearchPage ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const [value, setValue] = useState(urlQuery);
  const [shownQuery, setShownQuery] = useState(urlQuery);
  if (urlQuery !== shownQuery) {
    // Back, forward or a link changed the query: show it.
    setShownQuery(urlQuery);
    setValue(urlQuery);
  }

  // The filters of a search this box has navigated to that the page does not show yet: keys typed
  // before the route changes must replace that entry, not push another.
  const pending = useRef<TimelineFilters | null>(null);
  useEffect(() => {
    pending.current = null;
  }, [location.key]);

  const go = (query: string) => {
    if (!onSearchPage && pending.current) {
      void navigate(paths.search(query, pending.current), { replace: true });
    } else if (onSearchPage) {
      const params = new URLSearchParams(location.search);
      if (query) params.set('q', query);
      else params.delete('q');
      const search = params.toString();
      void navigate(
        { pathname: SEARCH_PATH, search: search ? `?${search}` : '' },
        { replace: true },
      );
    } else if (query.trim() !== '') {
      // A search started on a tag, speaker or conference page stays within it.
      const filters = searchScopeOf(location.pathname, location.search);
      pending.current = filters;
      void navigate(paths.search(query, filters));
    }
  };

  const update = (next: string) => {
    setValue(next);
    markKeystroke(next);
    prefetchSearch(queryClient, next);
    go(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (value !== '') update('');
      else event.currentTarget.blur();
    } else if (event.key === 'ArrowDown') {
      if (focusFirstResult()) event.preventDefault();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const first = onSearchPage ? firstResult() : undefined;
    if (first) first.click();
    else if (onSearchPage) void navigate(paths.search(value));
    else void navigate(paths.search(value, searchScopeOf(location.pathname, location.search)));
  };

  return (
    <form
      role="search"
      aria-label="Site"
      method="get"
      action={action}
      onSubmit={onSubmit}
      className="relative flex items-center gap-1"
    >
      <label htmlFor={SEARCH_INPUT_ID} className="sr-only">
        Search notes
      </label>
      <input
        id={SEARCH_INPUT_ID}
        name="q"
        type="search"
        value={value}
        onChange={(event) => update(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Search notes  /"
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        className={`w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 placeholder:text-slate-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400 ${FOCUS_RING}`}
      />
      <SearchHelpPopover />
    </form>
  );
}

/** "?" next to the box: the query syntax, closed by Esc or a click elsewhere. */
function SearchHelpPopover() {
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      if (event instanceof PointerEvent && details.current?.contains(event.target as Node)) return;
      if (details.current) details.current.open = false;
      if (event instanceof KeyboardEvent) details.current?.querySelector('summary')?.focus();
    };
    document.addEventListener('keydown', close);
    document.addEventListener('pointerdown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('pointerdown', close);
    };
  }, [open]);
  return (
    <details
      ref={details}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className="relative"
    >
      <summary
        aria-label="Search help"
        className={`flex size-8 cursor-pointer list-none items-center justify-center rounded-md border border-slate-300 text-sm font-semibold text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800 [&::-webkit-details-marker]:hidden ${FOCUS_RING}`}
      >
        ?
      </summary>
      <div className="absolute right-0 z-30 mt-2 w-80 max-w-[calc(100vw-2rem)] space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <p className="text-sm font-semibold">Search syntax</p>
        {open && (
          <Suspense fallback={null}>
            <SearchHelp />
          </Suspense>
        )}
      </div>
    </details>
  );
}
