/**
 * `sitemap.xml` and `robots.txt`. A sitemap must list absolute URLs, so there is none without the
 * site's URL (SITE_URL); robots.txt is written either way and names the sitemap when there is one.
 * Pure: the prerenderer writes the sitemap (it knows the pages, from the app's route modules), the
 * Vite plugin robots.txt.
 */
import { ROBOTS_FILE, SITEMAP_FILE } from '../../shared/data-files';
import { toFileUrl, toPageUrl } from '../../shared/site-url';
import { escapeXml, XML_DECLARATION } from './xml';

/** The sitemaps.org limit per file; past it, `sitemap.xml` becomes an index of numbered files. */
export const MAX_SITEMAP_URLS = 50_000;

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export interface SiteFile {
  /** Relative to the site's root. */
  fileName: string;
  source: string;
}

const urlset = (urls: readonly string[]) =>
  [
    XML_DECLARATION,
    `<urlset xmlns="${NS}">`,
    ...urls.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');

/**
 * The pages at `pagePaths` (router paths), as the URLs a static host serves without a redirect. One
 * `sitemap.xml`, or past {@link MAX_SITEMAP_URLS} an index `sitemap.xml` and `sitemap-1.xml`….
 * Empty when the site's root is unknown.
 */
export function toSitemaps(
  pagePaths: readonly string[],
  siteRoot: URL | undefined,
  maxUrls = MAX_SITEMAP_URLS,
): SiteFile[] {
  if (!siteRoot) return [];
  const urls = pagePaths.map((pagePath) => toPageUrl(pagePath, siteRoot));
  if (urls.length <= maxUrls) return [{ fileName: SITEMAP_FILE, source: urlset(urls) }];
  const parts: SiteFile[] = [];
  for (let start = 0; start < urls.length; start += maxUrls) {
    parts.push({
      fileName: SITEMAP_FILE.replace(/\.xml$/, `-${parts.length + 1}.xml`),
      source: urlset(urls.slice(start, start + maxUrls)),
    });
  }
  const index = [
    XML_DECLARATION,
    `<sitemapindex xmlns="${NS}">`,
    ...parts.map(
      (p) => `  <sitemap><loc>${escapeXml(toFileUrl(p.fileName, siteRoot))}</loc></sitemap>`,
    ),
    '</sitemapindex>',
    '',
  ].join('\n');
  return [{ fileName: SITEMAP_FILE, source: index }, ...parts];
}

/**
 * Allows every crawler everything, and names the sitemap when there is one. Crawlers only read
 * robots.txt at a host's root: under a base path (`/notes/`) this one is a template for the host's.
 */
export function toRobotsTxt(siteRoot: URL | undefined): SiteFile {
  const lines = ['User-agent: *', 'Allow: /'];
  if (siteRoot) lines.push('', `Sitemap: ${toFileUrl(SITEMAP_FILE, siteRoot)}`);
  return { fileName: ROBOTS_FILE, source: `${lines.join('\n')}\n` };
}
