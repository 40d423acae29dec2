/**
 * Search people can trust: true counts with filter counts over every match, day notes found and
 * shown as such, and a search started on a tag or speaker page that stays within it.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectConsoleErrors, waitForApp } from './helpers';

const ELASTIC = 'Monitoring All the Things! on your Linux system with the Elastic Stack';

const results = (page: Page) =>
  page.getByRole('list', { name: 'Results' }).getByRole('heading', { level: 3 });

test('counts every match, and the filter counts are over all of them', async ({ page }) => {
  const problems = collectConsoleErrors(page);
  await page.goto('./search?q=monitoring');
  await expect(page.getByText('5 talks match.')).toBeVisible();
  await expect(results(page)).toHaveCount(5);

  const filters = page.getByRole('region', { name: 'Filters' });
  await filters.locator('summary', { hasText: 'Track' }).click();
  const sysadmin = filters.getByRole('checkbox', { name: /^Sysadmin miniconf ?, 4 talks$/ });
  await expect(sysadmin).toBeVisible();
  await sysadmin.click();
  await expect(page.getByText('4 talks of 5 matches pass the filters.')).toBeVisible();
  await expect(results(page)).toHaveCount(4);
  expect(problems).toEqual([]);
});

test('finds a day note, says it is one, and links to its day', async ({ page }) => {
  const problems = collectConsoleErrors(page);
  await page.goto('./');
  await waitForApp(page);
  await page.getByRole('searchbox', { name: 'Search notes' }).fill('jet-lagging');
  await expect(page.getByText('1 day note matches.')).toBeVisible();
  const card = page.getByRole('list', { name: 'Results' }).getByRole('article');
  await expect(card).toHaveCount(1);
  await expect(card.getByText('Day note', { exact: true })).toBeVisible();
  await expect(card.locator('mark').first()).toHaveText(/jet/i);

  await card.getByRole('link', { name: 'Wrap up' }).click();
  await expect(page).toHaveURL(/\/\?conference=pycon-2015&day=pycon-2015\.day-2$/);
  await expect(page.getByRole('note', { name: 'Wrap up' })).toContainText('jet-lagging');
  expect(problems).toEqual([]);
});

test('a search started on a tag page stays within the tag, and says so', async ({ page }) => {
  const problems = collectConsoleErrors(page);
  await page.goto('./tags/elasticsearch');
  await waitForApp(page);
  await page.getByRole('searchbox', { name: 'Search notes' }).fill('monitoring');
  await expect(page).toHaveURL(/\/search\?q=monitoring&tag=elasticsearch$/);
  await expect(page.getByText(/^Searching only within tag “.+”\./)).toBeVisible();
  await expect(results(page)).toHaveText([ELASTIC, 'Smart Services: Microservices']);

  await page.getByRole('link', { name: 'Search everything' }).click();
  await expect(page).toHaveURL(/\/search\?q=monitoring$/);
  await expect(page.getByText(/Searching only within/)).toHaveCount(0);
  await expect(results(page)).toHaveCount(5);
  expect(problems).toEqual([]);
});

test('a search started on a speaker page stays within the speaker', async ({ page }) => {
  await page.goto('./speakers/fraser-tweedale');
  await waitForApp(page);
  await page.getByRole('searchbox', { name: 'Search notes' }).fill('session');
  await expect(page).toHaveURL(/\/search\?q=session&speaker=fraser-tweedale$/);
  await expect(page.getByText('Searching only within speaker “Fraser Tweedale”.')).toBeVisible();
  await expect(results(page)).toHaveText(['User Session Recording for the Enterprise']);
});
