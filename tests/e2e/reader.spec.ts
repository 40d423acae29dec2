/** The reader's tools around the pages: conferences, shortcuts, the footer, the phone header. */
import { expect, test } from '@playwright/test';
import { collectConsoleErrors, expectNoAxeViolations, waitForApp } from './helpers';

test('the conferences index lists each conference by year with its place and talks', async ({
  page,
}) => {
  const problems = collectConsoleErrors(page);
  await page.goto('./');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Conferences' })
    .click();
  await expect(page).toHaveURL(/\/conferences$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Conferences' })).toBeVisible();
  await expect(page.getByText('2 conferences · 13 talks')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    /^2018\s*1 conference$/,
    /^2015\s*1 conference$/,
  ]);
  const pycon = page.getByRole('region', { name: /2015/ }).getByRole('listitem');
  await expect(pycon).toContainText('Montréal, Canada');
  await expect(pycon).toContainText('3 talks');
  await expectNoAxeViolations(page, 'the conferences index');
  await pycon.getByRole('link', { name: 'PyCon 2015' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'PyCon 2015' })).toBeVisible();
  await page.getByRole('link', { name: 'Conferences', exact: true }).first().click();
  await expect(page).toHaveURL(/\/conferences$/);
  expect(problems).toEqual([]);
});

test('? shows the keyboard shortcuts in a dialog; [ and ] go to the previous and next talk', async ({
  page,
}) => {
  await page.goto('./talks/lca-2018/migrating-to-the-cloud');
  await waitForApp(page);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Previous and next talk of the day');
  await expectNoAxeViolations(page, 'the shortcuts dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await page.keyboard.press(']');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Puppet in the cloud');
  await page.keyboard.press('[');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Migrating to the cloud');
  await page.keyboard.press('[');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Becoming the Admiral: mastering Docker orchestration',
  );
});

test('every page announces both feeds, and its footer links them, the data and the build date', async ({
  page,
  request,
}) => {
  for (const path of ['./', './tags', './talks/lca-2018/migrating-to-the-cloud', './conferences']) {
    await page.goto(path);
    const alternates = page.locator('head link[rel="alternate"]');
    await expect(alternates).toHaveCount(2);
    expect(
      await alternates.evaluateAll((links) => links.map((l) => l.getAttribute('type'))),
    ).toEqual(['application/atom+xml', 'application/feed+json']);
  }
  const footer = page.getByRole('contentinfo');
  await expect(footer.getByText(/^Built \d{1,2} \w+ \d{4}$/)).toBeVisible();
  for (const name of ['Atom feed', 'JSON Feed', 'All notes as JSON']) {
    const href = await footer.getByRole('link', { name }).getAttribute('href');
    expect((await request.get(href!)).status(), name).toBe(200);
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the header is compact and stays on top; the first card is on the first screen', async ({
    page,
  }) => {
    await page.goto('./');
    const header = page.getByRole('banner');
    const firstCard = page.getByRole('article').first();
    await expect(firstCard).toBeInViewport();
    const headerBox = await header.boundingBox();
    expect(headerBox!.height).toBeLessThanOrEqual(96);
    const cardBox = await firstCard.boundingBox();
    expect(cardBox!.y + cardBox!.height).toBeLessThanOrEqual(844);
    await page.mouse.wheel(0, 1500);
    await expect(header).toBeInViewport();
    expect((await header.boundingBox())!.y).toBe(0);
  });

  test('a card keeps the notes’ lines apart and does not repeat the headings above it', async ({
    page,
  }) => {
    await page.goto('./');
    const card = page.getByRole('article').filter({ hasText: 'Opensoure drug discovery' });
    await expect(card).toContainText('a cure for malaria · Coming up');
    // What shows on screen (the place line is there only for print).
    const shown = await card.innerText();
    expect(shown).not.toContain('linux.conf.au');
    expect(shown).not.toContain('Keynote');
  });
});

test('the speakers index: letters, a jump bar and a filter box', async ({ page }) => {
  const problems = collectConsoleErrors(page);
  await page.goto('./speakers');
  await waitForApp(page);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 2 })).toHaveText([...'ACDEFJLMNT']);
  await expectNoAxeViolations(page, 'the speakers index');
  await main
    .getByRole('navigation', { name: 'Jump to letter' })
    .getByRole('link', { name: 'L' })
    .click();
  await expect(page).toHaveURL(/\/speakers#letter-L$/);
  await expect(main.getByRole('heading', { level: 2, name: 'L' })).toBeInViewport();

  await main.getByRole('searchbox', { name: 'Filter' }).fill('runscope');
  await expect(page).toHaveURL(/\/speakers\?q=runscope/);
  await expect(main.getByText('1 speaker matches “runscope”')).toBeVisible();
  await expect(main.getByRole('link', { name: 'Frank Stratton' })).toBeVisible();
  await expectNoAxeViolations(page, 'the filtered speakers index');
  await main.getByRole('link', { name: 'Frank Stratton' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'PyCon 2015' })).toBeVisible();
  expect(problems).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page says search needs JavaScript and links the indexes', async ({ page }) => {
    // A static host answers /search/ with the prerendered search page.
    await page.goto('./search/');
    await expect(page.getByText(/Search needs JavaScript/)).toBeVisible();
    for (const [name, href] of [
      ['tags', '/tags'],
      ['speakers', '/speakers'],
      ['conferences', '/conferences'],
    ]) {
      await expect(page.getByRole('link', { name, exact: true })).toHaveAttribute('href', href!);
    }
    // The conferences index is prerendered: it reads the same without JavaScript.
    await page.goto('./conferences/');
    await expect(page.getByRole('heading', { level: 1, name: 'Conferences' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'PyCon 2015' })).toBeVisible();
  });
});
