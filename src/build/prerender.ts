/**
 * Prerendering, as a Vite plugin (`vite build` stays one command). After the client build it:
 * 1. loads src/app/entry-server.tsx through Vite's module runner,
 * 2. renders every static path of every route module (src/app/routes) into
 *    `<outDir>/<page>/index.html` (404.html for the not-found page), inside the built index.html
 *    (so each page loads the same assets and hydrates),
 * 3. writes a redirect page at every old address the route modules list (talk aliases),
 * 4. lists the pages in sitemap.xml, when the site's URL is known.
 * It also puts the Content-Security-Policy and referrer <meta> in every built page.
 */
import { readFile, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import Tinypool from 'tinypool';
import { runnerImport, type Plugin, type ResolvedConfig } from 'vite';
import type * as EntryServer from '../app/entry-server';
import { CONTENT_SECURITY_POLICY, REFERRER_POLICY } from '../app/security';
import { toSitemaps } from '../pipeline/emit/sitemap';
import type { Catalog } from '../shared/bundle';
import { APP_SHELL_FILE, CATALOG_FILE } from '../shared/data-files';
import { escapeMarkup } from '../shared/escape';
import { skipWhenBuildFailed } from './build-failure';
import { fileWriter, isInside } from './output-path';
import { plural } from '../shared/plural';
import { count, counted, progressOutput, stageLine } from './progress';
import { toSiteRoot } from '../shared/site-url';

export interface PrerenderOptions {
  /** The server entry, relative to the Vite root. */
  entry: string;
  /** Where the site is published (SITE_URL), for canonical and og:url; none when unset. */
  siteUrl: string | undefined;
}

const defaults: PrerenderOptions = { entry: 'src/app/entry-server.tsx', siteUrl: undefined };

const ROOT_ELEMENT = '<div id="root"></div>';

/** The security <meta> tags, right after <meta charset> so they apply to everything after them. */
export function withSecurityMeta(html: string): string {
  const tags = [
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
    `<meta name="referrer" content="${REFERRER_POLICY}" />`,
  ].join('\n    ');
  return html.replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1\n    ${tags}`);
}

/** The built index.html with one page's head and markup in it. */
export function fillTemplate(
  template: string,
  page: { path: string; head: string; html: string },
): string {
  if (!template.includes(ROOT_ELEMENT)) {
    throw new Error(`prerender: index.html has no ${ROOT_ELEMENT} to render into`);
  }
  return template
    .replace(/\s*<meta name="description"[^>]*>/i, '')
    .replace(/<title>[^<]*<\/title>/i, () => page.head)
    .replace(
      ROOT_ELEMENT,
      () => `<div id="root" data-prerendered="${escapeMarkup(page.path)}">${page.html}</div>`,
    );
}

/** What the prerenderer tells the build summary (summary-plugin.ts), through its `api`. */
export interface PrerenderSummary {
  pages: number;
  redirects: number;
}

export const PRERENDER_PLUGIN_NAME = 'lanyard-prerender';

export function lanyardPrerender(options: Partial<PrerenderOptions> = {}): Plugin {
  const opts: PrerenderOptions = { ...defaults, ...options };
  let config: ResolvedConfig;
  const summary: PrerenderSummary = { pages: 0, redirects: 0 };

  return skipWhenBuildFailed({
    name: PRERENDER_PLUGIN_NAME,
    api: { summary },
    apply: (userConfig, env) => env.command === 'build' && !userConfig.build?.ssr,
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: { order: 'post', handler: withSecurityMeta },

    closeBundle: {
      // Before the service worker is generated (it precaches the app shell written here).
      order: 'pre',
      sequential: true,
      async handler() {
        const line = stageLine(progressOutput(config.logLevel));
        const outDir = path.resolve(config.root, config.build.outDir);
        const entryFile = path.resolve(config.root, opts.entry);
        const entry = await loadServerEntry(config, entryFile);
        const done = await prerender(
          entry,
          outDir,
          { base: config.base, siteUrl: opts.siteUrl },
          {
            root: config.root,
            base: config.base,
            mode: config.mode,
            entry: entryFile,
            self: fileURLToPath(import.meta.url),
          },
          (rendered, pages) => line.update(`rendering pages ${count(rendered)}/${count(pages)}`),
        ).catch(async (error: unknown) => {
          await discardFailedOutput(config, outDir);
          throw error;
        });
        summary.pages = done.pages;
        summary.redirects = done.redirects;
        line.done(
          `rendered ${counted(done.pages, 'page')} and ${counted(done.redirects, 'redirect')} (${plural(done.renderers, 'thread')})`,
        );
      },
    },
  });
}

/**
 * After a failed prerender, nothing in `outDir` may pass for a good build: when Vite emptied it
 * for this build (the default inside the project) it goes; else its entry page does.
 */
async function discardFailedOutput(config: ResolvedConfig, outDir: string): Promise<void> {
  const emptied = config.build.emptyOutDir ?? isInside(config.root, outDir);
  if (emptied) await rm(outDir, { recursive: true, force: true });
  else await rm(path.join(outDir, 'index.html'), { force: true });
}

/**
 * Loads the server entry through Vite's module runner (the same one `--configLoader runner` uses):
 * TypeScript and JSX are compiled on the fly, dependencies are imported from node_modules, and
 * `import.meta.env` carries this build's base path and mode.
 */
async function loadServerEntry(config: ResolvedConfig, entry: string): Promise<typeof EntryServer> {
  const { module } = await runnerImport<typeof EntryServer>(entry, {
    configFile: false,
    root: config.root,
    base: config.base,
    mode: config.mode,
    logLevel: 'warn',
    plugins: [react()],
  });
  return module;
}

/** Reads a data file the build wrote. */
const readData = async <T>(outDir: string, file: string) =>
  JSON.parse(await readFile(path.join(outDir, file), 'utf8')) as T;

/** The catalog this thread read last: each batch of pages needs it, and it is megabytes of JSON. */
let lastCatalog: { outDir: string; catalog: Promise<Catalog> } | undefined;

function catalogOf(outDir: string): Promise<Catalog> {
  if (lastCatalog?.outDir !== outDir) {
    lastCatalog = { outDir, catalog: readData<Catalog>(outDir, CATALOG_FILE) };
  }
  return lastCatalog.catalog;
}

/**
 * Renders the pages at `pagePaths` into `outDir`, each with the data files its route module loads,
 * as the browser will read them. Runs on the main thread and in each worker.
 */
export async function renderPaths(
  entry: typeof EntryServer,
  outDir: string,
  site: EntryServer.SiteOptions,
  pagePaths: readonly string[],
  /** The built index.html, read before the home page is written over it. */
  template: string,
): Promise<void> {
  const readJson = (file: string) => readData<unknown>(outDir, file);
  const catalog = await catalogOf(outDir);
  const { write, flush } = fileWriter(outDir);
  for (const pagePath of pagePaths) {
    const rendered = await entry.renderPage(pagePath, catalog, site, readJson);
    await write(entry.pageFile(pagePath), fillTemplate(template, { path: pagePath, ...rendered }));
  }
  await flush();
}

/** Pages at which a second renderer pays for its start-up (loading the app through Vite). */
const PAGES_PER_WORKER = 1500;

/**
 * How many threads render `pages` pages: one per core while each has at least
 * {@link PAGES_PER_WORKER}, or `PRERENDER_THREADS` when set.
 */
export function rendererCount(pages: number, wanted: string | undefined): number {
  if (wanted !== undefined && wanted !== '') {
    const count = Number(wanted);
    if (!Number.isInteger(count) || count < 1) {
      throw new Error(`PRERENDER_THREADS must be a whole number, 1 or more; got "${wanted}"`);
    }
    return count;
  }
  return Math.max(1, Math.min(availableParallelism(), Math.floor(pages / PAGES_PER_WORKER)));
}

/** Pages per task a renderer takes from the queue: small enough for a progress line to move. */
const PAGES_PER_BATCH = 250;

/** `items` cut into batches of `size`, in order; the last one shorter. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const cut: T[][] = [];
  for (let at = 0; at < items.length; at += size) cut.push(items.slice(at, at + size));
  return cut;
}

async function prerender(
  entry: typeof EntryServer,
  outDir: string,
  site: EntryServer.SiteOptions,
  runner: WorkerOptions,
  onProgress: (rendered: number, pages: number) => void,
): Promise<{ pages: number; redirects: number; renderers: number }> {
  const template = await readFile(path.join(outDir, 'index.html'), 'utf8');
  lastCatalog = undefined;
  const catalog = await catalogOf(outDir);
  const { write, flush } = fileWriter(outDir);

  // The app with nothing prerendered: the service worker's offline page for any URL.
  await write(APP_SHELL_FILE, template);

  const plan = entry.sitePlan(catalog);
  const pagePaths = plan.pages;
  const written = new Set(pagePaths.map((pagePath) => entry.pageFile(pagePath)));
  for (const redirect of plan.redirects) {
    const file = entry.pageFile(redirect.path);
    if (written.has(file)) {
      // The compiler refuses clashing ids and aliases; this guards the files themselves.
      throw new Error(`prerender: alias ${redirect.path} of "${redirect.title}" is also a page`);
    }
    written.add(file);
  }

  // Every core renders batches of pages from one queue: this thread, and a worker thread each
  // other core, until none is left.
  const renderers = rendererCount(pagePaths.length, process.env.PRERENDER_THREADS);
  const queue = batches(pagePaths, PAGES_PER_BATCH);
  const pool = renderers > 1 ? rendererPool(runner, renderers - 1) : undefined;
  let rendered = 0;
  const drain = async (render: (share: string[]) => Promise<unknown>) => {
    for (let share = queue.shift(); share; share = queue.shift()) {
      await render(share);
      rendered += share.length;
      onProgress(rendered, pagePaths.length);
    }
  };
  try {
    await Promise.all([
      drain((share) => renderPaths(entry, outDir, site, share, template)),
      ...Array.from({ length: renderers - 1 }, () =>
        drain((share) =>
          pool!.run({ outDir, site, pagePaths: share, template } satisfies WorkerTask),
        ),
      ),
    ]);
  } finally {
    await pool?.destroy();
  }

  for (const redirect of plan.redirects) {
    await write(entry.pageFile(redirect.path), entry.redirectPageHtml(redirect, site));
  }
  for (const file of toSitemaps(plan.sitemap, toSiteRoot(site.siteUrl, site.base))) {
    await write(file.fileName, file.source);
  }
  await flush();
  return { pages: pagePaths.length, redirects: plan.redirects.length, renderers };
}

/** How a worker loads the app as this build does (prerender-worker.mjs). */
export interface WorkerOptions {
  root: string;
  base: string;
  mode: string;
  entry: string;
  /** This file, which the worker loads for `renderPaths`. */
  self: string;
}

/** What each worker thread is handed: its share of the pages (prerender-worker.mjs). */
export interface WorkerTask {
  outDir: string;
  site: EntryServer.SiteOptions;
  pagePaths: readonly string[];
  template: string;
}

/** `threads` worker threads (a tinypool pool, as the compiler's), each loading the app once. */
function rendererPool(runner: WorkerOptions, threads: number): Tinypool {
  return new Tinypool({
    filename: new URL('./prerender-worker.mjs', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    workerData: runner,
  });
}
