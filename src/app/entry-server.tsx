/**
 * The server side of prerendering: renders one page of the app to HTML with react-dom/server, from
 * the same route objects the browser uses, with the notes already in react-query's cache. The
 * build compiles this file with Vite (SSR) and src/build/prerender.ts calls it once per page.
 */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom';
import { bundleQuery, linksQuery, talkQuery } from '../features/talks/api';
import type { Catalog, LinksFile, Talk } from '../shared/bundle';
import { pageFile, sitePages } from '../shared/site-pages';
import {
  aliasPageHtml,
  aliasPages,
  canonicalUrl,
  headTags,
  pageHead,
  type SiteOptions,
} from './head';
import { AppProviders, createQueryClient } from './providers';
import { routes } from './router';

export { aliasPageHtml, aliasPages, pageFile, sitePages, type SiteOptions };

/**
 * Pages with a URL but nothing of their own to list in the sitemap: the search page's empty state,
 * so `/search?q=…` opened directly works on a host with no fallback (the app fills in the results).
 */
export const SHELL_PAGES: readonly string[] = ['/search'];

/** The router path the 404 page is rendered at: what it shows with JavaScript off. */
export const NOT_FOUND_PATH = '/404.html';

export interface RenderedPage {
  /** The app's markup, for inside #root. */
  html: string;
  /** <title>, description, canonical, Open Graph and Twitter tags. */
  head: string;
}

/**
 * Renders the page at `path` (a router path such as `/talks/lca-2018/keynote`) from the catalog,
 * and the files the page reads (a talk's own file, the links), as the browser has them when it
 * hydrates.
 */
export async function renderPage(
  path: string,
  catalog: Catalog,
  site: SiteOptions,
  files: { talk?: Talk | undefined; links?: LinksFile | undefined } = {},
): Promise<RenderedPage> {
  const handler = createStaticHandler(routes, { basename: site.base });
  const url = new URL(`${site.base.replace(/\/$/, '')}${path}`, 'http://localhost');
  const context = await handler.query(new Request(url));
  if (context instanceof Response) {
    throw new Error(`prerender: ${path} answered with a redirect (${context.status})`);
  }
  const router = createStaticRouter(handler.dataRoutes, context);
  const queryClient = createQueryClient();
  queryClient.setQueryData(bundleQuery().queryKey, catalog);
  if (files.talk) queryClient.setQueryData(talkQuery(files.talk.id).queryKey, files.talk);
  if (files.links) queryClient.setQueryData(linksQuery().queryKey, files.links);
  const html = renderToString(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </AppProviders>
    </StrictMode>,
  );
  queryClient.clear();
  const head = headTags(pageHead(path, catalog), canonicalUrl(path, site));
  return { html, head };
}
