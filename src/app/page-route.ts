/**
 * A page of the app: one route module (src/app/routes/*.tsx) declares its path, component, data,
 * <head> and the addresses the build prerenders. The router, the prerenderer, the sitemap, the
 * <head> and hydration read the list in routes/index.ts, so none of them names a page.
 */
import type { ComponentType } from 'react';
import type { Params } from 'react-router-dom';
import type { DataQuery } from '../features/talks/api';
import { SITE_NAME, toDocumentTitle } from '../features/talks/document-title';
import type { Catalog } from '../shared/bundle';
import { excerptOf } from '../shared/catalog';

export interface PageHead {
  /** The document title, "<page> · Lanyard". */
  title: string;
  /** The page's own name, for og:title. */
  heading: string;
  description: string;
  ogType: 'website' | 'article';
}

/** An old address (a talk's alias) that sends the reader on to the page at `to`, named `title`. */
export type Redirect = { path: string; to: string; title: string };

export interface PageRoute {
  /** The pattern React Router matches: `talks/:conference/:talk`; `''` home, `*` anything else. */
  path: string;
  Component: ComponentType;
  /** Data files the page reads besides the catalog: fetched before hydrating, prerendered from. */
  load?: (params: Params) => readonly DataQuery[];
  /**
   * False when the page draws without the catalog (search: results from their display records):
   * the app then starts without waiting for it, and the page fetches it when it needs it.
   */
  needsCatalog?: boolean;
  /** Undefined when the params name nothing in the notes: the 404's head. Its title is the tab's. */
  head: (params: Params, catalog: Catalog, search?: URLSearchParams) => PageHead | undefined;
  /** The router paths the build prerenders and (unless `inSitemap` is false) lists in the sitemap. */
  staticPaths?: (catalog: Catalog) => readonly string[];
  inSitemap?: boolean;
  redirects?: (catalog: Catalog) => readonly Redirect[];
}

/** A page's description: its text cut near 160 characters, what previews show whole. */
export const excerpt = (text: string): string => excerptOf(text, 160);

/** The head of a page with a name and a description. */
export const describePage = (heading: string, description: string): PageHead => ({
  title: toDocumentTitle(heading === SITE_NAME ? undefined : heading),
  heading,
  description: excerpt(description),
  ogType: 'website',
});

export const NOT_FOUND_HEAD = describePage('Page not found', 'Nothing lives at this address.');
