import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSION, type Bundle, type Talk } from '../../src/shared/bundle';
import { toCatalog } from '../../src/shared/catalog';
import {
  toConferenceId,
  toDayId,
  toTalkId,
  toTrackId,
  type ConferenceId,
} from '../../src/shared/ids';
import { renderRoute } from './render-route';

const lca = toConferenceId('lca-2018');
const pycon = toConferenceId('pycon-2015');
const day2 = { id: toDayId('Day 2'), label: 'Day 2', number: 2 };

let order = 0;
function talk(
  conference: ConferenceId,
  title: string,
  speaker: { name: string; affiliation?: string },
  track: string | null,
): Talk {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    id: toTalkId(conference, slug),
    title,
    speakers: [speaker],
    conference,
    day: { ...day2, date: conference === lca ? '2018-01-23' : '2015-04-10' },
    track: track === null ? null : { id: toTrackId(track), name: track },
    order: order++,
    tags: [],
    links: [],
    html: '',
    text: '',
    aliases: [],
    related: [],
    source: { file: `${conference}/day-2.md`, startLine: 1, endLine: 2 },
  };
}

const talks: Talk[] = [
  talk(lca, 'Opensoure drug discovery', { name: 'Matthew Todd' }, 'Keynote'),
  talk(lca, 'Migrating to the cloud', { name: 'Devdas Bhagat' }, 'Sysadmin miniconf'),
  talk(lca, 'Puppet in the cloud', { name: 'Jethro Carr' }, 'Sysadmin miniconf'),
  talk(pycon, 'Keynote', { name: 'Catherine Bracy', affiliation: 'Code for America' }, 'Keynote'),
  talk(pycon, 'Building Secure Systems', { name: '@lvh' }, null),
];

const sampleBundle: Bundle = {
  schemaVersion: SCHEMA_VERSION,
  generatedAt: '2024-01-01T00:00:00.000Z',
  conferences: [
    {
      id: lca,
      name: 'linux.conf.au 2018',
      year: 2018,
      location: 'Sydney, Australia',
      days: [{ ...day2, date: '2018-01-23' }],
      tracks: [
        { id: toTrackId('Keynote'), name: 'Keynote' },
        { id: toTrackId('Sysadmin miniconf'), name: 'Sysadmin miniconf' },
      ],
      talkCount: 3,
    },
    {
      id: pycon,
      name: 'PyCon 2015',
      year: 2015,
      days: [{ ...day2, date: '2015-04-10' }],
      tracks: [{ id: toTrackId('Keynote'), name: 'Keynote' }],
      talkCount: 2,
    },
  ],
  talks,
  dayNotes: [],
  tags: [],
  speakers: [],
};

const emptyBundle: Bundle = { ...sampleBundle, conferences: [], talks: [] };

function stubFetch(...responses: Array<() => Promise<Response>>) {
  const fetchMock = vi.fn((_url: string) => {
    const next = responses.length > 1 ? responses.shift() : responses[0];
    if (!next) throw new Error('stubFetch: no response configured');
    return next();
  });
  vi.stubGlobal('fetch', fetchMock);
  // The layout warms the search engine when idle, which fetches too (and would take a queued
  // response); these tests count the bundle's own fetches, so the warm-up never comes.
  vi.stubGlobal('requestIdleCallback', () => 0);
  vi.stubGlobal('cancelIdleCallback', () => {});
  return fetchMock;
}

const json = (body: unknown) => () => Promise.resolve(Response.json(body));
/** Answers with the catalog the build publishes for `bundle`. */
const catalogOf = (bundle: Bundle) => json(toCatalog(bundle));

describe('home route /', () => {
  it('lists the compiled talks by conference, day and track', async () => {
    const fetchMock = stubFetch(catalogOf(sampleBundle));
    renderRoute('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Talks' })).toBeVisible();
    expect(fetchMock).toHaveBeenCalledWith('/data/catalog.json', expect.anything());

    const lcaSection = screen.getByRole('region', { name: 'linux.conf.au 2018' });
    const miniconf = within(lcaSection).getByRole('group', { name: 'Sysadmin miniconf' });
    expect(
      within(miniconf)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Migrating to the cloud', 'Puppet in the cloud']);
    expect(within(miniconf).getByText('Jethro Carr')).toBeVisible();
    const lcaKeynote = within(lcaSection).getByRole('group', { name: 'Keynote' });
    expect(
      within(lcaKeynote).getByRole('heading', { name: 'Opensoure drug discovery' }),
    ).toBeVisible();

    const pyconSection = screen.getByRole('region', { name: 'PyCon 2015' });
    expect(within(pyconSection).getByRole('region', { name: /^Day 2/ })).toBeVisible();
    expect(within(pyconSection).getByText('Catherine Bracy (Code for America)')).toBeVisible();
    const untracked = within(pyconSection).getByRole('group', { name: 'Other talks' });
    expect(
      within(untracked).getByRole('heading', { name: 'Building Secure Systems' }),
    ).toBeVisible();
    expect(within(untracked).getByText('@lvh')).toBeVisible();

    // The tag cloud's heading comes first: it sits above the talks on phones, beside them on desktop.
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Popular tags',
      'linux.conf.au 2018',
      'PyCon 2015',
    ]);
  });

  it('shows a loading state until the bundle arrives', async () => {
    stubFetch(() => new Promise<Response>(() => {}));
    renderRoute('/');
    expect(await screen.findByRole('status')).toHaveTextContent('Loading notes…');
  });

  it('says how to add notes when there are none', async () => {
    stubFetch(catalogOf(emptyBundle));
    renderRoute('/');
    expect(
      await screen.findByText('No notes yet: add a .md or .txt file under content/'),
    ).toBeVisible();
  });

  it.each<[string, () => Promise<Response>, RegExp]>([
    ['an HTTP error', () => Promise.resolve(new Response('gone', { status: 404 })), /HTTP 404/],
    [
      'a network failure',
      () => Promise.reject(new TypeError('Failed to fetch')),
      /Failed to fetch/,
    ],
    [
      'an HTML fallback page',
      () =>
        Promise.resolve(
          new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html' } }),
        ),
      /was not found/,
    ],
    ['corrupt JSON', () => Promise.resolve(new Response('{"schemaVer')), /not valid JSON/],
    ['no schemaVersion', json({ talks: [] }), /has no schemaVersion/],
    ['a newer schemaVersion', json({ ...sampleBundle, schemaVersion: 99 }), /schemaVersion 99/],
    ['a list missing', json({ ...sampleBundle, talks: undefined }), /"talks" missing/],
    ['not an object', json([1, 2]), /expected a JSON object/],
  ])('shows %s with a Retry that works', async (_case, failure, message) => {
    const fetchMock = stubFetch(failure, catalogOf(sampleBundle));
    const { user } = renderRoute('/');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the notes');
    expect(alert).toHaveTextContent(message);

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Puppet in the cloud' })).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});

describe('unknown URLs', () => {
  it.each(['/nope', '/talks/lca-2018/missing/extra'])(
    '%s shows the not-found page',
    async (path) => {
      stubFetch(catalogOf(sampleBundle));
      renderRoute(path);
      expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeVisible();
      expect(screen.getByText(path)).toBeVisible();
      expect(screen.getByRole('link', { name: 'Back to all talks' })).toHaveAttribute('href', '/');
    },
  );
});
