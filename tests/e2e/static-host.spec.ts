/**
 * The built site on a plain static host (no rewrite rules, no fallback): prerendered pages,
 * hydration, JavaScript off, 404.html, alias redirects, the CSP, and a site under BASE_PATH=/notes/.
 *
 * The root site is the build `npm test` made (E2E_DIST, or dist/). The /notes/ site is built here,
 * from tests/fixtures/aliases (a talk with old ids, a talk with an image), into a temporary folder.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { startStaticServer, type StaticServer } from '../../scripts/static-server';

const ROOT = process.cwd();
const DIST = path.resolve(ROOT, process.env.E2E_DIST ?? 'dist');
/** The base path `dist/` was built with (the same rule as vite.config.ts). */
const BASE = `/${(process.env.BASE_PATH ?? '').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

const TALK = 'talks/lca-2018/puppet-in-the-cloud';
const TALK_TITLE = 'Puppet in the cloud';
/** Words from that talk's notes. */
const TALK_NOTES = /auto signing/i;

/**
 * Collects what the page reports as errors: console errors (CSP violations included), uncaught
 * exceptions (hydration mismatches among them). A 404 document's own status line is expected on
 * the 404 page and left out there.
 */
function watchErrors(page: Page, { allowDocument404 = false } = {}): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (allowDocument404 && /status of 404/.test(message.text())) return;
    errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * Remembers the server-rendered <h1> before any script runs, so a test can tell whether React
 * hydrated it (the same element) or rendered a new one.
 */
async function rememberServerHeading(page: Page) {
  await page.addInitScript(() => {
    const scope = window as unknown as { serverHeading?: Element | null };
    new MutationObserver((_, observer) => {
      const heading = document.querySelector('#root h1');
      if (heading) {
        scope.serverHeading = heading;
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

const isServerHeading = (page: Page) =>
  page.evaluate(() => {
    const scope = window as unknown as { serverHeading?: Element | null };
    return scope.serverHeading === document.querySelector('#root h1');
  });

test.describe('the root site on a static host', () => {
  let server: StaticServer;

  test.beforeAll(async () => {
    server = await startStaticServer({ root: DIST, base: BASE });
  });
  test.afterAll(async () => {
    await server.close();
  });

  test('a talk URL opens directly, hydrates without errors, and reloads', async ({ page }) => {
    const errors = watchErrors(page);
    await rememberServerHeading(page);
    const response = await page.goto(`${server.url}${TALK}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: TALK_TITLE })).toBeVisible();
    await expect(page).toHaveTitle(`${TALK_TITLE} · Lanyard`);
    await expect(page.getByText(TALK_NOTES).first()).toBeVisible();
    // The app took over the server's markup instead of rendering a second copy.
    await expect.poll(() => isServerHeading(page)).toBe(true);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: TALK_TITLE })).toBeVisible();
    // Client navigation keeps the title right, including on a page that sets none.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Tags' })
      .click();
    await expect(page).toHaveTitle('Tags · Lanyard');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Timeline' })
      .click();
    await expect(page).toHaveTitle('Lanyard');
    expect(errors).toEqual([]);
  });

  for (const [name, url] of [
    ['the timeline', ''],
    ['a tag', 'tags/docker'],
    ['a speaker', 'speakers/jethro-carr'],
    ['a conference', 'conferences/lca-2018'],
    ['the links page', 'links'],
  ] as const) {
    test(`${name} opens directly and hydrates without errors`, async ({ page }) => {
      const errors = watchErrors(page);
      await rememberServerHeading(page);
      const response = await page.goto(`${server.url}${url}`);
      expect(response?.status()).toBe(200);
      await expect.poll(() => isServerHeading(page)).toBe(true);
      // Give late renders (effects, the search warm-up) the chance to fail.
      await page.waitForTimeout(500);
      expect(errors).toEqual([]);
    });
  }

  test('a search URL opened directly is served, and the app takes over', async ({ page }) => {
    const response = await page.goto(`${server.url}search?q=docker`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('searchbox', { name: 'Search notes' })).toHaveValue('docker');
  });

  test('the head carries description, Open Graph, Twitter card and the CSP', async ({ page }) => {
    await page.goto(`${server.url}${TALK}/`);
    const content = (selector: string) => page.locator(selector).getAttribute('content');
    expect(await content('meta[name="description"]')).toMatch(TALK_NOTES);
    expect(await content('meta[property="og:title"]')).toContain(TALK_TITLE);
    expect(await content('meta[property="og:type"]')).toBe('article');
    expect(await content('meta[name="twitter:card"]')).toBe('summary');
    expect(await content('meta[name="referrer"]')).toBe('strict-origin-when-cross-origin');
    const csp = await content('meta[http-equiv="Content-Security-Policy"]');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  test('a dark system theme gets a dark page and no hydration error', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}${TALK}`);
    await expect(page.getByRole('heading', { level: 1, name: TALK_TITLE })).toBeVisible();
    await expect(page.locator('html')).toHaveClass(/dark/);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a missing URL shows the 404 page with status 404', async ({ page }) => {
    const errors = watchErrors(page, { allowDocument404: true });
    const response = await page.goto(`${server.url}talks/lca-2018/no-such-talk`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    // The app renders over the 404 page, so it names the address actually asked for.
    await expect(page.getByRole('main').locator('code').first()).toHaveText(
      '/talks/lca-2018/no-such-talk',
    );
    expect(errors).toEqual([]);
  });

  test.describe('with JavaScript off', () => {
    test.use({ javaScriptEnabled: false });

    test('a talk page shows its notes', async ({ page }) => {
      await page.goto(`${server.url}${TALK}`);
      await expect(page.getByRole('heading', { level: 1, name: TALK_TITLE })).toBeVisible();
      await expect(page.getByText(TALK_NOTES).first()).toBeVisible();
      await expect(page).toHaveTitle(`${TALK_TITLE} · Lanyard`);
    });

    test('links between prerendered pages work', async ({ page }) => {
      await page.goto(server.url);
      await page.getByRole('link', { name: TALK_TITLE }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: TALK_TITLE })).toBeVisible();
    });
  });
});

test.describe('a site under BASE_PATH=/notes/ with talk aliases', () => {
  // One build for the whole group, so its tests share one worker.
  test.describe.configure({ mode: 'default' });

  let outDir: string;
  let server: StaticServer;

  test.beforeAll(async () => {
    test.setTimeout(60_000);
    outDir = await mkdtemp(path.join(tmpdir(), 'lanyard-e2e-notes-'));
    const vite = path.join(ROOT, 'node_modules/.bin/vite');
    await promisify(execFile)(vite, ['build', '--configLoader', 'runner', '--outDir', outDir], {
      cwd: ROOT,
      env: {
        ...process.env,
        BASE_PATH: '/notes/',
        CONTENT_DIR: 'tests/fixtures/aliases',
        // Rendered by two threads, as a large site is (one page each is enough to check it).
        PRERENDER_THREADS: '2',
        SITE_URL: 'https://example.org',
      },
    });
    server = await startStaticServer({ root: outDir, base: '/notes/' });
  });
  test.afterAll(async () => {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  });

  const TITLE = 'Static sites forever';

  test('a talk opens directly, hydrates, and links stay under /notes/', async ({ page }) => {
    const errors = watchErrors(page);
    await rememberServerHeading(page);
    await page.goto(`${server.url}talks/democon-2020/static-sites-forever`);
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect.poll(() => isServerHeading(page)).toBe(true);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      'https://example.org/notes/talks/democon-2020/static-sites-forever/',
    );
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Speakers' })
      .click();
    await expect(page).toHaveURL(/\/notes\/speakers$/);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Speakers' })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('with JavaScript off, a talk shows its notes', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}talks/democon-2020/static-sites-forever/`);
    await expect(page.getByText(/any host can serve it/)).toBeVisible();
    await context.close();
  });

  test('a talk shows the image its notes name, from the build, with its alt text and offline', async ({
    page,
    request,
  }) => {
    const errors = watchErrors(page);
    await page.goto(`${server.url}talks/democon-2020/second-thoughts`);
    const image = page.getByRole('img', { name: 'A green slide: every page is a file' });
    await image.scrollIntoViewIfNeeded();
    await expect(image).toBeVisible();
    await expect(image).toHaveAttribute('src', /^\/notes\/data\/media\/pages-[0-9a-f]{10}\.png$/);
    await expect(image).toHaveAttribute('loading', 'lazy');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
    expect(await image.evaluate((img: HTMLImageElement) => img.width)).toBeGreaterThan(0);
    // Precached with the talk: the service worker's list names the copy.
    const src = (await image.getAttribute('src'))!;
    const worker = await (await request.get(`${server.url}sw.js`)).text();
    expect(worker).toContain(src.replace('/notes/', ''));
    expect(errors).toEqual([]);
  });

  for (const [name, old] of [
    ['an alias in the same conference', 'talks/democon-2020/static-sites'],
    ['an alias from another conference', 'talks/democon-2019/static-sites-for-ever'],
  ] as const) {
    test(`${name} redirects to the talk`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.goto(`${server.url}${old}`);
      await expect(page).toHaveURL(/\/notes\/talks\/democon-2020\/static-sites-forever\/?$/);
      await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
      expect(errors).toEqual([]);
    });
  }

  test('an alias page has a visible link and a canonical URL', async ({ request }) => {
    // The redirect page itself, read before its meta refresh fires.
    const response = await request.get(`${server.url}talks/democon-2020/static-sites/`);
    const html = await response.text();
    expect(html).toContain('<meta http-equiv="refresh"');
    expect(html).toContain('href="/notes/talks/democon-2020/static-sites-forever/"');
    expect(html).toContain(
      '<link rel="canonical" href="https://example.org/notes/talks/democon-2020/static-sites-forever/"',
    );
  });

  test('the sitemap lists the prerendered pages, not the search page, 404.html or an alias', async ({
    request,
  }) => {
    const sitemap = await (await request.get(`${server.url}sitemap.xml`)).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]);
    expect(locs.slice(0, 5)).toEqual([
      'https://example.org/notes/',
      'https://example.org/notes/tags/',
      'https://example.org/notes/speakers/',
      'https://example.org/notes/conferences/',
      'https://example.org/notes/links/',
    ]);
    expect(locs).toContain('https://example.org/notes/talks/democon-2020/static-sites-forever/');
    expect(locs).not.toContain('https://example.org/notes/talks/democon-2020/static-sites/');
    expect(locs.filter((loc) => /search|404/.test(loc!))).toEqual([]);
    expect(await (await request.get(`${server.url}robots.txt`)).text()).toContain(
      'Sitemap: https://example.org/notes/sitemap.xml',
    );
  });

  test('a missing URL under /notes/ shows the 404 page with its assets', async ({ page }) => {
    const errors = watchErrors(page, { allowDocument404: true });
    const response = await page.goto(`${server.url}deep/missing/page`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('main').locator('code').first()).toHaveText('/deep/missing/page');
    expect(errors).toEqual([]);
  });
});
