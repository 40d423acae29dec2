import { useEffect } from 'react';
import { useMatches, useSearchParams } from 'react-router-dom';
import { useCatalogIfLoaded } from '../features/talks/api';
import { NOT_FOUND_HEAD, type PageRoute } from './page-route';

/** Keeps the tab's title on the page's `head` title (the prerendered one till the catalog is in). */
export function usePageTitle(): void {
  const match = useMatches().at(-1);
  const [search] = useSearchParams();
  const catalog = useCatalogIfLoaded();
  // Worked out in the effect, not while rendering: the prerenderer runs no effects, and a page's
  // head is a tenth of its render.
  useEffect(() => {
    const page = match?.handle as PageRoute | undefined;
    if (!match || !page || !catalog) return;
    document.title = (page.head(match.params, catalog, search) ?? NOT_FOUND_HEAD).title;
  }, [match, catalog, search]);
}
