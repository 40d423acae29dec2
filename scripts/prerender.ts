/**
 * Prerendering, as a Vite plugin (`vite build` stays one command). After the client build it:
 * 1. loads src/app/entry-server.tsx through Vite's module runner,
 * 2. renders every page of `sitePages(bundle)` into `<outDir>/<page>/index.html`, plus 404.html,
 *    inside the built index.html (so each page loads the same assets and hydrates),
 * 3. writes a redirect page at every talk alias (old id).
 * It also puts the Content-Security-Policy and referrer <meta> in every built page.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { runnerImport, type Plugin, type ResolvedConfig } from 'vite';
import { CONTENT_SECURITY_POLICY, REFERRER_POLICY } from '../src/app/head';
import type * as EntryServer from '../src/app/entry-server';
import type { Catalog, LinksFile, Talk } from '../src/shared/bundle';
import { APP_SHELL_FILE, CATALOG_FILE, LINKS_FILE, talkFile } from '../src/shared/data-files';
import { paths } from '../src/shared/paths';

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
  const path = page.path.replace(/"/g, '&quot;');
  return template
    .replace(/\s*<meta name="description"[^>]*>/i, '')
    .replace(/<title>[^<]*<\/title>/i, () => page.head)
    .replace(ROOT_ELEMENT, () => `<div id="root" data-prerendered="${path}">${page.html}</div>`);
}

export function lanyardPrerender(options: Partial<PrerenderOptions> = {}): Plugin {
  const opts: PrerenderOptions = { ...defaults, ...options };
  let config: ResolvedConfig;

  return {
    name: 'lanyard-prerender',
    apply: (userConfig, env) => env.command === 'build' && !userConfig.build?.ssr,
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: { order: 'post', handler: withSecurityMeta },

    closeBundle: {
      // Before the service worker is generated (it precaches the app shell written here).
      order: 'pre',
      sequential: true,
      async handler(error?: Error) {
        if (error) return;
        const started = performance.now();
        const outDir = path.resolve(config.root, config.build.outDir);
        const entry = await loadServerEntry(config, path.resolve(config.root, opts.entry));
        const count = await prerender(entry, outDir, { base: config.base, siteUrl: opts.siteUrl });
        const ms = Math.round(performance.now() - started);
        config.logger.info(
          `lanyard: prerendered ${count.pages} pages, 404.html and ${count.aliases} alias redirects in ${ms} ms`,
        );
      },
    },
  };
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

async function prerender(
  entry: typeof EntryServer,
  outDir: string,
  site: EntryServer.SiteOptions,
): Promise<{ pages: number; aliases: number }> {
  const template = await readFile(path.join(outDir, 'index.html'), 'utf8');
  const readJson = async <T>(file: string) =>
    JSON.parse(await readFile(path.join(outDir, file), 'utf8')) as T;
  const catalog = await readJson<Catalog>(CATALOG_FILE);
  const { write, flush } = fileWriter(outDir);

  // The app with nothing prerendered: the service worker's offline page for any URL.
  await write(APP_SHELL_FILE, template);

  const pages = [...entry.sitePages(catalog), ...entry.SHELL_PAGES.map((page) => ({ path: page }))];
  const talkAt = new Map(catalog.talks.map((talk) => [paths.talk(talk.id), talk.id]));
  const written = new Set<string>();
  for (const { path: pagePath } of pages) {
    // A talk's page reads the talk's own file, as the browser will.
    const id = talkAt.get(pagePath);
    const talk = id === undefined ? undefined : await readJson<Talk>(talkFile(id));
    const links = pagePath === paths.links() ? await readJson<LinksFile>(LINKS_FILE) : undefined;
    const rendered = await entry.renderPage(pagePath, catalog, site, { talk, links });
    const file = entry.pageFile(pagePath);
    written.add(file);
    await write(file, fillTemplate(template, { path: pagePath, ...rendered }));
  }
  const notFound = await entry.renderPage(entry.NOT_FOUND_PATH, catalog, site);
  await write('404.html', fillTemplate(template, { path: entry.NOT_FOUND_PATH, ...notFound }));

  const aliases = entry.aliasPages(catalog);
  for (const alias of aliases) {
    const file = entry.pageFile(alias.path);
    if (written.has(file)) {
      // The compiler refuses clashing ids and aliases; this guards the files themselves.
      throw new Error(`prerender: alias ${alias.path} of "${alias.talk.title}" is also a page`);
    }
    written.add(file);
    await write(file, entry.aliasPageHtml(alias.talk, site));
  }
  await flush();
  return { pages: pages.length, aliases: aliases.length };
}

/**
 * Writes files under `dir` while the next page renders: up to `inFlight` at once (a build of
 * 10,000 talks writes 14,000 pages, and waiting on each one's directory and file left the CPU
 * idle). `flush` waits for the rest and throws the first failure.
 */
export function fileWriter(dir: string, inFlight = 32) {
  const pending = new Set<Promise<void>>();
  const failures: unknown[] = [];
  const writeOne = async (file: string, text: string) => {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  };
  return {
    write: async (file: string, text: string): Promise<void> => {
      if (failures.length > 0) throw failures[0];
      const done: Promise<void> = writeOne(file, text)
        .catch((error: unknown) => void failures.push(error))
        .finally(() => pending.delete(done));
      pending.add(done);
      if (pending.size >= inFlight) await Promise.race(pending);
    },
    flush: async (): Promise<void> => {
      await Promise.all(pending);
      if (failures.length > 0) throw failures[0];
    },
  };
}
