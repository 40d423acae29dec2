import { expect, test, type Page } from '@playwright/test';
import { collectConsoleErrors, expectNoAxeViolations, SCREENSHOT_DIR, VIEWPORTS } from './helpers';

const ADMIRAL = 'Becoming the Admiral: mastering Docker orchestration';
const ADMIRAL_URL = 'talks/lca-2018/becoming-the-admiral-mastering-docker-orchestration';
/** The sample notes' Sysadmin miniconf, in the order of the notes. */
const SYSADMIN_TALKS = [
  'Day 2 Operations with Containers: Myth vs. Reality',
  'Designing scalable production Kubernetes clusters on AWS',
  ADMIRAL,
  'Migrating to the cloud',
  'Puppet in the cloud',
  'User Session Recording for the Enterprise',
  'Monitoring All the Things! on your Linux system with the Elastic Stack',
  'Icinga 2 in a 24/7 Television Broadcast Environment',
  'Principles Of Good Monitoring',
];

const cardTitles = (page: Page) => page.getByRole('article').getByRole('heading', { level: 3 });
const filters = (page: Page) => page.getByRole('region', { name: 'Filters' });

/** Opens a field's popover in the filter bar and ticks the option whose name starts with `option`. */
async function pickFilter(page: Page, field: string, option: string) {
  await filters(page).locator('summary', { hasText: field }).click();
  const checkbox = filters(page).getByRole('checkbox', { name: new RegExp(`^${option} ?,`) });
  // click, not check(): the box turns checked once the URL (the state) has changed, a beat later.
  await checkbox.click();
  await expect(checkbox).toBeChecked();
  await page.keyboard.press('Escape');
}

