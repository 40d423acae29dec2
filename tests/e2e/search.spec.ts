import { expect, test, type Page } from '@playwright/test';
import {
  collectConsoleErrors as collectProblems,
  expectNoAxeViolations,
  waitForApp,
} from './helpers';

const ADMIRAL = 'Becoming the Admiral: mastering Docker orchestration';
const ELASTIC = 'Monitoring All the Things! on your Linux system with the Elastic Stack';

const results = (page: Page) =>
  page.getByRole('list', { name: 'Results' }).getByRole('heading', { level: 3 });

test('type a query, move through results with the keyboard, open a talk, come back', async ({
  page,
}) => {
  const problems = collectProblems(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Talks' })).toBeVisible();
  await waitForApp(page);

  const box = page.getByRole('searchbox', { name: 'Search notes' });
  // The key handlers are attached just after the input hydrates: a '/' pressed in between goes to
  // the page, as it would for a person who pressed it before the app was up. Press until it lands.
  await expect(async () => {
    await page.keyboard.press('/');
    await expect(box).toBeFocused({ timeout: 250 });
  }).toPass({ timeout: 5_000 });
  await expect(box).toHaveValue('');
  // No delay: keys arrive faster than the route changes, which must still make one history entry.
  await page.keyboard.type('docker');

  await expect(page).toHaveURL(/\/search\?q=docker$/);
  await expect(results(page)).toHaveText([ADMIRAL, ELASTIC]);
  await expect(page.getByRole('link', { name: ADMIRAL }).locator('mark')).toHaveText('Docker');
  await expectNoAxeViolations(page);

  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('link', { name: ADMIRAL })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('link', { name: ELASTIC })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/talks\/lca-2018\/monitoring-all-the-things[^?]*\?hl=docker$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ELASTIC);
  const firstMark = page.locator('.notes mark').first();
  await expect(firstMark).toHaveText('docker');
  await expect(firstMark).toBeInViewport();
  await expectNoAxeViolations(page);

  await page.goBack();
  await expect(page).toHaveURL(/\/search\?q=docker$/);
  await expect(box).toHaveValue('docker');
  await expect(results(page)).toHaveText([ADMIRAL, ELASTIC]);

  // One history entry for the whole query: one more Back is the timeline.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Talks' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('a search URL works when reloaded or opened directly, with filters', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('./search?q=monitoring&track=sysadmin-miniconf');
  await expect(page.getByRole('searchbox', { name: 'Search notes' })).toHaveValue('monitoring');
  await expect(results(page)).toHaveCount(4);
  await expect(page.getByText('4 talks of 5 matches pass the filters.')).toBeVisible();

  await page.reload();
  await expect(results(page)).toHaveCount(4);

  await page.getByRole('button', { name: /Remove filter Track: Sysadmin miniconf/ }).click();
  await expect(page).toHaveURL(/\/search\?q=monitoring$/);
  await expect(results(page)).toHaveCount(5);
  expect(problems).toEqual([]);
});

test('typos, prefixes and lunr syntax never break the page', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('./');
  const box = page.getByRole('searchbox', { name: 'Search notes' });
  await box.click();
  await page.keyboard.type('kubernets', { delay: 20 });
  await expect(results(page).first()).toHaveText(
    'Designing scalable production Kubernetes clusters on AWS',
  );
  for (const input of ['title:', '*', '~', '+', '^', '"unbalanced', 'docker~2 ^3 +x']) {
    await box.fill(input);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Search');
  }
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');
  await expect(page).toHaveURL(/\/search$/);
  expect(problems).toEqual([]);
});
