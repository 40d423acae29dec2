import { useEffect, useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { useBundle } from '../features/talks/api';
import { NOT_FOUND_HEAD, type PageRoute } from './page-route';

/** Keeps the tab's title on the page's `head` title (the prerendered one till the catalog is in). */
export function usePageTitle(page: PageRoute): void {
  const params = useParams();
  const [search] = useSearchParams();
  const catalog = useBundle().data;
  const title = useMemo(
    () => (catalog ? (page.head(params, catalog, search) ?? NOT_FOUND_HEAD).title : undefined),
    [page, params, catalog, search],
  );
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}
