import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LINKS_PER_HOST, TALKS_PER_LINK } from '../../src/app/routes/links';
import { classifyLink } from '../../src/features/links/classify-link';
import { hostOf } from '../../src/shared/links';
import { makeBundle, pageBundle, pycon, serveBundle } from './page-fixtures';
import { renderRoute } from './render-route';

describe('speakers route /speakers', () => {
  it('lists everyone who spoke, by name, each linking to their page', async () => {
    serveBundle(pageBundle());
    renderRoute('/speakers');

    expect(await screen.findByRole('heading', { level: 1, name: 'Speakers' })).toBeVisible();
    const main = screen.getByRole('main');
    const people = within(main)
      .getAllByRole('link')
      .map((a) => [a.textContent, a.getAttribute('href')])
      .filter(([, href]) => href?.startsWith('/speakers/'));
    // By name, filed under its first letter: @lvh under L.
    expect(people).toEqual([
      ['Alistair Chapman', '/speakers/alistair-chapman'],
      ['Devdas Bhagat', '/speakers/devdas-bhagat'],
      ['Frank Stratton', '/speakers/frank-stratton'],
      ['Jess Frazelle', '/speakers/jessfraz'],
      ['Jethro Carr', '/speakers/jethro-carr'],
      ['@lvh', '/speakers/lvh'],
      ['Matthew Todd', '/speakers/matthew-todd'],
    ]);
    expect(
      within(main)
        .getAllByRole('heading', { level: 2 })
        .map((h) => h.textContent),
    ).toEqual(['A', 'D', 'F', 'J', 'L', 'M']);
    expect(screen.getByText(/Runscope/)).toBeVisible();
    expect(within(main).getAllByText(/1 talk · PyCon 2015/)[0]).toBeVisible();
    await waitFor(() => expect(document.title).toBe('Speakers · Lanyard'));
  });
});

