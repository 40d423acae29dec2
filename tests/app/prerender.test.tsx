/** The prerenderer's pure parts: page heads, canonical URLs, redirect pages, and one page's render. */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { batches, fillTemplate, rendererCount, withSecurityMeta } from '../../src/build/prerender';
import { fileWriter } from '../../src/build/output-path';
import { availableParallelism } from 'node:os';
import { renderPage, sitePlan } from '../../src/app/entry-server';
import { headTags, pageHead, redirectPageHtml } from '../../src/app/head';
import { excerpt } from '../../src/app/page-route';
import { CONTENT_SECURITY_POLICY } from '../../src/app/security';
import type { Bundle } from '../../src/shared/bundle';
import { toCatalog, toLinksFile } from '../../src/shared/catalog';
import { LINKS_FILE, talkFile } from '../../src/shared/data-files';
import { canonicalUrl, toSiteRoot } from '../../src/shared/site-url';
import { makeBundle, pageBundle, pageSpecs } from './page-fixtures';

const NOT_FOUND_PATH = '/404.html';

/** The data files of a build of `bundle`, as the prerenderer reads them. */
function dataFiles(bundle: Bundle): (file: string) => Promise<unknown> {
  const files = new Map<string, unknown>([
    [LINKS_FILE, toLinksFile(bundle)],
    ...bundle.talks.map((talk) => [talkFile(talk.id), talk] as const),
  ]);
  return (file) =>
    files.has(file) ? Promise.resolve(files.get(file)) : Promise.reject(new Error(`no ${file}`));
}

/** `renderPage` given what the prerenderer reads from the build: the catalog and the page's files. */
function render(path: string, bundle: Bundle, site: { base: string }) {
  return renderPage(path, toCatalog(bundle), site, dataFiles(bundle));
}

const ADMIRAL = 'talks/lca-2018/becoming-the-admiral-mastering-docker-orchestration';

describe('pageHead', () => {
  const bundle = toCatalog(pageBundle());
  it.each([
    ['/', 'Lanyard', 'website'],
    [`/${ADMIRAL}`, 'Becoming the Admiral: mastering Docker orchestration · Lanyard', 'article'],
    ['/conferences/lca-2018', 'linux.conf.au 2018 · Lanyard', 'website'],
    ['/tags', 'Tags · Lanyard', 'website'],
    ['/tags/docker', 'Tag: Docker · Lanyard', 'website'],
    ['/speakers', 'Speakers · Lanyard', 'website'],
    ['/conferences', 'Conferences · Lanyard', 'website'],
    ['/speakers/jethro-carr', 'Jethro Carr · Lanyard', 'website'],
    ['/links', 'Links · Lanyard', 'website'],
    ['/talks/lca-2018/nope', 'Page not found · Lanyard', 'website'],
    [NOT_FOUND_PATH, 'Page not found · Lanyard', 'website'],
  ])('%s → %s', async (path, title, ogType) => {
    expect(await pageHead(path, bundle)).toMatchObject({ title, ogType });
  });

  it('describes a talk by its notes, and one without notes by who and where', async () => {
    expect((await pageHead(`/${ADMIRAL}`, bundle)).description).toBe(
      'Need to manage container sprawl docker logging',
    );
    expect(await pageHead('/talks/lca-2018/puppet-in-the-cloud', bundle)).toMatchObject({
      heading: 'Puppet in the cloud (Jethro Carr)',
      description: 'Jethro Carr, linux.conf.au 2018, Day 2.',
    });
  });
});

describe('excerpt', () => {
  it.each([
    ['short text', 'short text'],
    ['  lines\n\nand   spaces ', 'lines · and spaces'],
    [`${'word '.repeat(40)}`, `${'word '.repeat(31).trim()}…`],
  ])('%j → %j', (text, expected) => {
    expect(excerpt(text)).toBe(expected);
    expect(excerpt(text).length).toBeLessThanOrEqual(160);
  });
});

describe('canonicalUrl', () => {
  it.each([
    ['/talks/a/b', '/', 'https://x.org', 'https://x.org/talks/a/b/'],
    ['/', '/', 'https://x.org/', 'https://x.org/'],
    ['/talks/a/b', '/notes/', 'https://x.org', 'https://x.org/notes/talks/a/b/'],
    ['/talks/a/b', '/notes/', 'https://x.org/notes/', 'https://x.org/notes/talks/a/b/'],
    ['/', '/notes/', 'https://x.org/notes', 'https://x.org/notes/'],
  ])('%s under %s on %s → %s', (path, base, siteUrl, expected) => {
    expect(canonicalUrl(path, toSiteRoot(siteUrl, base))).toBe(expected);
  });

  it('is unknown without a site URL', () => {
    expect(canonicalUrl('/tags', toSiteRoot(undefined, '/'))).toBeUndefined();
  });
});

describe('headTags', () => {
  it('escapes text and leaves out what is unknown', () => {
    const tags = headTags(
      { title: 'A <b> & "c"', heading: 'A', description: 'd', ogType: 'article' },
      undefined,
    );
    expect(tags).toContain('<title>A &lt;b&gt; &amp; &quot;c&quot;</title>');
    expect(tags).not.toContain('canonical');
    expect(tags).not.toContain('og:url');
    expect(tags).toContain('<meta name="twitter:card" content="summary" />');
  });

  it('announces both feeds under the base path', () => {
    const tags = headTags(
      { title: 'T', heading: 'T', description: 'd', ogType: 'website' },
      undefined,
      '/notes/',
    );
    expect(tags).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Lanyard (Atom feed)" href="/notes/feed.xml" />',
    );
    expect(tags).toContain(
      '<link rel="alternate" type="application/feed+json" title="Lanyard (JSON Feed)" href="/notes/feed.json" />',
    );
  });
});

