/**
 * The timeline's filters with every Object.prototype name as a conference, year's day, track,
 * tag and speaker value, compiled from notes (tests/hostile/prototype-notes) by `npm run notes --
 * build` (in a child process: the compiler reads files, which jsdom's URL cannot name):
 * each value filters to its own talks, is listed in its field, and a value no talk has is an
 * unknown chip, not a member of Object.prototype.
 */
import { screen, within } from '@testing-library/react';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/shared/bundle';
import { toSlug } from '../../src/shared/ids';
import { toDayFilterValue, type FilterField } from '../../src/shared/paths';
import { PROTOTYPE_NAMES, writePrototypeNotes, yearOf } from '../hostile/prototype-notes';
import { renderRoute } from './render-route';
import { serveBundle } from './serve-data';

let dir: string;
let bundle: Bundle;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lanyard-prototype-app-'));
  await writePrototypeNotes(dir);
  const out = path.join(dir, 'out');
  await new Promise((resolve, reject) =>
    execFile(
      'npx',
      ['tsx', 'src/build/cli.ts', 'build', '--content', dir, '--out', out],
      (error, stdout, stderr) => (error ? reject(new Error(stderr || stdout)) : resolve(stdout)),
    ),
  );
  bundle = JSON.parse(await readFile(path.join(out, 'bundle.json'), 'utf8')) as Bundle;
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const conferenceOf = (name: string) => `${toSlug(name)}-${yearOf(name)}`;

/** Each field's filter value for a name, and the talks of the name it keeps. */
const FIELDS: Array<[FilterField, (name: string) => string, (name: string) => string[]]> = [
  ['conference', conferenceOf, (name) => [`Second on ${name}`, `Talk on ${name}`]],
  ['day', (name) => toDayFilterValue(conferenceOf(name), toSlug(name)), (n) => [`Talk on ${n}`]],
  ['track', toSlug, (name) => [`Talk on ${name}`]],
  ['tag', toSlug, (name) => [`Talk on ${name}`]],
  ['speaker', toSlug, (name) => [`Talk on ${name}`]],
];

const cardTitles = () =>
  screen
    .queryAllByRole('article')
    .map((card) => within(card).getByRole('heading').textContent)
    .sort();

async function openTimeline(search: string) {
  serveBundle(bundle);
  const view = renderRoute(`/${search}`);
  await screen.findByRole('heading', { level: 1, name: 'Talks' });
  return view;
}

describe('timeline filters on Object.prototype names', () => {
  it.each(FIELDS)('%s: each value keeps its own talks', async (field, valueOf, titlesOf) => {
    for (const name of PROTOTYPE_NAMES) {
      const { unmount } = await openTimeline(`?${field}=${encodeURIComponent(valueOf(name))}`);
      expect(cardTitles()).toEqual(titlesOf(name).sort());
      const chips = screen.getByRole('list', { name: 'Active filters' });
      expect(within(chips).getByRole('button').getAttribute('aria-label')).not.toMatch(
        /unknown|native code/,
      );
      unmount();
    }
  });

  it('lists every name as a tag, and a name no talk has is unknown', async () => {
    const { user } = await openTimeline('?tag=__proto__&speaker=hasOwnProperty');
    expect(cardTitles()).toEqual([]);
    expect(
      screen.getByRole('button', { name: 'Remove filter Tag: __proto__ (unknown)' }),
    ).toBeVisible();
    expect(
      screen.getByRole('button', { name: 'Remove filter Speaker: hasOwnProperty (unknown)' }),
    ).toBeVisible();
    const filters = screen.getByRole('region', { name: 'Filters' });
    await user.click(within(filters).getByText('Tag', { selector: 'summary' }));
    const tags = within(screen.getByRole('group', { name: 'Tag' }));
    // The other field's unknown speaker leaves no talk to count.
    for (const name of PROTOTYPE_NAMES) {
      expect(tags.getByRole('checkbox', { name: `${toSlug(name)}, 0 talks` })).not.toBeChecked();
    }
    expect(tags.getByRole('checkbox', { name: '__proto__ (unknown), 0 talks' })).toBeChecked();
    expect(tags.getAllByRole('checkbox')).toHaveLength(PROTOTYPE_NAMES.length + 1);
  });
});