describe('speaker route /speakers/:id', () => {
  it('shows the person and their talks across conferences', async () => {
    serveBundle(pageBundle());
    renderRoute('/speakers/jethro-carr');

    expect(await screen.findByRole('heading', { level: 1, name: 'Jethro Carr' })).toBeVisible();
    expect(screen.getByText('Fairfax')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Puppet in the cloud' })).toHaveAttribute(
      'href',
      '/talks/lca-2018/puppet-in-the-cloud',
    );
    expect(screen.getByRole('link', { name: 'Show on the timeline' })).toHaveAttribute(
      'href',
      '/?speaker=jethro-carr',
    );
    await waitFor(() => expect(document.title).toBe('Jethro Carr · Lanyard'));
  });

  it('is reached from a talk page by the speaker link', async () => {
    serveBundle(pageBundle());
    const { user } = renderRoute('/talks/pycon-2015/building-secure-systems');
    await user.click(await screen.findByRole('link', { name: '@lvh' }));
    expect(await screen.findByRole('heading', { level: 1, name: '@lvh' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Building Secure Systems' })).toBeVisible();
  });

  it('shows the not-found page for an unknown speaker', async () => {
    serveBundle(pageBundle());
    renderRoute('/speakers/nobody');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeVisible();
  });
});

describe('conference route /conferences/:id', () => {
  it('shows where and when, then days and tracks with their talks', async () => {
    serveBundle(pageBundle());
    renderRoute('/conferences/lca-2018');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'linux.conf.au 2018' }),
    ).toBeVisible();
    expect(screen.getByText('Sydney, Australia')).toBeVisible();
    expect(screen.getByText(/2018/, { selector: 'dd' })).toBeVisible();
    const day = screen.getByRole('region', { name: /^Day 2/ });
    expect(within(day).getByRole('link', { name: 'Day 2' })).toHaveAttribute(
      'href',
      '/?conference=lca-2018&day=lca-2018.day-2',
    );
    expect(
      within(day)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Keynote', 'Sysadmin miniconf']);
    expect(within(day).getByRole('link', { name: 'Puppet in the cloud' })).toHaveAttribute(
      'href',
      '/talks/lca-2018/puppet-in-the-cloud',
    );
    expect(within(day).queryByText('Building Secure Systems')).not.toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('linux.conf.au 2018 · Lanyard'));
  });

  it('labels talks outside a track "Other talks" only on a day with named tracks too', async () => {
    serveBundle(
      makeBundle([
        { conference: pycon, day: 'Day 1', title: 'Welcome' },
        { conference: pycon, day: 'Day 2', title: 'Morning keynote', track: 'Keynote' },
        { conference: pycon, day: 'Day 2', title: 'Unplanned demo' },
      ]),
    );
    renderRoute('/conferences/pycon-2015');
    const day1 = await screen.findByRole('region', { name: /^Day 1/ });
    expect(within(day1).queryAllByRole('heading', { level: 3 })).toEqual([]);
    expect(within(day1).getByRole('link', { name: 'Welcome' })).toBeVisible();
    const day2 = screen.getByRole('region', { name: /^Day 2/ });
    expect(
      within(day2)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Keynote', 'Other talks']);
  });

  it('shows the not-found page for an unknown conference', async () => {
    serveBundle(pageBundle());
    renderRoute('/conferences/nope-1999');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeVisible();
  });
});

describe('classifyLink', () => {
  it.each([
    ['https://github.com/lirantal/dockly', 'repository'],
    ['https://gitlab.com/x/y', 'repository'],
    ['https://bitbucket.org/x/y', 'repository'],
    ['https://codeberg.org/x/y', 'repository'],
    ['https://gist.github.com/x/1', 'repository'],
    ['https://speakerdeck.com/lvh/secure', 'slides'],
    ['https://www.slideshare.net/x/y', 'slides'],
    ['https://slides.com/x/y', 'slides'],
    ['https://slides.example.org/deck', 'slides'],
    ['https://www.youtube.com/watch?v=abc', 'video'],
    ['https://youtu.be/abc', 'video'],
    ['https://vimeo.com/123', 'video'],
    ['https://arxiv.org/abs/1234.5678', 'paper'],
    ['https://doi.org/10.1145/1', 'paper'],
    ['https://example.org/papers/thing.PDF', 'paper'],
    ['https://www.sysdig.org/falco/', 'other'],
    ['not a url', 'other'],
  ])('classifyLink(%s) is %s', (url, kind) => {
    expect(classifyLink(url)).toBe(kind);
  });

  it.each([
    ['https://www.sysdig.org/falco/', 'sysdig.org'],
    ['https://GitHub.com/x', 'github.com'],
    ['nope', 'nope'],
  ])('hostOf(%s, bare) is %s', (url, host) => {
    expect(hostOf(url, { bare: true })).toBe(host);
  });
});

describe('links route /links', () => {
  it('groups every link by kind and host, each with the talk it came from', async () => {
    serveBundle(pageBundle());
    renderRoute('/links');

    expect(await screen.findByRole('heading', { level: 1, name: 'Links' })).toBeVisible();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Repositories',
      'Slides',
      'Videos',
      'Papers',
      'Other links',
    ]);

    const repositories = screen.getByRole('region', { name: 'Repositories' });
    expect(within(repositories).getByRole('heading', { level: 3 })).toHaveTextContent('github.com');
    expect(
      within(repositories).getByRole('link', { name: 'https://github.com/lirantal/dockly' }),
    ).toHaveAttribute('href', 'https://github.com/lirantal/dockly');
    expect(
      within(repositories).getByRole('link', {
        name: 'Becoming the Admiral: mastering Docker orchestration',
      }),
    ).toHaveAttribute(
      'href',
      '/talks/lca-2018/becoming-the-admiral-mastering-docker-orchestration',
    );

    const slides = screen.getByRole('region', { name: 'Slides' });
    expect(within(slides).getByRole('link', { name: 'Slides' })).toHaveAttribute(
      'href',
      'https://speakerdeck.com/lvh/secure',
    );
    expect(
      within(screen.getByRole('region', { name: 'Other links' })).getByRole('heading', {
        level: 3,
      }),
    ).toHaveTextContent('sysdig.org');
    await waitFor(() => expect(document.title).toBe('Links · Lanyard'));
  });

  it('shows a dozen links per host and five talks per link, the rest on request', async () => {
    const shared = { url: 'https://example.org/shared', text: 'Shared' };
    serveBundle(
      makeBundle([
        {
          title: 'Many links',
          links: Array.from({ length: 15 }, (_, n) => ({
            url: `https://example.org/page-${String(n).padStart(2, '0')}`,
            text: `Page ${n}`,
          })),
        },
        ...Array.from({ length: 7 }, (_, n) => ({ title: `Citing ${n + 1}`, links: [shared] })),
      ]),
    );
    const { user } = renderRoute('/links');

    const others = await screen.findByRole('region', { name: 'Other links' });
    const list = () => within(others).getAllByRole('listitem');
    expect(list()).toHaveLength(LINKS_PER_HOST);
    await user.click(
      within(others).getByRole('button', { name: 'Show all 16 links from example.org' }),
    );
    expect(list()).toHaveLength(16);

    const item = list().find((li) => within(li).queryByRole('link', { name: 'Shared' }))!;
    expect(within(item).getAllByRole('link', { name: /^Citing/ })).toHaveLength(TALKS_PER_LINK);
    await user.click(within(item).getByRole('button', { name: 'and 2 more talks' }));
    expect(within(item).getAllByRole('link', { name: /^Citing/ })).toHaveLength(7);
  });
});

