import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { pageBundle, serveBundle } from './page-fixtures';
import { renderRoute } from './render-route';

const ADMIRAL = '/talks/lca-2018/becoming-the-admiral-mastering-docker-orchestration';
const ADMIRAL_TITLE = 'Becoming the Admiral: mastering Docker orchestration';

describe('talk route /talks/:conference/:talk', () => {
  it('shows the title, speakers and where the talk sat, each a link', async () => {
    serveBundle(pageBundle());
    renderRoute(ADMIRAL);

    expect(await screen.findByRole('heading', { level: 1, name: ADMIRAL_TITLE })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Alistair Chapman' })).toHaveAttribute(
      'href',
      '/speakers/alistair-chapman',
    );
    // A handle wins over the name, as in the bundle's speaker list.
    expect(screen.getByRole('link', { name: 'Jess Frazelle' })).toHaveAttribute(
      'href',
      '/speakers/jessfraz',
    );
    expect(screen.getByRole('link', { name: 'linux.conf.au 2018' })).toHaveAttribute(
      'href',
      '/?conference=lca-2018',
    );
    expect(screen.getByRole('link', { name: 'all days and tracks' })).toHaveAttribute(
      'href',
      '/conferences/lca-2018',
    );
    expect(screen.getByRole('link', { name: 'Day 2' })).toHaveAttribute(
      'href',
      '/?conference=lca-2018&day=lca-2018.day-2',
    );
    expect(screen.getByRole('link', { name: 'Sysadmin miniconf' })).toHaveAttribute(
      'href',
      '/?conference=lca-2018&track=sysadmin-miniconf',
    );
    const tags = screen.getByRole('list', { name: 'Tags' });
    expect(
      within(tags)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['Docker', '/tags/docker'],
      ['Containers', '/tags/containers'],
      ['Logging', '/tags/logging'],
    ]);
    await waitFor(() => expect(document.title).toBe(`${ADMIRAL_TITLE} · Lanyard`));
  });

  it('renders the notes and lists the links', async () => {
    serveBundle(pageBundle());
    const { container } = renderRoute(ADMIRAL);

    expect(await screen.findByRole('heading', { level: 2, name: 'Why' })).toBeVisible();
    const notes = container.querySelector('.notes');
    expect(notes).not.toBeNull();
    expect(within(notes as HTMLElement).getByRole('listitem')).toHaveTextContent('docker top');

    const links = screen.getByRole('region', { name: 'Links' });
    expect(within(links).getByRole('link', { name: 'Falco' })).toHaveAttribute(
      'href',
      'https://www.sysdig.org/falco/',
    );
    expect(
      within(links).getByRole('link', { name: 'https://github.com/lirantal/dockly' }),
    ).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('lists related talks from any conference, as the compiler found them', async () => {
    serveBundle(pageBundle());
    renderRoute(ADMIRAL);

    const related = await screen.findByRole('region', { name: 'Related talks' });
    const links = within(related).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(
      expect.arrayContaining([
        '/talks/pycon-2015/building-secure-systems',
        '/talks/pycon-2015/smart-services-microservices',
      ]),
    );
    expect(links.map((a) => a.textContent)).not.toContain(ADMIRAL_TITLE);
  });

  it('links the previous and next talk of the same day', async () => {
    serveBundle(pageBundle());
    renderRoute(ADMIRAL);

    const nav = await screen.findByRole('navigation', { name: 'Same day' });
    expect(
      within(nav).getByRole('link', { name: /Previous talk.*Migrating to the cloud/ }),
    ).toHaveAttribute('href', '/talks/lca-2018/migrating-to-the-cloud');
    expect(
      within(nav).getByRole('link', { name: /Next talk.*Puppet in the cloud/ }),
    ).toHaveAttribute('href', '/talks/lca-2018/puppet-in-the-cloud');
  });

  it('follows next to the next talk, and stops at the end of the day', async () => {
    serveBundle(pageBundle());
    const { user, router } = renderRoute('/talks/lca-2018/migrating-to-the-cloud');

    await user.click(await screen.findByRole('link', { name: /Next talk/ }));
    expect(await screen.findByRole('heading', { level: 1, name: ADMIRAL_TITLE })).toBeVisible();
    expect(router.state.location.pathname).toBe(ADMIRAL);

    await user.click(screen.getByRole('link', { name: /Next talk/ }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Puppet in the cloud' }),
    ).toBeVisible();
    expect(screen.queryByRole('link', { name: /Next talk/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Previous talk/ })).toBeVisible();
  });

  it('has no neighbours for a talk alone on its day in another conference', async () => {
    serveBundle(pageBundle());
    renderRoute('/talks/pycon-2015/building-secure-systems');
    expect(await screen.findByRole('link', { name: /Next talk.*Smart Services/ })).toHaveAttribute(
      'href',
      '/talks/pycon-2015/smart-services-microservices',
    );
    expect(screen.queryByRole('link', { name: /Previous talk/ })).not.toBeInTheDocument();
  });

  it('copies its address and says so', async () => {
    serveBundle(pageBundle());
    const { user } = renderRoute(ADMIRAL);

    await user.click(await screen.findByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText('Copied')).toBeVisible();
    expect(await navigator.clipboard.readText()).toBe(window.location.href);
  });

  it('says when no notes were taken, and shows no Links section', async () => {
    serveBundle(pageBundle());
    renderRoute('/talks/lca-2018/opensoure-drug-discovery');
    expect(await screen.findByText('No notes were taken for this talk.')).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Links' })).not.toBeInTheDocument();
  });

  it('sends an old id (alias) to the talk', async () => {
    serveBundle(pageBundle());
    const { router } = renderRoute('/talks/lca-2018/becoming-the-admiral');
    expect(await screen.findByRole('heading', { level: 1, name: ADMIRAL_TITLE })).toBeVisible();
    expect(router.state.location.pathname).toBe(ADMIRAL);
  });

  it.each(['/talks/lca-2018/no-such-talk', '/talks/no-such-conference/puppet-in-the-cloud'])(
    'shows the not-found page for %s',
    async (path) => {
      serveBundle(pageBundle());
      renderRoute(path);
      expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeVisible();
      expect(screen.getByText(path)).toBeVisible();
    },
  );
});
