/**
 * The shell of a page about one thing in the notes (a talk, a conference, a tag, a speaker): the
 * catalog loads, the URL's params find the thing, and its page shows, or a 404. The same `find`
 * gives the page's <head>, so the prerendered title and the page always agree.
 */
import type { ComponentType, ReactNode } from 'react';
import { useParams, type Params } from 'react-router-dom';
import { QueryGate } from '../components/bundle-gate';
import { indexBundle, type BundleIndex } from '../features/talks/bundle-index';
import { useBundleIndex } from '../features/talks/use-bundle-index';
import type { Catalog } from '../shared/bundle';
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

/** A route's `head` from its `find`: undefined (a 404's head) when the params name nothing. */
export const entityHead =
  <T,>(find: Find<T>, head: (item: T, index: BundleIndex) => PageHead) =>
  (params: Params, catalog: Catalog): PageHead | undefined => {
    const index = indexBundle(catalog);
    const item = find(index, params);
    return item === undefined ? undefined : head(item, index);
  };
