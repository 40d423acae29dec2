/**
 * The search worker always answers: a query whose search throws inside the worker (here the
 * engine, reading a search shard that is JSON of the wrong shape) shows "Search failed: …"
 * instead of "Loading…" forever. (A shard that does not load at all, or is not JSON, is not a
 * throw: the engine answers without it and says part of the index is missing.)
 */
import { expect, test } from '@playwright/test';

/** Every search shard (`data/search/<n>.json`, not the manifest) the worker fetches. */
const SHARDS = /\/data\/search\/\d+\.json$/;

test.describe('a search that throws in the worker', () => {
  test('a shard of the wrong shape: the engine throws, the page says so', async ({
    context,
    page,
  }) => {
    await context.route(SHARDS, (route) =>
      route.fulfill({ contentType: 'application/json', body: '{"docker": 5, "dock": 5}' }),
    );
    await page.goto('search?q=docker');
    // The worker's own error ("Search failed"), well before the page would give up on it
    // ("Search is not available: Search did not answer…", after SEARCH_TIMEOUT_MS).
    await expect(page.getByRole('alert')).toHaveText(/^Search failed: \S+ is not iterable$/, {
      timeout: 10_000,
    });
    await expect(page.getByText('Loading the search index…')).toHaveCount(0);
  });
});
