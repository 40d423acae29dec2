/**
 * The server side of prerendering: renders one page of the app to HTML with react-dom/server, from
 * the same route objects the browser uses, with the data the page loads already in react-query's
 * cache. The build loads this file with Vite and src/build/prerender.ts calls it once per page.
 */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router-dom';
import { bundleQuery } from '../features/talks/api';
import type { Catalog } from '../shared/bundle';
import { canonicalUrl, pageFile, toSiteRoot, withBase } from '../shared/site-url';
import { headOf, headTags, redirectPageHtml, type SiteOptions } from './head';
import type { PageRoute, Redirect } from './page-route';
import { AppProviders, createQueryClient } from './providers';
import { AppRoutes, loadPage, matchPage } from './router';
import { pageModules } from './routes';

export { pageFile, redirectPageHtml, type Redirect, type SiteOptions };

/**
 * What the build writes, from every route module: the router paths to prerender, those the sitemap
 * lists (in its order) and the redirect pages.
 */
export function sitePlan(catalog: Catalog) {
  const pathsOf = (list: readonly PageRoute[]) =>
    list.flatMap((page) => page.staticPaths?.(catalog) ?? []);
  return {
    pages: pathsOf(pages),
    sitemap: pathsOf(pages.filter((page) => page.inSitemap !== false)),
    redirects: pages.flatMap((page) => page.redirects?.(catalog) ?? []),
  };
}

/**
 * Every route module, loaded as this module is (in the browser each is loaded when its page is
 * first shown): the prerenderer's module runner closes once this module is in, and takes no
 * import after that.
 */
const pages: PageRoute[] = await Promise.all(pageModules.map(loadPage));

/**
 * Renders the page at `path` (a router path such as `/talks/lca-2018/keynote`): its markup for #root
 * and its <head> tags, from the catalog and the data files the page loads (`readData` reads one
 * from the build), as the browser has them when it hydrates.
 */
export async function renderPage(
  path: string,
  catalog: Catalog,
  site: SiteOptions,
  readData: (file: string) => Promise<unknown>,
): Promise<{ html: string; head: string }> {
  const queryClient = createQueryClient();
  queryClient.setQueryData(bundleQuery().queryKey, catalog);
  const { module, params } = matchPage(path);
  const page = await loadPage(module);
  for (const query of page.load?.(params) ?? []) {
    queryClient.setQueryData(query.queryKey, await readData(query.meta.file));
  }
  const html = renderToString(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <StaticRouter basename={site.base} location={withBase(site.base, path)}>
          <AppRoutes />
        </StaticRouter>
      </AppProviders>
    </StrictMode>,
  );
  queryClient.clear();
  const head = headTags(
    headOf(page, params, catalog),
    canonicalUrl(path, toSiteRoot(site.siteUrl, site.base)),
    site.base,
  );
  return { html, head };
}
