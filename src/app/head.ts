/**
 * What goes in a page's <head>: title, description, canonical URL, Open Graph and Twitter card.
 * Pure, so the prerenderer and tests share it; the browser keeps only the title up to date on
 * client navigation (usePageTitle).
 */
import { SITE_NAME, toDocumentTitle } from '../features/talks/document-title';
import type { Catalog } from '../shared/bundle';
import { FEEDS } from '../shared/data-files';
import { escapeMarkup as escapeHtml } from '../shared/escape';
import { canonicalUrl, pageDir, toSiteRoot } from '../shared/site-url';
import { CONTENT_SECURITY_POLICY, REFERRER_POLICY } from './security';
import type { Params } from 'react-router-dom';
import { NOT_FOUND_HEAD, type PageHead, type PageRoute, type Redirect } from './page-route';
import { loadPage, matchPage } from './router';

export interface SiteOptions {
  /** The site's base path, starting and ending with `/` (Vite's `base`). */
  base: string;
  /** Where the site is published (`https://example.org`, or with the base path already in it). */
  siteUrl?: string | undefined;
}

/**
 * The head of the page at a router path (`/talks/lca-2018/keynote`), from the route module that
 * answers it: the browser sets the same title (usePageTitle).
 */
export async function pageHead(path: string, catalog: Catalog): Promise<PageHead> {
  const { module, params } = matchPage(path);
  return headOf(await loadPage(module), params, catalog);
}

/** The head of a page already matched (the prerenderer has its router's match). */
export const headOf = (page: PageRoute, params: Params, catalog: Catalog): PageHead =>
  page.head(params, catalog) ?? NOT_FOUND_HEAD;

/** The <head> tags for a page, as HTML (title first); `base` is the site's base path. */
export function headTags(head: PageHead, canonical: string | undefined, base = '/'): string {
  const meta = (attr: 'name' | 'property', key: string, value: string) =>
    `<meta ${attr}="${key}" content="${escapeHtml(value)}" />`;
  return [
    `<title>${escapeHtml(head.title)}</title>`,
    meta('name', 'description', head.description),
    canonical ? `<link rel="canonical" href="${escapeHtml(canonical)}" />` : '',
    meta('property', 'og:site_name', SITE_NAME),
    meta('property', 'og:title', head.heading),
    meta('property', 'og:description', head.description),
    meta('property', 'og:type', head.ogType),
    canonical ? meta('property', 'og:url', canonical) : '',
    meta('name', 'twitter:card', 'summary'),
    ...FEEDS.map(
      (feed) =>
        `<link rel="alternate" type="${feed.type}" title="${escapeHtml(`${SITE_NAME} (${feed.label})`)}" href="${escapeHtml(`${base}${feed.file}`)}" />`,
    ),
  ]
    .filter(Boolean)
    .join('\n    ');
}

/**
 * A tiny page at an old address that sends the reader to the page's current one, without script.
 * It names the site's icon, or the browser asks for /favicon.ico at the host's root (a 404 under a
 * base path) before the refresh.
 */
export function redirectPageHtml(redirect: Redirect, site: SiteOptions): string {
  const target = `${site.base}${pageDir(redirect.to)}`;
  const canonical = canonicalUrl(redirect.to, toSiteRoot(site.siteUrl, site.base)) ?? target;
  const title = escapeHtml(toDocumentTitle(redirect.title));
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />
    <meta name="referrer" content="${REFERRER_POLICY}" />
    <meta name="robots" content="noindex" />
    <title>${title}</title>
    <link rel="canonical" href="${escapeHtml(canonical)}" />
    <link rel="icon" type="image/svg+xml" href="${escapeHtml(`${site.base}favicon.svg`)}" />
    <meta http-equiv="refresh" content="0; url=${escapeHtml(target)}" />
  </head>
  <body>
    <p>This talk has moved to <a href="${escapeHtml(target)}">${escapeHtml(redirect.title)}</a>.</p>
  </body>
</html>
`;
}
