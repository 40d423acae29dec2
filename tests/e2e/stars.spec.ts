/**
 * The reader's tools through the real UI: star talks (click and keyboard), the starred page, a
 * shared list opened in a fresh browser, the three exports downloaded and read back, print (as
 * Chromium's PDF), and the starred page offline.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { extractText, getDocumentProxy } from 'unpdf';
import {
  collectConsoleErrors,
  expectNoAxeViolations,
  SCREENSHOT_DIR,
  waitForApp,
  waitForOfflineReady,
} from './helpers';

const PUPPET = 'Puppet in the cloud';
const SECURE = 'Building Secure Systems';
const KEYNOTE = 'Friday Keynote';

const starButton = (page: Page, title: string) =>
  page.getByRole('button', { name: `Star ${title}`, exact: true });
const cardTitles = (page: Page) => page.getByRole('main').getByRole('heading', { level: 3 });

/** RFC 4180 records: fields split at commas outside quotes, `""` inside quotes a quote. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  const field = /("(?:[^"]|"")*"|[^,"\r\n]*)(,|\r\n|$)/y;
  let record: string[] = [];
  while (field.lastIndex < text.length) {
    const match = field.exec(text);
    if (!match) throw new Error(`not RFC 4180 at offset ${field.lastIndex}`);
    const [, value = '', end] = match;
    record.push(value.startsWith('"') ? value.slice(1, -1).replaceAll('""', '"') : value);
    if (end !== ',') {
      records.push(record);
      record = [];
    }
  }
  return records;
}

/** Stars two talks: one from its card by click, one from its page by keyboard. */
async function starTwo(page: Page) {
  await page.goto('./');
  await waitForApp(page);
  await starButton(page, PUPPET).click();
  await expect(starButton(page, PUPPET)).toHaveAttribute('aria-pressed', 'true');

  await page.goto('./talks/pycon-2015/building-secure-systems');
  await waitForApp(page);
  const star = page.getByRole('button', { name: 'Star', exact: true });
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await star.focus();
  await page.keyboard.press('Enter');
  await expect(star).toHaveAttribute('aria-pressed', 'true');
}

async function downloadText(page: Page, choice: string): Promise<{ name: string; text: string }> {
  await page.locator('summary', { hasText: 'Export' }).click();
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: choice }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

