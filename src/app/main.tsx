import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { applyInitialTheme } from '../components/theme-toggle';
import { bundleQuery } from '../features/talks/api';
import { withoutBase } from '../shared/site-url';
import { AppProviders, createQueryClient } from './providers';
import { registerOffline } from './register-offline';
import { AppRoutes, loadPage, matchPage } from './router';
import './styles.css';

applyInitialTheme();

const container = document.getElementById('root');
if (!container) throw new Error('Lanyard: #root is missing from index.html');

/**
 * A static host serves `talks/x/index.html` at `talks/x/` (it redirects `talks/x` there). The app's
 * own URLs have no trailing slash, and pages compare paths, so drop it before the router reads it.
 */
function dropTrailingSlash(): void {
  const { pathname, search, hash } = window.location;
  if (pathname.length > import.meta.env.BASE_URL.length && pathname.endsWith('/')) {
    window.history.replaceState(
      window.history.state,
      '',
      `${pathname.replace(/\/+$/, '')}${search}${hash}`,
    );
  }
}

dropTrailingSlash();
const queryClient = createQueryClient();
const app = (
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <BrowserRouter basename={import.meta.env.BASE_URL}>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  </StrictMode>
);

if (container.dataset.prerendered === undefined) {
  // The dev server: nothing prerendered.
  createRoot(container).render(app);
} else {
  // Hydration must render what the server did, so the page's route module and the data it loads
  // must be in first: the module (its own chunk), the catalog, and whatever the module loads (a
  // talk's notes, the links), fetched side by side.
  const path = withoutBase(import.meta.env.BASE_URL, window.location.pathname);
  const { module, params } = matchPage(path);
  void (async () => {
    const page = await loadPage(module);
    // A page that draws without the catalog (search) starts without waiting for it: drawn
    // afresh, as its prerendered HTML (the footer's build date) came from the catalog.
    const withCatalog = page.needsCatalog !== false;
    const queries = [...(withCatalog ? [bundleQuery()] : []), ...(page.load?.(params) ?? [])];
    await Promise.all(queries.map((query) => queryClient.prefetchQuery(query)));
    const cached =
      withCatalog && queries.every((query) => queryClient.getQueryData(query.queryKey));
    // The server's HTML is what the first render here makes only if it was prerendered for this
    // very path (not 404.html shown at another URL) and with no query string (it renders none).
    const same = container.dataset.prerendered === path && window.location.search === '';
    if (cached && same) {
      // As a transition, hydration yields to the browser every few milliseconds instead of
      // blocking it for the whole page (the page is already on screen and readable).
      startTransition(() => {
        hydrateRoot(container, app);
      });
    } else {
      createRoot(container).render(app);
    }
  })();
}

void registerOffline();
