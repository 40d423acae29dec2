/**
 * The service worker (built by vite-plugin-pwa's injectManifest strategy into sw.js, with the
 * precache list the build puts in `self.__WB_MANIFEST`; src/build/offline-plugin.ts says what is
 * in it). Our own source rather than Workbox's generated one: generating it ran Babel, Rollup and
 * Terser on every build (about a quarter of a 1,000-talk build); this is bundled by Vite like the
 * app. What it does:
 * - precaches the list (the app, the catalog, the search manifest, the shell page and, while they
 *   fit the budget, the talk files, shards and links), dropping older builds' caches;
 * - pages: network first (a rebuilt site is seen at once), then the copy cached when the page was
 *   last opened, then the app shell, which renders any page from the cached catalog;
 * - talk files, shards and links that were not precached: the network, else the last copy;
 * - a new build's worker waits until the app says to take over (`SKIP_WAITING`).
 */
import { ExpirationPlugin } from 'workbox-expiration';
import {
  cleanupOutdatedCaches,
  precacheAndRoute,
  PrecacheFallbackPlugin,
  type PrecacheEntry,
} from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { APP_SHELL_FILE, ON_DEMAND_DATA } from '../shared/data-files';

declare const self: {
  __WB_MANIFEST: (string | PrecacheEntry)[];
  location: Location;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
};

/** How long a page or data file may take from the network before the cached copy is used. */
const NETWORK_TIMEOUT_SECONDS = 4;

self.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  ({ request }) => request.mode === 'navigate',
  new NetworkFirst({
    cacheName: 'lanyard-pages',
    networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
    // sw.js sits at the site's base path, beside the shell page.
    plugins: [
      new PrecacheFallbackPlugin({
        fallbackURL: new URL(APP_SHELL_FILE, self.location.href).pathname,
      }),
    ],
  }),
);

registerRoute(
  ({ url }) => url.origin === self.location.origin && ON_DEMAND_DATA.test(url.pathname),
  new NetworkFirst({
    cacheName: 'lanyard-data',
    networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
    plugins: [new ExpirationPlugin({ maxEntries: 5000 })],
  }),
);