describe('aliases', () => {
  const bundle = makeBundle([
    { title: 'New name', aliases: ['old-name', 'lca-2017/older-name'] },
    ...pageSpecs.slice(0, 1),
  ]);

  const { redirects } = sitePlan(toCatalog(bundle));

  it('puts a bare alias in the talk’s conference and keeps a whole one', () => {
    expect(redirects).toEqual([
      { path: '/talks/lca-2018/old-name', to: '/talks/lca-2018/new-name', title: 'New name' },
      { path: '/talks/lca-2017/older-name', to: '/talks/lca-2018/new-name', title: 'New name' },
    ]);
  });

  it('redirects with a meta refresh, a visible link and a canonical URL, under the CSP', () => {
    const html = redirectPageHtml(redirects[0]!, { base: '/notes/', siteUrl: 'https://x.org' });
    expect(html).toContain(
      '<meta http-equiv="refresh" content="0; url=/notes/talks/lca-2018/new-name/" />',
    );
    expect(html).toContain('<a href="/notes/talks/lca-2018/new-name/">New name</a>');
    expect(html).toContain(
      '<link rel="canonical" href="https://x.org/notes/talks/lca-2018/new-name/" />',
    );
    expect(html).toContain(CONTENT_SECURITY_POLICY);
    expect(html).not.toContain('<script');
  });
});

describe('the built page', () => {
  const template = withSecurityMeta(
    '<!doctype html><html><head><meta charset="UTF-8" /><meta name="description" content="x" /><title>Lanyard</title></head><body><div id="root"></div></body></html>',
  );

  it('carries the CSP and referrer policy before anything else', () => {
    expect(template).toMatch(
      /<meta charset="UTF-8" \/>\s*<meta http-equiv="Content-Security-Policy"[^>]*>\s*<meta name="referrer" content="strict-origin-when-cross-origin" \/>/,
    );
  });

  it('renders every site page with its notes and head', async () => {
    const bundle = pageBundle();
    const plan = sitePlan(toCatalog(bundle));
    // Every page with a URL of its own is in the sitemap; the search page, the reader's starred
    // talks (their browser's, not the site's) and 404.html are not.
    expect(plan.pages).toEqual([...plan.sitemap, '/search', '/starred', NOT_FOUND_PATH]);
    expect(plan.sitemap.slice(0, 5)).toEqual(['/', '/tags', '/speakers', '/conferences', '/links']);
    for (const path of plan.sitemap) {
      const page = await render(path, bundle, { base: '/' });
      const html = fillTemplate(template, { path, ...page });
      expect(html).toContain(`<div id="root" data-prerendered="${path}"><div`);
      expect(html).toContain(
        `<title>${(await pageHead(path, toCatalog(bundle))).title.replace(/&/g, '&amp;')}</title>`,
      );
      expect(html).not.toContain('content="x"');
      expect(html).not.toMatch(/Loading notes|Page not found/);
    }
  });

  it('renders a talk’s notes, and links under the base path', async () => {
    const page = await render(`/${ADMIRAL}`, pageBundle(), { base: '/notes/' });
    expect(page.html).toContain('<h2>Why</h2>');
    expect(page.html).toContain('href="/notes/tags/docker"');
  });

  it('renders the 404 page', async () => {
    const page = await render(NOT_FOUND_PATH, pageBundle(), { base: '/' });
    expect(page.html).toContain('Page not found');
    expect(page.head).toContain('<title>Page not found · Lanyard</title>');
  });
});

describe('fileWriter', () => {
  it('writes every page, a few at a time, by the time flush returns', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lanyard-writer-'));
    try {
      const { write, flush } = fileWriter(dir, 3);
      for (let n = 0; n < 20; n++) await write(`talks/t${n}/index.html`, `<p>${n}</p>`);
      await flush();
      expect(await readFile(path.join(dir, 'talks/t0/index.html'), 'utf8')).toBe('<p>0</p>');
      expect(await readFile(path.join(dir, 'talks/t19/index.html'), 'utf8')).toBe('<p>19</p>');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails the build when a page cannot be written', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lanyard-writer-'));
    try {
      await writeFile(path.join(dir, 'talks'), 'a file where a folder must go');
      const { write, flush } = fileWriter(dir);
      await write('talks/x/index.html', '<p>x</p>');
      await expect(flush()).rejects.toThrow(/ENOTDIR|EEXIST/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('prerendering threads', () => {
  it('cuts the pages into batches the threads take in turn, the last one shorter', () => {
    expect(batches(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(batches(['a'], 250)).toEqual([['a']]);
    expect(batches([], 250)).toEqual([]);
  });

  it('uses one thread per core for large sites only, or PRERENDER_THREADS', () => {
    expect(rendererCount(90, undefined)).toBe(1);
    expect(rendererCount(100_000, undefined)).toBe(availableParallelism());
    expect(rendererCount(90, '3')).toBe(3);
    expect(() => rendererCount(90, 'many')).toThrow(
      'PRERENDER_THREADS must be a whole number, 1 or more; got "many"',
    );
  });
});
