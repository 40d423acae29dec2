/** Shared checks for the end-to-end specs: what a person would notice as broken. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { waitForSearchBox } from '../../scripts/bench/search-browser';

/**
 * Console errors, uncaught exceptions and failed requests (status 400 and up) from now on: each is
 * a bug a person would hit. Read the array at the end of the test: `expect(problems).toEqual([])`.
 */
export function collectConsoleErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

/**
 * Runs axe-core on the page as it is now and expects no violation; a failure lists each rule with
 * the elements that break it, so the message says what to fix.
 */
export async function expectNoAxeViolations(page: Page, where = page.url()): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations.map(
      (v) =>
        `${v.id} (${v.impact ?? 'unknown'}): ${v.help} at ${v.nodes
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    ),
    `axe violations on ${where}`,
  ).toEqual([]);
}

/** Where the e2e run saves its screenshots (gitignored), relative to the project root. */
export const SCREENSHOT_DIR = 'tests/e2e/screenshots';

/** The same viewports the design is checked on: a small phone and a laptop. */
export const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 800 },
} as const;

/**
 * Waits until the app has taken over the prerendered page (hydration runs as a transition, a
 * little after the page shows): keys pressed before that reach only the server's HTML. The same
 * wait as the benchmark's.
 */
export const waitForApp = (page: Page): Promise<void> => waitForSearchBox(page, 10_000);

/** Waits until the service worker has installed, precached everything and taken over. */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (registration.active?.state !== 'activated') {
      await new Promise<void>((resolve) =>
        registration.active?.addEventListener('statechange', () => resolve()),
      );
    }
  });
}
