/**
 * Offline support: a Workbox service worker (vite-plugin-pwa, generateSW) and the web app
 * manifest. After one visit the whole site works with the network off:
 * - precached: the app (JS, CSS, icons), the bundle and every search shard, and the shell page;
 * - pages: network first (so a rebuilt site is seen at once), then the copy cached when the page
 *   was last opened, then the app shell, which renders any page from the cached bundle (a talk
 *   never opened before included).
 * A new build's worker waits until the old one's pages are closed, so it is picked up on the
 * next visit; the app then says the notes were updated (updated-notice.tsx).
 */
import { VitePWA } from 'vite-plugin-pwa';
import { APP_SHELL_FILE } from '../shared/data-files';

/** Precache ceiling per file: the bundle of a large corpus is tens of MB. */
const MAX_PRECACHE_BYTES = 256 * 1024 * 1024;

export function lanyardOffline(base: string) {
  return VitePWA({
    base,
    registerType: 'prompt',
    // Registered from main.tsx: the CSP allows no inline script.
    injectRegister: null,
    // After the prerenderer, whose app shell page is precached.
    integration: { closeBundleOrder: 'post' },
    manifest: {
      name: 'Lanyard: conference notes',
      short_name: 'Lanyard',
      description: 'Conference notes, compiled into a searchable site that works offline.',
      start_url: base,
      scope: base,
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#1e40af',
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['assets/**/*.{js,css}', '*.{svg,png}', 'data/**/*.json', APP_SHELL_FILE],
      maximumFileSizeToCacheInBytes: MAX_PRECACHE_BYTES,
      // Pages are handled below, not by the precache's single-page fallback.
      navigateFallback: null,
      cleanupOutdatedCaches: true,
      runtimeCaching: [
        {
          urlPattern: ({ request }) => request.mode === 'navigate',
          handler: 'NetworkFirst',
          options: {
            cacheName: 'lanyard-pages',
            networkTimeoutSeconds: 4,
            precacheFallback: { fallbackURL: `${base}${APP_SHELL_FILE}` },
          },
        },
      ],
    },
  });
}
