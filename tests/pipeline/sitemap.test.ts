import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileNotes } from '../../src/pipeline/compile';
import { toPageUrl, toSiteRoot } from '../../src/shared/site-url';
import { toRobotsTxt, toSitemaps } from '../../src/pipeline/emit/sitemap';
import type { Bundle } from '../../src/shared/bundle';
import { sitePlan } from '../../src/app/entry-server';
import { toCatalog } from '../../src/shared/catalog';

/** jsdom's XML parser (a dev dependency already, without types here): checks output is well-formed. */
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (
    markup: string,
    options: { contentType: string },
  ) => { window: { document: Document } };
};

let sample: Bundle;
/** The sample's pages, as the prerenderer lists them for the sitemap (from the route modules). */
let pagePaths: string[];
beforeAll(async () => {
  const result = await compileNotes({
    contentDir: 'content',
    now: new Date('2026-01-01T00:00:00Z'),
  });
  sample = result.bundle;
  pagePaths = sitePlan(toCatalog(sample)).sitemap;
});

describe('toSiteRoot', () => {
  it.each<[string | undefined, string, string | undefined]>([
    [undefined, '/', undefined],
    ['', '/notes/', undefined],
    ['https://example.org', '/', 'https://example.org/'],
    ['https://example.org/', '/notes/', 'https://example.org/notes/'],
    ['https://example.org/notes', '/notes/', 'https://example.org/notes/'],
    ['https://example.org/notes/', '/notes/', 'https://example.org/notes/'],
    ['https://example.org/notes/', '/', 'https://example.org/notes/'],
    ['https://example.org/notes/', './', 'https://example.org/notes/'],
    ['  http://localhost:4173  ', '/', 'http://localhost:4173/'],
    ['https://example.org/?utm=x#top', '/', 'https://example.org/'],
  ])('toSiteRoot(%j, %j) is %j', (siteUrl, base, expected) => {
    expect(toSiteRoot(siteUrl, base)?.href).toBe(expected);
  });

  it.each(['example.org', 'ftp://example.org/', '/notes/'])('rejects %j', (siteUrl) => {
    expect(() => toSiteRoot(siteUrl)).toThrow(/SITE_URL/);
  });
});

describe('toPageUrl', () => {
  const root = new URL('https://example.org/notes/');
  it.each<[string, URL | undefined, string]>([
    ['/', root, 'https://example.org/notes/'],
    ['/talks/lca-2018/keynote', root, 'https://example.org/notes/talks/lca-2018/keynote/'],
    ['/tags/c++', root, 'https://example.org/notes/tags/c++/'],
    ['/talks/x/日本語', root, 'https://example.org/notes/talks/x/%E6%97%A5%E6%9C%AC%E8%AA%9E/'],
    ['/', undefined, './'],
    ['/speakers', undefined, 'speakers/'],
  ])('toPageUrl(%j)', (path, siteRoot, expected) => {
    expect(toPageUrl(path, siteRoot)).toBe(expected);
  });
});

describe('toSitemaps', () => {
  const root = new URL('https://example.org/notes/');

  it('lists every page the route modules give, in their order, as absolute URLs', () => {
    const [sitemap, ...rest] = toSitemaps(pagePaths, root);
    expect(rest).toEqual([]);
    expect(sitemap?.fileName).toBe('sitemap.xml');
    const doc = new JSDOM(sitemap!.source, { contentType: 'application/xml' }).window.document;
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.namespaceURI).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = [...doc.querySelectorAll('url > loc')].map((loc) => loc.textContent);
    expect(locs).toEqual(pagePaths.map((pagePath) => toPageUrl(pagePath, root)));
    expect(locs).toHaveLength(
      5 +
        sample.conferences.length +
        sample.talks.length +
        sample.tags.length +
        sample.speakers.length,
    );
    expect(locs.slice(0, 6)).toEqual([
      'https://example.org/notes/',
      'https://example.org/notes/tags/',
      'https://example.org/notes/speakers/',
      'https://example.org/notes/conferences/',
      'https://example.org/notes/links/',
      'https://example.org/notes/conferences/lca-2018/',
    ]);
    expect(locs).toContain('https://example.org/notes/talks/lca-2018/puppet-in-the-cloud/');
  });

  it('writes exactly this for a small site, escaping the URLs', () => {
    const tiny = ['/', '/tags', '/conferences/c', '/talks/c/a-b', '/tags/r&d', '/speakers/jane'];
    expect(toSitemaps(tiny, new URL('https://example.org/'))).toEqual([
      {
        fileName: 'sitemap.xml',
        source: `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.org/</loc></url>
  <url><loc>https://example.org/tags/</loc></url>
  <url><loc>https://example.org/conferences/c/</loc></url>
  <url><loc>https://example.org/talks/c/a-b/</loc></url>
  <url><loc>https://example.org/tags/r&amp;d/</loc></url>
  <url><loc>https://example.org/speakers/jane/</loc></url>
</urlset>
`,
      },
    ]);
  });

  it('splits past the per-file limit, under an index', () => {
    const files = toSitemaps(pagePaths, root, 40);
    const pages = pagePaths.length;
    expect(files.map((f) => f.fileName)).toEqual([
      'sitemap.xml',
      ...Array.from({ length: Math.ceil(pages / 40) }, (_, i) => `sitemap-${i + 1}.xml`),
    ]);
    expect(files[0]?.source).toContain(
      '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    );
    expect(files[0]?.source).toContain(
      '<sitemap><loc>https://example.org/notes/sitemap-1.xml</loc></sitemap>',
    );
    const urls = files.slice(1).flatMap((f) => f.source.match(/<loc>/g) ?? []);
    expect(urls).toHaveLength(pages);
  });

  it('is not written without the site URL: a sitemap needs absolute URLs', () => {
    expect(toSitemaps(pagePaths, undefined)).toEqual([]);
  });
});

describe('toRobotsTxt', () => {
  it('allows everything and names the sitemap when there is one', () => {
    expect(toRobotsTxt(new URL('https://example.org/notes/')).source).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.org/notes/sitemap.xml\n',
    );
    expect(toRobotsTxt(undefined)).toEqual({
      fileName: 'robots.txt',
      source: 'User-agent: *\nAllow: /\n',
    });
  });
});
