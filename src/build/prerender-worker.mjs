/**
 * A prerendering worker thread (src/build/prerender.ts starts one per spare core on large sites):
 * loads the app's server entry and the prerenderer through Vite's module runner, as the build
 * does, and renders its share of the pages. Plain JavaScript: a worker thread has no TypeScript.
 */
import { workerData } from 'node:worker_threads';
import react from '@vitejs/plugin-react';
import { runnerImport } from 'vite';

const { root, base, mode, entry, self, outDir, site, pagePaths, template } = workerData;
const options = { configFile: false, root, base, mode, logLevel: 'warn', plugins: [react()] };
const { module: server } = await runnerImport(entry, options);
const { module: prerender } = await runnerImport(self, options);
await prerender.renderPaths(server, outDir, site, pagePaths, template);
