/**
 * Search results are drawn from their small display records, fetched with the index: the whole
 * catalog is not downloaded before them, and they show what a result shows with it.
 */
import { expect, test } from '@playwright/test';

const ELASTIC = 'Monitoring All the Things! on your Linux system with the Elastic Stack';

test('results appear with their speakers and conference while the catalog is held back', async ({
  page,
}) => {
  const catalogAsked: number[] = [];
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/data/catalog.json', async (route) => {
    catalogAsked.push(Date.now());
    await held;
    await route.continue();
  });
  await page.goto('./search?q=monitoring');
  await expect(page.getByText('5 talks match.')).toBeVisible();
  const results = page.getByRole('list', { name: 'Results' }).getByRole('article');
  await expect(results).toHaveCount(5);
  const elastic = results.filter({ hasText: ELASTIC });
  await expect(elastic).toContainText('Josh Rich');
  await expect(elastic).toContainText('linux.conf.au 2018');
  await expect(elastic.getByRole('link', { name: ELASTIC })).toBeVisible();
  // The catalog was asked for only once results were in (for filters), and is still held back.
  expect(catalogAsked.length).toBeLessThanOrEqual(1);
  release();
  // Once it is in, the filters appear over the same results.
  await expect(page.getByRole('region', { name: 'Filters' })).toBeVisible();
  await expect(results).toHaveCount(5);
});
