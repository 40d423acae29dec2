/**
 * The one place that joins SITE_URL, the base path (Vite's `base`) and a router path: for the
 * feeds, sitemap and schema, canonical URLs and redirect pages, and the path the router reads.
 */

/**
 * The URL of the site's root, ending in `/`, or undefined when SITE_URL is not set. SITE_URL may
 * hold the base path already (`https://x.org/notes/`) or not (`https://x.org`): the base is added
 * only when it is missing. Throws on a SITE_URL that is not an absolute http(s) URL, so a typo
 * fails the build instead of publishing broken links.
 */
export function toSiteRoot(siteUrl: string | undefined, base = '/'): URL | undefined {
  const raw = siteUrl?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `SITE_URL must be an absolute URL such as https://example.org/notes/, got "${raw}"`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL must be an http(s) URL, got "${raw}"`);
  }
  // A relative base (`./`, used for file:// builds) says nothing about the path: ignore it.
  const basePath = base.startsWith('/') ? trimSlashes(base) : '';
  let pathname = trimSlashes(url.pathname);
  if (!pathname.endsWith(basePath)) pathname += basePath;
  return new URL(`${pathname}/`, url.origin);
}

/** Without trailing slashes: `/notes/` → `/notes`, `/` → ``. */
const trimSlashes = (path: string): string => path.replace(/\/+$/, '');

/**
 * The file a static host serves for a router path: `/` → `index.html`, `/talks/a/b` →
 * `talks/a/b/index.html` (a directory per page keeps URLs without `.html` working on every host);
 * `/404.html` is that file.
 */
export function pageFile(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  if (trimmed.endsWith('.html')) return trimmed;
  return trimmed ? `${trimmed}/index.html` : 'index.html';
}

/** A page's address relative to the site's root, as a host serves it: `talks/lca-2018/keynote/`. */
export const pageDir = (routerPath: string): string =>
  pageFile(routerPath).replace(/index\.html$/, '');

/**
 * A router path as a URL under the site's root that a static host serves without a redirect,
 * percent-encoded; relative when the root is unknown (it resolves against the feed at the root).
 */
export function toPageUrl(routerPath: string, root: URL | undefined): string {
  const relative = pageDir(routerPath);
  if (root) return new URL(relative, root).href;
  return relative === '' ? './' : relative;
}

/** A page's canonical URL, its path as the notes spell it (not percent-encoded), when known. */
export const canonicalUrl = (routerPath: string, root: URL | undefined): string | undefined =>
  root ? `${root.href}${pageDir(routerPath)}` : undefined;

/** A file at the site's root (`feed.xml`), absolute when the root is known. */
export function toFileUrl(file: string, root: URL | undefined): string {
  return root ? new URL(file, root).href : file;
}

/** A router path under the base path: (`/notes/`, `/talks/x`) → `/notes/talks/x`. */
export const withBase = (base: string, routerPath: string): string =>
  `${trimSlashes(base)}${routerPath}`;

/** The router path of a pathname under the base path: (`/notes/`, `/notes/talks/x`) → `/talks/x`. */
export function withoutBase(base: string, pathname: string): string {
  const prefix = trimSlashes(base);
  return (pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname) || '/';
}