test('stars from a card (click) and a talk page (keyboard) persist and have their own page', async ({
  page,
}) => {
  const problems = collectConsoleErrors(page);
  await page.goto('./starred');
  await expect(page.getByRole('heading', { level: 1, name: 'No starred talks yet' })).toBeVisible();
  await expectNoAxeViolations(page);

  await starTwo(page);
  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole('button', { name: 'Star', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Starred' })
    .click();
  await expect(page).toHaveURL(/\/starred$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Starred talks' })).toBeVisible();
  await expect(cardTitles(page)).toHaveText([PUPPET, SECURE]);
  await expect(page.getByText('2 talks from 2 conferences')).toBeVisible();
  await expectNoAxeViolations(page);

  // The timeline's filters work on the starred talks only.
  await page
    .getByRole('region', { name: 'Filters' })
    .locator('summary', { hasText: 'Conference' })
    .click();
  const conferences = page.getByRole('group', { name: 'Conference' }).getByRole('checkbox');
  await expect(conferences).toHaveCount(2);
  await page.getByRole('checkbox', { name: /PyCon 2015/ }).click();
  await expect(page).toHaveURL(/\/starred\?conference=pycon-2015$/);
  await expect(cardTitles(page)).toHaveText([SECURE]);

  // Unstarring from the starred page takes the talk off it.
  await page.goto('./starred');
  await starButton(page, SECURE).click();
  await expect(cardTitles(page)).toHaveText([PUPPET]);
  await page.reload();
  await expect(cardTitles(page)).toHaveText([PUPPET]);
  expect(problems).toEqual([]);
});

test('a shared list opens read-only in another browser and adds to its stars in one click', async ({
  page,
  browser,
  baseURL,
}) => {
  await starTwo(page);
  await page.goto('./starred');
  await page.getByRole('button', { name: 'Share list' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this list' }).inputValue();
  expect(link).toBe(
    `${baseURL}starred?shared=lca-2018/puppet-in-the-cloud,pycon-2015/building-secure-systems`,
  );

  const other = await browser.newContext();
  const phone = await other.newPage();
  const problems = collectConsoleErrors(phone);
  await phone.goto(link);
  await expect(phone.getByRole('heading', { level: 1, name: 'Shared talks' })).toBeVisible();
  await expect(cardTitles(phone)).toHaveText([PUPPET, SECURE]);
  await expect(phone.getByText('Someone shared 2 talks with you.')).toBeVisible();
  // Read-only: the reader's own stars are untouched until asked.
  await expect(starButton(phone, PUPPET)).toHaveAttribute('aria-pressed', 'false');
  await expectNoAxeViolations(phone);

  await phone.getByRole('button', { name: 'Add these to my stars' }).click();
  await expect(
    phone.getByRole('status').filter({ hasText: 'Added 2 talks to your stars' }),
  ).toBeVisible();
  await phone.goto(new URL('starred', baseURL).href);
  await expect(phone.getByRole('heading', { level: 1, name: 'Starred talks' })).toBeVisible();
  await expect(cardTitles(phone)).toHaveText([PUPPET, SECURE]);
  expect(problems).toEqual([]);
  await other.close();
});

test('the starred talks download as Markdown, CSV and iCalendar that read back', async ({
  page,
  baseURL,
}) => {
  const problems = collectConsoleErrors(page);
  await starTwo(page);
  await page.goto('./starred');
  await waitForApp(page);

  const markdown = await downloadText(page, 'Markdown (.md)');
  expect(markdown.name).toBe('starred-talks.md');
  expect(markdown.text).toContain('# Starred talks\n\n2 talks, exported ');
  expect(markdown.text).toContain(
    `## ${PUPPET}\n\n- Speakers: Jethro Carr\n- Conference: linux.conf.au 2018 (Sydney, Australia)\n- Day: Day 2, 2018-01-23\n- Track: Sysadmin miniconf\n- Link: <${baseURL}talks/lca-2018/puppet-in-the-cloud>\n\nusing ec2 tags to set role\n`,
  );
  expect(markdown.text).toContain(`## ${SECURE}\n\n- Speakers: @lvh\n`);
  await expect(
    page.getByRole('status').filter({ hasText: 'Downloaded starred-talks.md (2 talks)' }),
  ).toBeVisible();

  const csv = await downloadText(page, 'Spreadsheet (.csv)');
  expect(csv.name).toBe('starred-talks.csv');
  const rows = readCsv(csv.text);
  expect(csv.text.endsWith('\r\n')).toBe(true);
  expect(rows.map((row) => row.length)).toEqual([11, 11, 11]);
  expect(rows[0]!.join()).toBe(
    'Title,Speakers,Conference,Day,Date,Time,Session,Track,Tags,Link,Notes',
  );
  expect(rows[1]!.slice(0, 8)).toEqual([
    PUPPET,
    'Jethro Carr',
    'linux.conf.au 2018',
    'Day 2',
    '2018-01-23',
    '',
    '',
    'Sysadmin miniconf',
  ]);
  expect(rows[1]![9]).toBe(`${baseURL}talks/lca-2018/puppet-in-the-cloud`);
  expect(rows[1]![10]).toMatch(/^using ec2 tags to set role\r\nauto signing/);
  expect(rows[2]![0]).toBe(SECURE);

  const ics = await downloadText(page, 'Calendar (.ics)');
  expect(ics.name).toBe('starred-talks.ics');
  const calendar = new ICAL.Component(ICAL.parse(ics.text) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  expect(
    events.map((event) => [event.summary, event.startDate.toString(), event.startDate.isDate]),
  ).toEqual([
    [PUPPET, '2018-01-23', true],
    [SECURE, '2015-04-10', true],
  ]);
  expect(events[1]!.uid).toBe('pycon-2015/building-secure-systems@127.0.0.1');
  expect(events[1]!.description).toContain('The problem:\nAll software has bugs');
  expect(problems).toEqual([]);
});

test('a filtered timeline can be exported; the unfiltered one offers no tools', async ({
  page,
}) => {
  await page.goto('./');
  await waitForApp(page);
  await expect(page.locator('summary', { hasText: 'Export' })).toHaveCount(0);
  await page.goto('./?speaker=lvh');
  await waitForApp(page);
  await expect(cardTitles(page)).toHaveText([SECURE]);
  const csv = await downloadText(page, 'Spreadsheet (.csv)');
  expect(csv.name).toBe('talks.csv');
  expect(readCsv(csv.text).map((row) => row[0])).toEqual(['Title', SECURE]);
});

/** The text of a PDF, its pages joined. */
async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  return text;
}

test('a talk prints as a clean document, links shown as their addresses', async ({ page }) => {
  await page.goto('./talks/pycon-2015/friday-keynote-catherine-bracy');
  await waitForApp(page);
  await expect(page.locator('.notes')).not.toBeEmpty();
  const text = (await pdfText(await page.pdf({ format: 'A4' }))).replace(/\s+/g, ' ');
  expect(text).toContain(KEYNOTE);
  expect(text).toContain('Catherine Bracy');
  expect(text).toContain('Healthcare.gov (https://healthcare.gov)');
  for (const chrome of ['Search notes', 'Copy link', 'Timeline', 'Speakers Links', 'Star']) {
    expect(text).not.toContain(chrome);
  }
});

test('a filtered list prints as a compact list', async ({ page }) => {
  await page.goto('./?conference=lca-2018');
  await waitForApp(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('region', { name: 'Filters' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 3, name: PUPPET })).toBeVisible();
  // Compact: title, speakers and place, no excerpt or tags.
  const card = page.getByRole('article').filter({ hasText: PUPPET });
  await expect(card.getByText('using ec2 tags')).toBeHidden();
  const box = await card.boundingBox();
  expect(box!.height).toBeLessThan(80);
  const text = (await pdfText(await page.pdf({ format: 'A4' }))).replace(/\s+/g, ' ');
  expect(text).toContain(`${PUPPET} Jethro Carr linux.conf.au 2018 · Day 2`);
  expect(text).not.toContain(SECURE);
});

test('starred talks show offline, on a starred page never opened before', async ({
  page,
  context,
}) => {
  await starTwo(page);
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.goto('./starred');
  await expect(page.getByRole('heading', { level: 1, name: 'Starred talks' })).toBeVisible();
  await expect(cardTitles(page)).toHaveText([PUPPET, SECURE]);
});

for (const [name, viewport] of Object.entries({
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
})) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshot: starred page, ${name}, ${scheme}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      await starTwo(page);
      await page.goto('./starred');
      await expect(cardTitles(page)).toHaveText([PUPPET, SECURE]);
      await page.getByRole('button', { name: 'Share list' }).click();
      await expectNoAxeViolations(page, `starred ${name} ${scheme}`);
      await page.screenshot({
        path: `${SCREENSHOT_DIR}/starred-${name}-${scheme}.png`,
        fullPage: true,
      });
    });
  }
}
