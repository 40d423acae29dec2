import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { guessQuery } from '../../src/app/routes/not-found';
import { pageBundle, serveBundle } from './page-fixtures';
import { renderRoute } from './render-route';

describe('guessQuery', () => {
  it.each([
    ['/talks/lca-2018/puppet-in-the-clod', 'puppet in the clod'],
    ['/nope', 'nope'],
    ['/', ''],
    ['/old/page.html', 'page'],
    ['/bad/%E0%A4%A', '%E0%A4%A'],
    ['/caf%C3%A9_talk', 'café talk'],
  ])('guessQuery(%s) is %j', (path, query) => {
    expect(guessQuery(path)).toBe(query);
  });
});

describe('not-found page', () => {
  it('offers a way home and a search prefilled from the address', async () => {
    serveBundle(pageBundle());
    renderRoute('/talks/lca-2018/puppet-in-the-clod');

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Back to all talks' })).toHaveAttribute('href', '/');
    expect(screen.getByRole('searchbox', { name: 'Search the notes' })).toHaveValue(
      'puppet in the clod',
    );
    expect(screen.getByRole('link', { name: 'tag' })).toHaveAttribute('href', '/tags');
    await waitFor(() => expect(document.title).toBe('Page not found · Lanyard'));
  });

  it('searches with GET /search?q=', async () => {
    serveBundle(pageBundle());
    const { user, router } = renderRoute('/no/such/page');

    const box = await screen.findByRole('searchbox', { name: 'Search the notes' });
    await user.clear(box);
    await user.type(box, 'docker swarm');
    await user.click(screen.getByRole('button', { name: 'Search' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/search'));
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('docker swarm');
  });
});
