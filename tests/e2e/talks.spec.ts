import { expect, test } from '@playwright/test';
import { collectConsoleErrors, expectNoAxeViolations, SCREENSHOT_DIR } from './helpers';

test('the built site lists the sample talks', async ({ page }) => {
  const problems = collectConsoleErrors(page);

  await page.goto('./');

  await expect(page.getByRole('heading', { level: 1, name: 'Talks' })).toBeVisible();
  for (const title of ['Puppet in the cloud', 'Building Secure Systems']) {
    await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
  }
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/home.png`, fullPage: true });

  expect(problems).toEqual([]);
});

test('an unknown URL shows the not-found page', async ({ page }) => {
  await page.goto('./no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expectNoAxeViolations(page);
});
