/**
 * A prerendering worker thread (src/build/prerender.ts runs a pool of them on large sites): loads
 * the app's server entry and the prerenderer through Vite's module runner once, as the build
 * does, then renders each share of the pages it is handed (a `WorkerTask`). Plain JavaScript: a
 * worker thread has no TypeScript.
 */
import react from '@vitejs/plugin-react';
import Tinypool from 'tinypool';
import { runnerImport } from 'vite';

const { root, base, mode, entry, self } = Tinypool.workerData;
const options = { configFile: false, root, base, mode, logLevel: 'warn', plugins: [react()] };
const { module: server } = await runnerImport(entry, options);
const { module: prerender } = await runnerImport(self, options);

export default function renderShare({ outDir, site, pagePaths, template }) {
  return prerender.renderPaths(server, outDir, site, pagePaths, template);
}
