import { use } from 'react';
import { matchRoutes, useRoutes, type Params, type RouteObject } from 'react-router-dom';
import type { PageRoute } from './page-route';
import { pageModules, type PageModule } from './routes';
import { RootLayout } from './routes/root-layout';
import { usePageTitle } from './use-page-title';

/** Each page module once loaded, and the load in flight: a module is fetched once. */
const loaded = new Map<PageModule, PageRoute>();
const loading = new Map<PageModule, Promise<PageRoute>>();

/** The route module, fetched the first time (the same promise every time after). */
export function loadPage(module: PageModule): Promise<PageRoute> {
  let pending = loading.get(module);
  if (!pending) {
    pending = module.load().then((page) => {
      loaded.set(module, page);
      return page;
    });
    loading.set(module, pending);
  }
  return pending;
}

/**
 * A page: its module's component once the module is in. Before hydrating, main.tsx and the
 * prerenderer load it first, so the first render matches the HTML; on a later visit the router's
 * transition keeps the previous page on screen while it loads.
 */
function PageOutlet({ module }: { module: PageModule }) {
  const page = loaded.get(module) ?? use(loadPage(module));
  usePageTitle(page);
  return <page.Component />;
}

/**
 * Every page of the app (routes/index.ts) under the layout. Each route's `handle` is its module,
 * so whoever matches a path gets the page with it. The browser, the prerenderer and tests render
 * these same objects, through their own router (`AppRoutes`).
 */
const routes: RouteObject[] = [
  {
    path: '/',
    element: <RootLayout />,
    children: pageModules.map((module) => ({
      ...(module.path === '' ? { index: true } : { path: module.path }),
      element: <PageOutlet module={module} />,
      handle: module,
    })),
  },
];

/** The app's pages, inside whichever router renders them (browser, static, memory). */
export function AppRoutes() {
  return useRoutes(routes);
}

/** The page module at a router path (`/talks/lca-2018/keynote`), with its params, decoded. */
export function matchPage(path: string): { module: PageModule; params: Params } {
  const leaf = matchRoutes(routes, path)?.at(-1);
  // `*` answers every path, so a match always has a page.
  return { module: leaf?.route.handle as PageModule, params: leaf?.params ?? {} };
}
