/**
 * What a page of the app is: one route module (src/app/routes/*.tsx) declares its path, its
 * component, the data it loads, its <head> and the addresses the build prerenders. The router,
 * the prerenderer, the sitemap, the <head> and hydration read the list in routes/index.ts; none of
 * them knows a page by name. Like React Router's route modules (loader, meta, handle).
 */
import type { ComponentType } from 'react';
import type { Params } from 'react-router-dom';
import type { DataQuery } from '../features/talks/api';
import { SITE_NAME, toDocumentTitle } from '../features/talks/use-document-title';
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

/** An old address that sends the reader on to a page (a talk's alias). */
export interface Redirect {
  /** Router path of the old address. */
  path: string;
  /** Router path of the page it leads to. */
  to: string;
  /** That page's name, for the redirect page's title and link. */
  title: string;
}

export interface PageRoute {
  /**
   * The path pattern under the site's root, as React Router reads it: `talks/:conference/:talk`;
   * `''` is the home page, `*` any address no other page answers to.
   */
  path: string;
  Component: ComponentType;
  /**
   * The data files the page reads besides the catalog (which every page reads): fetched before
   * the browser hydrates the page, read from the build by the prerenderer.
   */
  load?: (params: Params) => readonly DataQuery[];
  /** The page's <head>, or undefined when the params name nothing in the notes (a 404's head). */
  head: (params: Params, catalog: Catalog) => PageHead | undefined;
  /** The router paths the build prerenders (`/talks/lca-2018/keynote`). */
  staticPaths?: (catalog: Catalog) => readonly string[];
  /** Whether those paths go in the sitemap (a page of their own to index). Default: true. */
  inSitemap?: boolean;
  /** Old addresses the build writes a redirect page at. */
  redirects?: (catalog: Catalog) => readonly Redirect[];
}

/** Longest description, in characters, that previews show whole. */
const DESCRIPTION_LENGTH = 160;

/** A page's description: its text cut near {@link DESCRIPTION_LENGTH} characters. */
export const excerpt = (text: string, max = DESCRIPTION_LENGTH): string => excerptOf(text, max);

/** The head of a page with a name and a description. */
export const describePage = (
  heading: string,
  description: string,
  ogType: PageHead['ogType'] = 'website',
): PageHead => ({
  title: heading === SITE_NAME ? SITE_NAME : toDocumentTitle(heading),
  heading,
  description: excerpt(description),
  ogType,
});

export const NOT_FOUND_HEAD = describePage('Page not found', 'Nothing lives at this address.');
