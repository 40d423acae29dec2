/**
 * A page about one thing in the notes (a talk, a conference, a tag, a speaker): the URL's params
 * find it in the catalog, for the page (or a 404) and for its <head> alike.
 */
import type { ComponentType, ReactNode } from 'react';
import { useParams, type Params } from 'react-router-dom';
import { QueryGate } from '../components/bundle-gate';
import { TextLink } from '../components/text-link';
import { indexBundle, talksBy, type BundleIndex } from '../features/talks/bundle-index';
import { TalkSummaryList } from '../features/talks/talk-summary-list';
import { useBundleIndex } from '../features/talks/use-bundle-index';
import type { Catalog, CatalogTalk } from '../shared/bundle';
import { paths } from '../shared/paths';
import { noun } from '../shared/plural';
import type { PageHead } from './page-route';
import { NotFoundRoute } from './routes/not-found';

/** Finds a page's subject from the URL's params. */
export type Find<T> = (index: BundleIndex, params: Params) => T | undefined;

export function EntityPage<T>({
  find,
  Page,
  missing,
}: {
  find: Find<T>;
  Page: ComponentType<{ item: T; index: BundleIndex }>;
  /** What shows when the params name nothing: a 404 unless this says otherwise. */
  missing?: (index: BundleIndex, params: Params) => ReactNode;
}) {
  const params = useParams();
  return (
    <QueryGate query={useBundleIndex()}>
      {(index) => {
        const item = find(index, params);
        if (item !== undefined) return <Page item={item} index={index} />;
        return missing?.(index, params) ?? <NotFoundRoute />;
      }}
    </QueryGate>
  );
}

/** A route's `head` from its `find`: undefined (the 404's) when the params name nothing. */
export const entityHead =
  <T,>(find: Find<T>, head: (item: T, index: BundleIndex) => PageHead) =>
  (params: Params, catalog: Catalog): PageHead | undefined => {
    const index = indexBundle(catalog);
    const item = find(index, params);
    return item === undefined ? undefined : head(item, index);
  };

/** The top of a page that lists talks (a speaker's, a tag's): where it sits, its name, its talks. */
export function TalkListing({
  up,
  title,
  details,
  talks,
  timeline,
  index,
  byConference = false,
}: {
  /** The index page it belongs to. */
  up: { to: string; label: string };
  title: string;
  details?: string | undefined;
  talks: readonly CatalogTalk[];
  /** The timeline filtered to these talks. */
  timeline: string;
  index: BundleIndex;
  /** In sections by conference, newest first (the catalog's order), each its conference's talks. */
  byConference?: boolean;
}) {
  return (
    <>
      <p className="text-sm text-slate-500 dark:text-slate-400">
        <TextLink to={up.to}>{up.label}</TextLink> /
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">{title}</h1>
      {details ? (
        <p className="mt-1 text-lg text-slate-600 dark:text-slate-400">{details}</p>
      ) : null}
      <p className="mt-1 text-slate-600 dark:text-slate-400">
        {talks.length} {noun(talks.length, 'talk')} ·{' '}
        <TextLink to={timeline}>Show on the timeline</TextLink>
      </p>
      {byConference ? (
        <ByConference talks={talks} index={index} />
      ) : (
        <div className="mt-4">
          <TalkSummaryList talks={talks} index={index} />
        </div>
      )}
    </>
  );
}

function ByConference({ talks, index }: { talks: readonly CatalogTalk[]; index: BundleIndex }) {
  // Grouped in one pass: filtering the talks once per conference made a big tag's page cost
  // talks × conferences (at 50,000 talks, hundreds of millions of steps over the tag pages).
  const byConference = talksBy(talks, (talk) => [talk.conference]);
  return index.bundle.conferences.flatMap((conference) => {
    const own = byConference.get(conference.id) ?? [];
    if (own.length === 0) return [];
    return [
      <section key={conference.id} aria-labelledby={`in-${conference.id}`} className="mt-6">
        <h2 id={`in-${conference.id}`} className="text-lg font-semibold">
          <TextLink to={paths.conference(conference.id)}>{conference.name}</TextLink>
        </h2>
        <TalkSummaryList talks={own} index={index} place="day" />
      </section>,
    ];
  });
}
