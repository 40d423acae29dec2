import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { applyInitialTheme } from '../components/theme-toggle';
import { bundleQuery } from '../features/talks/api';
import { AppProviders, createQueryClient } from './providers';
import { registerOffline } from './register-offline';
import { createAppRouter } from './router';
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
const router = createAppRouter();
const app = (
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>
);

/**
 * Whether the server's HTML in #root is what the first render here will produce: the page was
 * prerendered for this very path (not 404.html shown at another URL) and with no query string (the
 * prerenderer renders none). Otherwise the app renders afresh over it.
 */
function matchesPrerender(root: HTMLElement): boolean {
  const rendered = root.dataset.prerendered;
  const { pathname, search } = window.location;
  // The router path: without the base path (`/notes/talks/x` → `/talks/x`).
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const routerPath = (pathname.startsWith(base) ? pathname.slice(base.length) : pathname) || '/';
  return rendered === routerPath && search === '';
}

if (container.dataset.prerendered === undefined) {
  // The dev server: nothing prerendered.
  createRoot(container).render(app);
} else {
  // Hydration must render what the server did, so the notes must be in the cache first.
  void queryClient.prefetchQuery(bundleQuery()).then(() => {
    if (queryClient.getQueryData(bundleQuery().queryKey) && matchesPrerender(container)) {
      hydrateRoot(container, app);
    } else {
      createRoot(container).render(app);
    }
  });
}

void registerOffline();
