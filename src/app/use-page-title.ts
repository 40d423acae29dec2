import { useEffect } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { useCatalogIfLoaded } from '../features/talks/api';
import { NOT_FOUND_HEAD, type PageRoute } from './page-route';

/** Keeps the tab's title on the page's `head` title (the prerendered one till the catalog is in). */
export function usePageTitle(page: PageRoute): void {
  const params = useParams();
  const [search] = useSearchParams();
  const catalog = useCatalogIfLoaded();
  // Worked out in the effect, not while rendering: the prerenderer runs no effects, and a page's
  // head is a tenth of its render.
  useEffect(() => {
    if (!catalog) return;
    document.title = (page.head(params, catalog, search) ?? NOT_FOUND_HEAD).title;
  }, [page, params, catalog, search]);
}
