/**
 * Offline support: the service worker (src/app/sw.ts, built and given its precache list by
 * vite-plugin-pwa's injectManifest strategy) and the web app manifest. After one visit the site
 * works with the network off. Precached: the app (JS, CSS, icons), the catalog, the search
 * manifest, the shell page, and, while the data fits in {@link PRECACHE_DATA_BYTES}, every talk's
 * file, every search shard, the links and the notes' images. Past that (thousands of talks) those are cached as they
 * are fetched instead, so a first visit does not download a whole collection: offline, the talks
 * and searches opened before then work. How pages and data are served is in src/app/sw.ts.
 * A new build's worker waits until the old one's pages are closed, so it is picked up on the
 * next visit; the app then says the notes were updated (updated-notice.tsx).
 */
import { VitePWA } from 'vite-plugin-pwa';
import { skipWhenBuildFailed } from './build-failure';
import { APP_SHELL_FILE, CATALOG_FILE, LINKS_FILE, ON_DEMAND_DATA } from '../shared/data-files';

/** Precache ceiling per file: the catalog of a large corpus is several MB. */
const MAX_PRECACHE_BYTES = 256 * 1024 * 1024;

/**
 * Most bytes of talk files, search shards and links precached on a first visit (uncompressed; about
 * a fifth of that on the wire). A collection of about 1,500 talks fits.
 */
export const PRECACHE_DATA_BYTES = 24 * 1024 * 1024;

export const isOnDemandData = (url: string): boolean => ON_DEMAND_DATA.test(url);

/**
 * Workbox's precache list, without the on-demand data when that is over the budget. Pure, for
 * tests; `warn` says what was left out.
 */
export function limitPrecache<T extends { url: string; size: number }>(
  entries: T[],
  budget = PRECACHE_DATA_BYTES,
): { manifest: T[]; warnings: string[] } {
  const onDemand = entries.filter((entry) => isOnDemandData(entry.url));
  const bytes = onDemand.reduce((sum, entry) => sum + entry.size, 0);
  if (bytes <= budget) return { manifest: entries, warnings: [] };
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return {
    manifest: entries.filter((entry) => !isOnDemandData(entry.url)),
    warnings: [
      `lanyard: ${onDemand.length} talk, search and link files (${mb(bytes)}) are over the ${mb(budget)} precache budget; they are cached as they are opened`,
    ],
  };
}

/**
 * The precache budget from `OFFLINE_PRECACHE_MB` (a number of megabytes; 0 caches every talk,
 * shard and link file only once opened), else {@link PRECACHE_DATA_BYTES}.
 */
export function precacheBudget(megabytes: string | undefined): number {
  if (megabytes === undefined || megabytes.trim() === '') return PRECACHE_DATA_BYTES;
  const value = Number(megabytes);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(
      `OFFLINE_PRECACHE_MB must be a number of megabytes, 0 or more; got "${megabytes}"`,
    );
  }
  return Math.round(value * 1024 * 1024);
}

export function lanyardOffline(base: string, precacheDataBytes = PRECACHE_DATA_BYTES) {
  const plugins = VitePWA({
    base,
    registerType: 'prompt',
    // Registered from main.tsx: the CSP allows no inline script.
    injectRegister: null,
    // After the prerenderer, whose app shell page is precached.
    integration: {
      closeBundleOrder: 'post',
      // The worker's own Vite build says nothing unless something is wrong (the build prints its
      // stages itself), and bundles into one file with the option's current name.
      configureCustomSWViteBuild(inline) {
        inline.logLevel = 'warn';
        const output = inline.build?.rollupOptions?.output;
        if (output && !Array.isArray(output) && 'inlineDynamicImports' in output) {
          delete output.inlineDynamicImports;
          Object.assign(output, { codeSplitting: false });
        }
      },
    },
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
    strategies: 'injectManifest',
    srcDir: 'src/app',
    filename: 'sw.ts',
    injectManifest: {
      globPatterns: [
        'assets/**/*.{js,css}',
        '*.{svg,png}',
        CATALOG_FILE,
        LINKS_FILE,
        'data/talks/**/*.json',
        // One pattern: Workbox warns about a pattern that matches nothing (notes without images).
        'data/{search/*.json,search/cards/*.json,media/*}',
        APP_SHELL_FILE,
      ],
      manifestTransforms: [(entries) => limitPrecache(entries, precacheDataBytes)],
      maximumFileSizeToCacheInBytes: MAX_PRECACHE_BYTES,
    },
  });
  // No sw.js for a failed build: it would precache whatever is left in dist/.
  return plugins.map(skipWhenBuildFailed);
}
