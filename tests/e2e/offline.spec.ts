/**
 * After one visit, the site works with the network off: the timeline, a talk page never opened
 * before, and search (the service worker precaches the app, the bundle and the search shards).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { collectConsoleErrors, waitForOfflineReady } from './helpers';
import { startStaticServer, type StaticServer } from '../../scripts/static-server';

const KUBERNETES = 'Designing scalable production Kubernetes clusters on AWS';

test('after one visit, the timeline, an unvisited talk and search work offline', async ({
  page,
  context,
}) => {
  const problems = collectConsoleErrors(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Talks' })).toBeVisible();
  await waitForOfflineReady(page);

  await context.setOffline(true);
  // Really offline: a file the worker does not cache cannot be fetched.
  expect(
    await page.evaluate(() =>
      fetch('feed.xml', { cache: 'no-store' }).then(
        () => 'fetched',
        () => 'failed',
      ),
    ),
  ).toBe('failed');
  // Failed requests are expected now; the page must not show them.
  problems.length = 0;

  await page.reload();
  await expect(page.getByRole('heading', { level: 3, name: KUBERNETES })).toBeVisible();

  await page.goto('./talks/pycon-2015/building-secure-systems');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Building Secure Systems' }),
  ).toBeVisible();
  await expect(page.locator('.notes')).not.toBeEmpty();

  await page.goto('./');
  await page.getByRole('searchbox', { name: 'Search notes' }).fill('kubernets');
  await expect(
    page.getByRole('list', { name: 'Results' }).getByRole('heading', { level: 3 }).first(),
  ).toHaveText(KUBERNETES);

  await page.goto('./search?q=speaker%3Alvh');
  await expect(
    page.getByRole('list', { name: 'Results' }).getByRole('heading', { level: 3 }),
  ).toHaveText(['Building Secure Systems']);
  expect(problems.filter((problem) => !problem.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
});

test('the site is installable: a web app manifest with icons', async ({ page, request }) => {
  await page.goto('./');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = (await (await request.get(href!)).json()) as {
    name: string;
    icons: Array<{ sizes: string }>;
    start_url: string;
  };
  expect(manifest.name).toBe('Lanyard: conference notes');
  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(
    expect.arrayContaining(['192x192', '512x512']),
  );
});

test.describe('a collection over the precache budget (OFFLINE_PRECACHE_MB=0)', () => {
  test.describe.configure({ mode: 'default' });
  let outDir: string;
  let server: StaticServer;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    outDir = await mkdtemp(path.join(tmpdir(), 'lanyard-e2e-budget-'));
    const vite = path.join(process.cwd(), 'node_modules/.bin/vite');
    await promisify(execFile)(vite, ['build', '--configLoader', 'runner', '--outDir', outDir], {
      cwd: process.cwd(),
      env: { ...process.env, BASE_PATH: '/', OFFLINE_PRECACHE_MB: '0' },
    });
    server = await startStaticServer({ root: outDir, base: '/' });
  });
  test.afterAll(async () => {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  });

  test('keeps what was opened for offline use: the timeline, a talk read, a search run', async ({
    page,
    context,
  }) => {
    const problems = collectConsoleErrors(page);
    /** Opens a talk's notes and runs a search: online first, then again offline. */
    const readTalkAndSearch = async () => {
      await page.goto(`${server.url}talks/pycon-2015/building-secure-systems`);
      await expect(page.locator('.notes')).toContainText(/./);
      await page.goto(`${server.url}search?q=kubernets`);
      await expect(
        page.getByRole('list', { name: 'Results' }).getByRole('heading', { level: 3 }).first(),
      ).toHaveText(KUBERNETES);
    };
    await page.goto(server.url);
    await waitForOfflineReady(page);
    // From now on the worker sees every request.
    await page.reload();
    await readTalkAndSearch();

    await context.setOffline(true);
    problems.length = 0;

    await page.goto(server.url);
    await expect(page.getByRole('heading', { level: 3, name: KUBERNETES })).toBeVisible();
    await readTalkAndSearch();

    expect(problems.filter((problem) => !problem.includes('ERR_INTERNET_DISCONNECTED'))).toEqual(
      [],
    );

    // A talk never opened: its card is there, and its notes say plainly that they are not saved,
    // with a way back; no "Failed to fetch", nothing uncaught.
    problems.length = 0;
    await page.goto(`${server.url}talks/lca-2018/puppet-in-the-cloud`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Puppet in the cloud' }),
    ).toBeVisible();
    const notSaved = page.getByRole('status').filter({ hasText: 'saved for offline' });
    await expect(notSaved).toContainText("This talk isn't saved for offline reading yet");
    await expect(page.getByText(/Failed to fetch/)).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await notSaved.getByRole('link', { name: 'the other talks of its conference' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'linux.conf.au 2018' })).toBeVisible();
    // The one thing the console shows is the browser's own note of the download that failed.
    expect(
      problems.filter((problem) => !/ERR_INTERNET_DISCONNECTED|ERR_FAILED/.test(problem)),
    ).toEqual([]);
  });

  test('searches offline from what is saved, and says plainly what is not', async ({
    page,
    context,
  }) => {
    // The timeline only: no search was ever run here, so no search shard is saved.
    await page.goto(server.url);
    await waitForOfflineReady(page);
    await page.reload();
    await expect(page.getByRole('heading', { level: 3, name: KUBERNETES })).toBeVisible();

    await context.setOffline(true);
    await page.getByRole('searchbox', { name: 'Search notes' }).fill('docker');
    await expect(
      page.getByText(/Part of the search index is not saved on this device/),
    ).toBeVisible();
    await expect(page.getByText('Loading the search index…')).toHaveCount(0);
  });
});
