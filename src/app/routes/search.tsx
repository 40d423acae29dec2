import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { QueryGate } from '../../components/bundle-gate';
import type { BundleIndex } from '../../features/talks/bundle-index';
import { useBundleIndex } from '../../features/talks/use-bundle-index';
import { highlighterQuery } from '../../features/talks/use-highlighter';
import {
  dayNotesBySearchId,
  filterHits,
  restrictFacetIndex,
} from '../../features/search/search-facets';
import { isDayNoteSearchId } from '../../shared/search/day-notes';
import { SearchKeysHint, SearchSyntax } from '../../features/search/search-help';
import { SearchResults } from '../../features/search/search-results';
import { hitsOf } from '../../features/search/answer-hits';
import { useSearch, type SearchState } from '../../features/search/use-search';
import { FilterBar } from '../../features/timeline/filter-bar';
import {
  buildFacetIndex,
  countActiveFilters,
  type FacetIndex,
} from '../../features/timeline/filters';
import { FILTER_FIELDS, paths, readFilters, type TimelineFilters } from '../../shared/paths';
import { noun, plural } from '../../shared/plural';
import { describePage, type PageRoute } from '../page-route';
import { useQuery } from '@tanstack/react-query';

/**
 * `/search?q=docker&conference=lca-2018`: results as the query is typed in the header's box.
 * Prerendered empty (not in the sitemap), so `/search?q=…` opened directly works on a host with no
 * fallback page: the app fills in the results.
 */
export const searchRoute: PageRoute = {
  path: 'search',
  Component: SearchRoute,
  head: (_, _catalog, search) => {
    const query = search?.get('q')?.trim();
    return describePage(
      query ? `“${query}”: search` : 'Search',
      'Search the notes, with no server: everything is in the page.',
    );
  },
  staticPaths: () => [paths.search()],
  inSitemap: false,
  needsCatalog: false,
};

/** How long the first results stay on screen before the catalog is fetched. */
const CATALOG_AFTER_MS = 1000;

/** True from `ms` after `ready` first became true. */
function useSettled(ready: boolean, ms: number): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (!ready || settled) return;
    const timer = setTimeout(() => setSettled(true), ms);
    return () => clearTimeout(timer);
  }, [ready, settled, ms]);
  return settled;
}

function SearchRoute() {
  const [params] = useSearchParams();
  const input = params.get('q') ?? '';
  const navigate = useNavigate();
  // The same filters keep the same object while only `q` changes, so the results drawn for the
  // previous answer are not drawn again at each keystroke before the next answer arrives.
  const filtersJson = JSON.stringify(readFilters(params));
  const filters = useMemo(() => JSON.parse(filtersJson) as TimelineFilters, [filtersJson]);
  const filtered = countActiveFilters(filters) > 0;
  const search = useSearch(input);
  // The first results are drawn from their display records (result-cards.ts): the catalog (for
  // the filter bar and day notes) is fetched once results have been on screen a moment, so it
  // does not compete with them, or at once when filters need it.
  const settled = useSettled(search.status === 'ready', CATALOG_AFTER_MS);
  const catalog = useBundleIndex({ enabled: filtered || settled });
  const index = catalog.data;
  const facets = useMemo(() => index && buildFacetIndex(index.bundle), [index]);
  const onFilters = useCallback(
    (next: TimelineFilters) => void navigate(paths.search(input, next)),
    [navigate, input],
  );
  const highlighter = useQuery(highlighterQuery()).data;

  return (
    <section aria-labelledby="search-heading" className="mx-auto max-w-3xl">
      <h1 id="search-heading" className="text-2xl font-bold tracking-tight">
        {input.trim() ? (
          <>
            Search: <span className="break-words">“{input.trim()}”</span>
          </>
        ) : (
          'Search'
        )}
      </h1>
      <NoScriptSearch />
      <SearchScope input={input} filters={filters} facets={facets} />
      {search.status !== 'ready' ? (
        <SearchStatus state={search} />
      ) : filtered && !facets ? (
        // Filtering needs the catalog: its loading state, or its error with a Retry.
        <QueryGate query={catalog}>{() => null}</QueryGate>
      ) : (
        <Results
          state={search}
          filters={filters}
          facets={facets}
          index={index}
          highlighter={highlighter}
          onFilters={onFilters}
        />
      )}
    </section>
  );
}