describe('a speaker at several conferences', () => {
  it('lists their talks by conference, newest first, each with its day', async () => {
    const person = [{ name: 'Ada Lovelace' }];
    serveBundle(
      makeBundle([
        { conference: pycon, title: 'Engines of 2015', speakers: person },
        { title: 'Engines of 2018', speakers: person, day: 'Day 1' },
        { title: 'Someone else', speakers: [{ name: 'Other' }] },
        { conference: pycon, title: 'More engines', speakers: person },
      ]),
    );
    renderRoute('/speakers/ada-lovelace');
    expect(await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeVisible();
    const sections = screen.getAllByRole('region');
    expect(sections.map((s) => within(s).getByRole('heading', { level: 2 }).textContent)).toEqual([
      'linux.conf.au 2018',
      'PyCon 2015',
    ]);
    expect(
      within(sections[1]!)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Engines of 2015Ada Lovelace — Day 2', 'More enginesAda Lovelace — Day 2']);
    expect(within(sections[0]!).getByText('Ada Lovelace — Day 1')).toBeVisible();
  });
});

describe('speakers index at scale', () => {
  /** 400 talks by 400 people: three to a letter's worth of names across A–Z and beyond. */
  const many = makeBundle(
    Array.from({ length: 400 }, (_, at) => ({
      title: `Talk ${at}`,
      speakers: [{ name: `${String.fromCharCode(65 + (at % 26))}person ${at}` }],
    })),
  );

  it('shows one page of letters, a jump bar to every letter, and pages for the rest', async () => {
    serveBundle(many);
    renderRoute('/speakers');
    expect(await screen.findByRole('heading', { level: 1, name: 'Speakers' })).toBeVisible();
    const main = within(screen.getByRole('main'));
    expect(main.getByText(/400 people · page 1 of 3 \(A–I\)/)).toBeVisible();
    const jump = within(main.getByRole('navigation', { name: 'Jump to letter' }));
    expect(jump.getAllByRole('link')).toHaveLength(26);
    expect(jump.getByRole('link', { name: 'B' })).toHaveAttribute('href', '/speakers#letter-B');
    expect(jump.getByRole('link', { name: 'Z' })).toHaveAttribute(
      'href',
      '/speakers/page/3#letter-Z',
    );
    expect(main.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      ...'ABCDEFGHI',
    ]);
    expect(main.getAllByRole('listitem').length).toBeLessThan(200);
  });

  it('filters every speaker, across pages, as one types', async () => {
    serveBundle(many);
    const { user } = renderRoute('/speakers');
    const filter = await screen.findByRole('searchbox', { name: 'Filter' });
    await user.type(filter, 'zperson 38');
    expect(await screen.findByText('1 speaker matches “zperson 38”')).toBeVisible();
    expect(
      within(screen.getByRole('main'))
        .getAllByRole('link')
        .filter((a) => a.getAttribute('href')?.startsWith('/speakers/z'))
        .map((a) => a.textContent),
    ).toEqual(['Zperson 389']);
    await user.clear(filter);
    await user.type(filter, 'person 1');
    // 157 of the numbers 0–399 hold a 1: from every page, all of them.
    expect(await screen.findByText('157 speakers match “person 1”')).toBeVisible();
  });
});
