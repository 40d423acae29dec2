import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { lanyardPrerender } from './src/build/prerender';
import { lanyardOffline, precacheBudget } from './src/build/offline-plugin';
import { lanyardNotes } from './src/build/notes-plugin';
import { lanyardSummary } from './src/build/summary-plugin';

/** Normalized to start and end with `/`, as Vite and the router expect ("notes" → "/notes/"). */
function basePath(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

const base = basePath(process.env.BASE_PATH);

export default defineConfig({
  base,
  plugins: [
    react(),
    tailwindcss(),
    lanyardNotes({ contentDir: process.env.CONTENT_DIR || 'content' }),
    // Build only: writes an HTML file per page (and alias), with CSP, after the client build.
    lanyardPrerender({ siteUrl: process.env.SITE_URL || undefined }),
    // Service worker and web app manifest: the site works offline after one visit.
    lanyardOffline(base, precacheBudget(process.env.OFFLINE_PRECACHE_MB)),
    // Build only: the last lines, what was built and how long it took.
    lanyardSummary(),
  ],
  build: {
    // The build prints its own stages and their times (src/build/progress.ts).
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
