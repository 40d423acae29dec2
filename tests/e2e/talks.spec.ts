import { expect, test } from '@playwright/test';

test('the built site lists the sample talks', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) consoleErrors.push(`${response.status()} ${response.url()}`);
  });

  await page.goto('./');

  await expect(page.getByRole('heading', { level: 1, name: 'Talks' })).toBeVisible();
  for (const title of ['Puppet in the cloud', 'Building Secure Systems']) {
    await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
  }
  await page.screenshot({ path: 'tests/e2e/screenshots/home.png', fullPage: true });

  expect(consoleErrors).toEqual([]);
});

test('an unknown URL shows the not-found page', async ({ page }) => {
  await page.goto('./no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