function Results({
  state,
  filters,
  facets,
  index,
  highlighter,
  onFilters,
}: {
  state: Extract<SearchState, { status: 'ready' }>;
  filters: TimelineFilters;
  /** From the catalog, once in (always, when filters are set). */
  facets: FacetIndex | undefined;
  index: BundleIndex | undefined;
  highlighter: Parameters<typeof SearchResults>[0]['highlighter'];
  onFilters: (filters: TimelineFilters) => void;
}) {
  const { answer } = state;
  // Worked out when the filter bar needs it (a field opened, a filter chosen), not per keystroke.
  const hitFacets = useMemo(() => {
    let restricted: FacetIndex | undefined;
    return () => (restricted ??= restrictFacetIndex(facets!, answer.ids));
  }, [facets, answer]);
  const dayNotes = useMemo(
    () => (index ? dayNotesBySearchId(index.bundle) : NO_DAY_NOTES),
    [index],
  );
  const hits = useMemo(
    () => (facets ? filterHits(facets, hitsOf(answer), filters, dayNotes) : hitsOf(answer)),
    [facets, answer, filters, dayNotes],
  );
  const filtered = countActiveFilters(filters) > 0;
  return (
    <div aria-busy={state.stale}>
      <p role="status" className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        {describeCount(countOf(hits), countOf(hitsOf(answer)), filtered)}
        {answer.notice ? (
          <span className="block text-amber-800 dark:text-amber-300">{answer.notice}</span>
        ) : null}
      </p>
      {answer.ids.length > 0 && facets ? (
        <div className="mt-4">
          <FilterBar
            facets={hitFacets}
            filters={filters}
            onChange={onFilters}
            resultCount={hits.length}
          />
        </div>
      ) : null}
      {hits.length > 0 ? (
        <SearchResults
          answer={answer}
          hits={hits}
          index={index}
          dayNotes={dayNotes}
          highlighter={highlighter}
        />
      ) : (
        <NoResults filtered={filtered && answer.ids.length > 0} />
      )}
    </div>
  );
}

const NO_DAY_NOTES: ReturnType<typeof dayNotesBySearchId> = new Map();

/** How many talks and day notes are among `hits`. */
function countOf(hits: readonly { id: string }[]): Count {
  const notes = hits.filter((hit) => isDayNoteSearchId(hit.id)).length;
  return { talks: hits.length - notes, notes };
}

interface Count {
  talks: number;
  notes: number;
}

/** `12 talks match.`, `3 talks and 1 day note match.` */
function describeMatches({ talks, notes }: Count): string {
  return [
    talks > 0 || notes === 0 ? plural(talks, 'talk') : '',
    notes > 0 ? plural(notes, 'day note') : '',
  ]
    .filter(Boolean)
    .join(' and ');
}

/** The true count of matches (never capped), and of those the filters leave. */
function describeCount(shown: Count, all: Count, filtered: boolean): string {
  const total = all.talks + all.notes;
  if (total === 0) return 'No talk matches.';
  if (filtered) {
    return `${describeMatches(shown)} of ${plural(total, 'match', 'matches')} pass the filters.`;
  }
  return `${describeMatches(all)} ${noun(total, 'matches', 'match')}.`;
}

const FIELD_NAMES: Record<(typeof FILTER_FIELDS)[number], string> = {
  conference: 'conference',
  year: 'year',
  day: 'day',
  track: 'track',
  tag: 'tag',
  speaker: 'speaker',
};

/** "Searching only within tag “Docker”. Search everything": what the search is limited to. */
function SearchScope({
  input,
  filters,
  facets,
}: {
  input: string;
  filters: TimelineFilters;
  facets: FacetIndex | undefined;
}) {
  const within = FILTER_FIELDS.flatMap((field) =>
    (filters[field] ?? []).map(
      (value) => `${FIELD_NAMES[field]} “${facets?.labels[field].get(value) ?? value}”`,
    ),
  );
  if (within.length === 0) return null;
  return (
    <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
      Searching only within {within.join(', ')}.{' '}
      <Link
        to={paths.search(input)}
        className="font-medium text-indigo-700 underline hover:no-underline dark:text-indigo-300"
      >
        Search everything
      </Link>
    </p>
  );
}

function NoResults({ filtered }: { filtered: boolean }) {
  return (
    <div className="mt-6 space-y-3 rounded-lg border border-dashed border-slate-300 p-4 dark:border-slate-700">
      <p className="text-sm">
        {filtered
          ? 'The filters leave none of the matches: remove a filter above.'
          : 'Try fewer or shorter words, or another spelling.'}
      </p>
      <SearchSyntax />
    </div>
  );
}

function SearchStatus({ state }: { state: Exclude<SearchState, { status: 'ready' }> }) {
  if (state.status === 'loading') {
    return (
      <p role="status" className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        Loading the search index…
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <p
        role="alert"
        className="mt-4 rounded-md bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100"
      >
        {state.reason === 'failed' ? 'Search failed' : 'Search is not available'}: {state.message}
      </p>
    );
  }
  return (
    <div className="mt-4 space-y-4">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Type in the search box above. Results appear as you type, with no server: everything is in
        this page.
      </p>
      <SearchSyntax />
      <SearchKeysHint />
    </div>
  );
}

/** The prerendered page read without JavaScript: search runs in the page, so say so, and browse. */
function NoScriptSearch() {
  return (
    <noscript>
      <p className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
        Search needs JavaScript: it runs in your browser, with no server. Without it, browse the{' '}
        <Link to={paths.tags()} className="underline">
          tags
        </Link>
        ,{' '}
        <Link to={paths.speakers()} className="underline">
          speakers
        </Link>{' '}
        or{' '}
        <Link to={paths.conferences()} className="underline">
          conferences
        </Link>
        .
      </p>
    </noscript>
  );
}
