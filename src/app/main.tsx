import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { matchPath, RouterProvider } from 'react-router-dom';
import { applyInitialTheme } from '../components/theme-toggle';
import { bundleQuery, linksQuery, talkQuery } from '../features/talks/api';
import { toTalkId, type ConferenceId, type TalkId } from '../shared/ids';
import { paths } from '../shared/paths';
import { AppProviders, createQueryClient } from './providers';
import { registerOffline } from './register-offline';
import { createAppRouter, TALK_PATH } from './router';
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
  const { search } = window.location;
  return root.dataset.prerendered === routerPath() && search === '';
}

/** The path the router sees: without the base path (`/notes/talks/x` → `/talks/x`). */
function routerPath(): string {
  const { pathname } = window.location;
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return (pathname.startsWith(base) ? pathname.slice(base.length) : pathname) || '/';
}

/** On a talk's page, the talk it shows (its file was rendered into the page with the catalog; the
 * links page likewise renders the links file). */
function prerenderedTalk(): TalkId | undefined {
  const params = matchPath(`/${TALK_PATH}`, routerPath())?.params;
  if (!params?.conference || !params.talk) return undefined;
  return toTalkId(
    decodeURIComponent(params.conference) as ConferenceId,
    decodeURIComponent(params.talk),
  );
}

if (container.dataset.prerendered === undefined) {
  // The dev server: nothing prerendered.
  createRoot(container).render(app);
} else {
  // Hydration must render what the server did, so the notes must be in the cache first.
  const talk = prerenderedTalk();
  const links = routerPath() === paths.links();
  void Promise.all([
    queryClient.prefetchQuery(bundleQuery()),
    talk ? queryClient.prefetchQuery(talkQuery(talk)) : undefined,
    links ? queryClient.prefetchQuery(linksQuery()) : undefined,
  ]).then(() => {
    const cached =
      queryClient.getQueryData(bundleQuery().queryKey) &&
      (!talk || queryClient.getQueryData(talkQuery(talk).queryKey)) &&
      (!links || queryClient.getQueryData(linksQuery().queryKey));
    if (cached && matchesPrerender(container)) {
      // As a transition, hydration yields to the browser every few milliseconds instead of
      // blocking it for the whole page (the page is already on screen and readable).
      startTransition(() => {
        hydrateRoot(container, app);
      });
    } else {
      createRoot(container).render(app);
    }
  });
}

void registerOffline();
