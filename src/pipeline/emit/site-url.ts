/**
 * Where the site is published, for the files that need absolute URLs (feeds, sitemap, robots.txt,
 * the schema's `$id`). Pure: the Vite plugin passes SITE_URL and Vite's `base`.
 */
import { pageFile } from '../../shared/site-pages';

/**
 * The URL of the site's root, ending in `/`, or undefined when SITE_URL is not set. SITE_URL may
 * hold the base path already (`https://x.org/notes/`) or not (`https://x.org`): the base is added
 * only when it is missing, as the prerenderer does for canonical URLs. Throws on a SITE_URL that is
 * not an absolute http(s) URL, so a typo fails the build instead of publishing broken links.
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
  const basePath = base.startsWith('/') ? base.replace(/\/+$/, '') : '';
  let pathname = url.pathname.replace(/\/+$/, '');
  if (!pathname.endsWith(basePath)) pathname += basePath;
  return new URL(`${pathname}/`, url.origin);
}

/**
 * A router path as a URL under the site's root, in the form a static host serves without a
 * redirect (`talks/lca-2018/keynote/`: pages are `dir/index.html`). Relative when the root is
 * unknown, so it resolves against the document it appears in (a feed at the site's root).
 */
export function toPageUrl(routerPath: string, root: URL | undefined): string {
  const relative = pageFile(routerPath).replace(/index\.html$/, '');
  if (root) return new URL(relative, root).href;
  return relative === '' ? './' : relative;
}

/** A file at the site's root (`feed.xml`), absolute when the root is known. */
export function toFileUrl(file: string, root: URL | undefined): string {
  return root ? new URL(file, root).href : file;
}
