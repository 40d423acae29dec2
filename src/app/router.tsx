import { createBrowserRouter, matchRoutes, type Params, type RouteObject } from 'react-router-dom';
import type { PageRoute } from './page-route';
import { pages } from './routes';
import { RootLayout } from './routes/root-layout';
import { RouteErrorBoundary } from './routes/route-error';

/**
 * Every page of the app (routes/index.ts) under the layout. Each route's `handle` is its module,
 * so whoever matches a path gets the page's head and data with it. Tests render these same
 * objects through a memory router.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <RootLayout />,
    errorElement: <RouteErrorBoundary />,
    children: pages.map((page) => ({
      ...(page.path === '' ? { index: true } : { path: page.path }),
      Component: page.Component,
      handle: page,
    })),
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes, { basename: import.meta.env.BASE_URL });
}

/** The page at a router path (`/talks/lca-2018/keynote`), with its params, decoded. */
export function matchPage(path: string): { page: PageRoute; params: Params } {
  const leaf = matchRoutes(routes, path)?.at(-1);
  // `*` answers every path, so a match always has a page.
  return { page: leaf?.route.handle as PageRoute, params: leaf?.params ?? {} };
}
