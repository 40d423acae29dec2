import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { QueryGate } from '../../components/bundle-gate';
import { EmptyState } from '../../components/empty-state';
import { FOCUS_RING } from '../../components/focus-ring';
import { LoadingState } from '../../components/loading-state';
import { TextLink } from '../../components/text-link';
import { useHydrated } from '../../components/use-hydrated';
import { ListTools } from '../../features/export';
import { addStars, useStars } from '../../features/stars';
import type { BundleIndex } from '../../features/talks/bundle-index';
import { useBundleIndex } from '../../features/talks/use-bundle-index';
import { Timeline } from '../../features/timeline/timeline';
import type { CatalogTalk } from '../../shared/bundle';
import type { TalkId } from '../../shared/ids';
import { paths, readSharedIds, type ViewPath } from '../../shared/paths';
import { plural } from '../../shared/plural';
import { describePage, type PageRoute } from '../page-route';

const STARRED = 'Starred talks';
const SHARED = 'Shared talks';

/**
 * `/starred`: the talks this browser starred, filtered like the timeline. With `?shared=…` it is a
 * list someone shared instead: read-only, with a button that adds it to the reader's own stars.
 * Stars live in the browser, so the prerendered page is only the frame (no one's stars).
 */
export const starredRoute: PageRoute = {
  path: 'starred',
  Component: StarredRoute,
  head: (_, __, search) =>
    search?.has('shared')
      ? describePage(SHARED, 'A list of talks someone shared from the notes.')
      : describePage(STARRED, 'The talks you starred, kept in this browser.'),
  staticPaths: () => [paths.starred()],
  inSitemap: false,
};

function StarredRoute() {
  const [params] = useSearchParams();
  const shared = readSharedIds(params);
  const hydrated = useHydrated();
  return (
    <QueryGate query={useBundleIndex()}>
      {(index) =>
        shared.length > 0 ? (
          <SharedList index={index} ids={shared} />
        ) : hydrated ? (
          <MyStars index={index} />
        ) : (
          <LoadingState label="Loading your starred talks…" />
        )
      }
    </QueryGate>
  );
}

/** The talks `ids` name, old ids (aliases) included, in the catalog's order; and those it lacks. */
function resolveTalks(index: BundleIndex, ids: readonly string[]) {
  const found = new Set<TalkId>();
  const missing: string[] = [];
  for (const id of ids) {
    const talkId = index.talksById.has(id as TalkId) ? (id as TalkId) : index.aliases.get(id);
    if (talkId) found.add(talkId);
    else missing.push(id);
  }
  const talks = index.bundle.talks.filter((talk) => found.has(talk.id));
  return { talks, missing };
}

function Missing({ ids, what }: { ids: readonly string[]; what: string }) {
  if (ids.length === 0) return null;
  return (
    <p role="note" className="mb-4 text-sm text-amber-800 dark:text-amber-200">
      {plural(ids.length, 'talk')} {what} {ids.length === 1 ? 'is' : 'are'} not in these notes (any
      more): {ids.join(', ')}
    </p>
  );
}

function MyStars({ index }: { index: BundleIndex }) {
  const stars = useStars();
  const { talks, missing } = useMemo(() => resolveTalks(index, stars), [index, stars]);
  if (stars.length === 0) {
    return (
      <EmptyState title="No starred talks yet">
        <p>
          Star a talk with the ☆ on its card or its page: it is listed here, in this browser, and
          works offline.
        </p>
        <p className="mt-2">
          <TextLink to={paths.home()}>Browse the talks</TextLink>
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <Missing ids={missing} what="you starred" />
      <Timeline
        bundle={index.bundle}
        scope={talks}
        pathOf={paths.starred}
        heading={STARRED}
        tools={({ talks: shown }) => (
          <ListTools title={STARRED} talks={shown} conferences={index.bundle.conferences} />
        )}
      />
    </>
  );
}

function SharedList({ index, ids }: { index: BundleIndex; ids: readonly string[] }) {
  const { talks, missing } = useMemo(() => resolveTalks(index, ids), [index, ids]);
  const pathOf: ViewPath = (filters, order) => paths.shared(ids, filters, order);
  return (
    <>
      <AddToStars talks={talks} />
      <Missing ids={missing} what="in this link" />
      {talks.length === 0 ? (
        <EmptyState title="None of these talks is in the notes" />
      ) : (
        <Timeline
          bundle={index.bundle}
          scope={talks}
          pathOf={pathOf}
          heading={SHARED}
          tools={({ talks: shown }) => (
            <ListTools title={SHARED} talks={shown} conferences={index.bundle.conferences} />
          )}
        />
      )}
    </>
  );
}

/** A shared list is read-only; one click copies it into the reader's own stars. */
function AddToStars({ talks }: { talks: readonly CatalogTalk[] }) {
  const stars = useStars();
  const hydrated = useHydrated();
  const [added, setAdded] = useState<number | undefined>();
  const starred = new Set(stars);
  const fresh = talks.filter((talk) => !starred.has(talk.id));
  return (
    <div
      role="region"
      aria-label="Shared list"
      className="mb-6 flex flex-wrap items-center gap-3 rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm text-indigo-950 print:hidden dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-100"
    >
      <p className="flex-1">
        Someone shared {plural(talks.length, 'talk')} with you. This list is read-only: your own
        stars are <TextLink to={paths.starred()}>on your starred page</TextLink>.
      </p>
      {hydrated && fresh.length > 0 ? (
        <button
          type="button"
          onClick={() => {
            addStars(fresh.map((talk) => talk.id));
            setAdded(fresh.length);
          }}
          className={`rounded-md bg-indigo-700 px-3 py-1.5 font-medium text-white hover:bg-indigo-800 dark:bg-indigo-300 dark:text-indigo-950 dark:hover:bg-indigo-200 ${FOCUS_RING}`}
        >
          {fresh.length === talks.length
            ? 'Add these to my stars'
            : `Add the ${plural(fresh.length, 'other')} to my stars`}
        </button>
      ) : null}
      <span role="status">
        {added !== undefined
          ? `Added ${plural(added, 'talk')} to your stars`
          : hydrated && talks.length > 0 && fresh.length === 0
            ? 'All of these are in your stars'
            : ''}
      </span>
    </div>
  );
}