test('filter by track and day, open a talk, reload, come back, follow a tag and a speaker', async ({
  page,
}) => {
  // Eight pages, each with an axe run: longer than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  const problems = collectConsoleErrors(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Talks' })).toBeVisible();
  await expect(cardTitles(page)).toHaveCount(13);
  await expectNoAxeViolations(page, 'the timeline');

  await pickFilter(page, 'Track', 'Sysadmin miniconf');
  await expect(page).toHaveURL(/\/\?track=sysadmin-miniconf$/);
  await expect(cardTitles(page)).toHaveText(SYSADMIN_TALKS);
  await expect(page.getByText('9 of 13 talks from 1 conference')).toBeVisible();
  await expectNoAxeViolations(page, 'the timeline filtered by track');

  // Every sysadmin talk is on linux.conf.au's Day 2: the day (one conference's day: PyCon has a
  // Day 2 too) adds to the URL and keeps the same cards.
  await pickFilter(page, 'Day', 'linux.conf.au 2018 · Day 2');
  await expect(page).toHaveURL(/\/\?day=lca-2018\.day-2&track=sysadmin-miniconf$/);
  await expect(cardTitles(page)).toHaveText(SYSADMIN_TALKS);
  await expect(page.getByRole('list', { name: 'Active filters' }).getByRole('button')).toHaveText([
    /Day:\s*linux\.conf\.au 2018 · Day 2/,
    /Track:\s*Sysadmin miniconf/,
  ]);

  await page.getByRole('link', { name: ADMIRAL }).click();
  await expect(page).toHaveURL(new RegExp(`/${ADMIRAL_URL}$`));
  await expect(page.getByRole('heading', { level: 1, name: ADMIRAL })).toBeVisible();
  await expectNoAxeViolations(page, 'a talk');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: ADMIRAL })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(ADMIRAL));
  await expectNoAxeViolations(page, 'a talk, reloaded');

  await page.goBack();
  await expect(page).toHaveURL(/\/\?day=lca-2018\.day-2&track=sysadmin-miniconf$/);
  await expect(cardTitles(page)).toHaveText(SYSADMIN_TALKS);
  await expect(
    page.getByRole('button', { name: 'Remove filter Track: Sysadmin miniconf' }),
  ).toBeVisible();

  // The cloud beside the timeline holds the tags of these nine talks; one narrows them.
  const cloud = page.getByRole('complementary', { name: 'Tags in these talks' });
  await expect(
    cloud.getByRole('link', { name: /^Monitoring ?, 4 talks, add to filters$/ }),
  ).toBeVisible();
  await cloud.getByRole('link', { name: /^Docker ?, 2 talks, add to filters$/ }).click();
  await expect(page).toHaveURL(/\/\?day=lca-2018\.day-2&track=sysadmin-miniconf&tag=docker$/);
  await expect(cardTitles(page)).toHaveText([
    ADMIRAL,
    'Monitoring All the Things! on your Linux system with the Elastic Stack',
  ]);
  await expectNoAxeViolations(page, 'the timeline filtered by a tag from the cloud');

  // From the cloud to every tag, to one tag's page, to a talk, to its speaker.
  await page.getByRole('complementary').getByRole('link', { name: 'All tags' }).click();
  await expect(page).toHaveURL(/\/tags$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Tags' })).toBeVisible();
  await expectNoAxeViolations(page, 'the tag cloud');
  await page
    .getByRole('list', { name: 'All tags' })
    .getByRole('link', { name: /^Containers ?, 2 talks$/ })
    .click();
  await expect(page).toHaveURL(/\/tags\/containers$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Containers' })).toBeVisible();
  await expectNoAxeViolations(page, 'a tag page');

  await page.getByRole('link', { name: ADMIRAL }).click();
  await expect(page.getByRole('heading', { level: 1, name: ADMIRAL })).toBeVisible();
  await page.getByRole('link', { name: 'Alistair Chapman' }).first().click();
  await expect(page).toHaveURL(/\/speakers\/alistair-chapman$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Alistair Chapman' })).toBeVisible();
  await expect(page.getByRole('link', { name: ADMIRAL })).toBeVisible();
  await expectNoAxeViolations(page, 'a speaker page');

  expect(problems).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: VIEWPORTS.phone });

  test('every entry of the main menu is on screen, Starred included, and a tap opens it', async ({
    page,
  }) => {
    await page.goto('./');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const label of ['Timeline', 'Tags', 'Conferences', 'Speakers', 'Links', 'Starred']) {
      await expect(nav.getByRole('link', { name: label, exact: true })).toBeInViewport({
        ratio: 1,
      });
    }
    await nav.getByRole('link', { name: 'Starred', exact: true }).click();
    await expect(page).toHaveURL(/\/starred$/);
  });

  test('the filter sheet keeps focus inside, and Escape returns it to its button', async ({
    page,
  }) => {
    const problems = collectConsoleErrors(page);
    await page.goto('./?track=keynote');
    const opener = page.getByRole('button', { name: 'Filters (1)' });
    await opener.click();
    const sheet = page.getByRole('dialog', { name: 'Filters' });
    await expect(sheet).toBeVisible();
    await expectNoAxeViolations(page, 'the filter sheet');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/filter-sheet-phone-light.png` });

    // The close button and six fields: Tab twice around them never leaves the sheet.
    const stops: string[] = [];
    for (let i = 0; i < 16; i += 1) {
      await page.keyboard.press('Tab');
      stops.push(
        await page.evaluate(() => {
          const active = document.activeElement;
          const inSheet = active?.closest('dialog[open]') !== null;
          return `${inSheet ? '' : 'OUTSIDE '}${active?.textContent?.replace('▾', '').trim()}`;
        }),
      );
    }
    const round = ['Show 2 talks', 'Conference', 'Year', 'Day', 'Track1', 'Tag', 'Speaker'];
    expect(stops).toEqual([...round, ...round, 'Show 2 talks', 'Conference']);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await expect(sheet.locator('summary', { hasText: 'Speaker' })).toBeFocused();

    // A tick in the sheet filters the page behind it; Escape closes the sheet onto its button.
    await sheet.locator('summary', { hasText: 'Day' }).click();
    await sheet.getByRole('checkbox', { name: /^PyCon 2015 · Day 2 ?,/ }).click();
    await expect(page).toHaveURL(/\?day=pycon-2015\.day-2&track=keynote$/);
    await page.keyboard.press('Escape'); // closes the Day popover
    await expect(sheet).toBeVisible();
    await page.keyboard.press('Escape'); // closes the sheet
    await expect(sheet).toBeHidden();
    await expect(page.getByRole('button', { name: 'Filters (2)' })).toBeFocused();
    await expect(cardTitles(page)).toHaveText(['Friday Keynote']);

    // On a phone the tag cloud folds under the filters until asked for.
    const cloud = page.getByRole('complementary', { name: 'Tags in these talks' });
    await expect(cloud.getByRole('link', { name: 'All tags' })).toBeHidden();
    await cloud.getByRole('button', { name: /^Show \d+ tags$/ }).click();
    await expect(cloud.getByRole('link', { name: 'All tags' })).toBeVisible();
    await expectNoAxeViolations(page, 'the tag cloud open on a phone');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/timeline-tags-phone-light.png` });
    expect(problems).toEqual([]);
  });
});

/** The pages the screenshots show, and what to wait for on each. */
const PAGES = [
  { name: 'timeline', path: './', heading: 'Talks' },
  { name: 'talk', path: `./${ADMIRAL_URL}`, heading: ADMIRAL },
  { name: 'tags', path: './tags', heading: 'Tags' },
] as const;

for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`screenshots: ${device}, ${colorScheme}`, () => {
      test.use({ viewport, colorScheme });

      test(`timeline, talk and tags on a ${device} in ${colorScheme}`, async ({ page }) => {
        test.setTimeout(90_000);
        const problems = collectConsoleErrors(page);
        for (const { name, path, heading } of PAGES) {
          await page.goto(path);
          await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
          await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${colorScheme}\\b`));
          await expectNoAxeViolations(page, `${name} (${device}, ${colorScheme})`);
          await page.screenshot({
            path: `${SCREENSHOT_DIR}/${name}-${device}-${colorScheme}.png`,
            fullPage: true,
          });
        }
        expect(problems).toEqual([]);
      });
    });
  }
}
