/** The search box, the results page and a talk opened from a search, on the real sample notes. */
import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderRoute } from './render-route';
import { manyTalksSite, sampleSite, serveSite, type SampleSite } from './search-fixtures';

const ADMIRAL = 'Becoming the Admiral: mastering Docker orchestration';
const ELASTIC = 'Monitoring All the Things! on your Linux system with the Elastic Stack';
const KUBERNETES = 'Designing scalable production Kubernetes clusters on AWS';

let site: SampleSite;
beforeAll(async () => {
  site = await sampleSite();
});

const searchBox = () => screen.getByRole('searchbox', { name: 'Search notes' });
const resultTitles = async () => {
  const list = await screen.findByRole('list', { name: 'Results' });
  return within(list)
    .getAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent);
};
const query = (router: ReturnType<typeof renderRoute>['router']) =>
  new URLSearchParams(router.state.location.search);

describe('the search box', () => {
  it('shows results from the first keystrokes and puts the query in the URL', async () => {
    serveSite(site);
    const { user, router } = renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Talks' });

    await user.type(searchBox(), 'docker');

    await waitFor(() => expect(router.state.location.pathname).toBe('/search'));
    expect(query(router).get('q')).toBe('docker');
    await waitFor(async () => expect(await resultTitles()).toEqual([ADMIRAL, ELASTIC]));
    expect(screen.getByRole('status')).toHaveTextContent('2 talks match.');
    await waitFor(() => expect(document.title).toBe('“docker”: search · Lanyard'));
    const first = screen.getByRole('link', { name: ADMIRAL });
    await waitFor(() => expect(first.querySelector('mark')).toHaveTextContent('Docker'));
    expect(first).toHaveAttribute(
      'href',
      '/talks/lca-2018/becoming-the-admiral-mastering-docker-orchestration?hl=docker',
    );
  });

  it('adds one history entry for a whole query: Back leaves the search in one step', async () => {
    serveSite(site);
    const { user, router } = renderRoute('/tags');
    await screen.findByRole('heading', { level: 1 });

    await user.type(searchBox(), 'kube');
    await waitFor(() => expect(query(router).get('q')).toBe('kube'));
    await act(() => router.navigate(-1));

    expect(router.state.location.pathname).toBe('/tags');
    expect(searchBox()).toHaveValue('');
  });

  it('keeps the timeline filters it was started from', async () => {
    serveSite(site);
    const { user, router } = renderRoute('/?conference=pycon-2015');
    await screen.findByRole('heading', { level: 1, name: 'Talks' });

    await user.type(searchBox(), 'secure');

    await waitFor(() => expect(query(router).get('q')).toBe('secure'));
    expect(query(router).getAll('conference')).toEqual(['pycon-2015']);
    expect(await resultTitles()).toEqual(['Building Secure Systems']);
  });

  it('focuses with / and Ctrl+K, and g t goes to the tags', async () => {
    serveSite(site);
    const { user, router } = renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Talks' });

    await user.keyboard('/');
    expect(searchBox()).toHaveFocus();
    expect(searchBox()).toHaveValue('');
    await user.keyboard('{Escape}');
    expect(searchBox()).not.toHaveFocus();
    await user.keyboard('{Control>}k{/Control}');
    expect(searchBox()).toHaveFocus();
    searchBox().blur();

    await user.keyboard('gt');
    await waitFor(() => expect(router.state.location.pathname).toBe('/tags'));
  });

  it('moves through results with the arrow keys, Esc clears, Enter opens the first', async () => {
    serveSite(site);
    const { user, router } = renderRoute('/search?q=docker');
    expect(await resultTitles()).toEqual([ADMIRAL, ELASTIC]);
    expect(searchBox()).toHaveValue('docker');

    await user.click(searchBox());
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('link', { name: ADMIRAL })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('link', { name: ELASTIC })).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(searchBox()).toHaveFocus();

    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(
        '/talks/lca-2018/becoming-the-admiral-mastering-docker-orchestration',
      ),
    );
    expect(query(router).getAll('hl')).toEqual(['docker']);
  });

  it('clears the query with Esc', async () => {
    serveSite(site);
    const { user, router } = renderRoute('/search?q=docker');
    await resultTitles();
    await user.click(searchBox());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(query(router).get('q')).toBeNull());
    expect(searchBox()).toHaveValue('');
    expect(screen.getByText(/Results appear as you type/)).toBeVisible();
  });

  it('shows the query syntax in a help popover', async () => {
    serveSite(site);
    const { user } = renderRoute('/');
    await user.click(screen.getByText('?', { selector: 'summary' }));
    expect(screen.getByText('Search syntax')).toBeVisible();
    expect((await screen.findAllByText('speaker:tweedale'))[0]).toBeVisible();
  });
});

describe('the results page', () => {
  it.each([
    ['speaker:lvh', ['Building Secure Systems']],
    ['kubernets', [KUBERNETES]],
    ['etcd aws', [KUBERNETES]],
    ['falco', [ADMIRAL]],
  ])('%s finds %j', async (input, titles) => {
    serveSite(site);
    renderRoute(`/search?q=${encodeURIComponent(input)}`);
    expect(await resultTitles()).toEqual(titles);
  });

  it('reads lunr syntax as plain words and says so', async () => {
    serveSite(site);
    renderRoute('/search?q=docker~2');
    expect(await resultTitles()).toContain(ADMIRAL);
    expect(screen.getByRole('status')).toHaveTextContent(
      '~ have no special meaning here; searched for the words.',
    );
  });

  it('says when no talk matches every word and shows those matching some', async () => {
    serveSite(site);
    renderRoute('/search?q=docker%20pycon');
    expect((await resultTitles()).length).toBeGreaterThan(0);
    expect(screen.getByRole('status')).toHaveTextContent(
      'No talk matches every word; showing talks that match some of them.',
    );
  });

  it('searches within the filters and counts how the results split', async () => {
    serveSite(site);
    const { user, router } = renderRoute('/search?q=monitoring');
    const all = await resultTitles();
    expect(all.length).toBeGreaterThan(1);

    await user.click(screen.getByText('Track', { selector: 'summary *, summary' }));
    const keynote = screen.queryByRole('checkbox', { name: /Keynote/ });
    expect(keynote).toBeNull(); // no monitoring talk in the keynotes: not offered
    const sysadmin = screen.getByRole('checkbox', { name: /Sysadmin miniconf/ });
    expect(sysadmin).toHaveAccessibleName('Sysadmin miniconf, 4 talks');
    await user.click(sysadmin);

    await waitFor(() => expect(query(router).getAll('track')).toEqual(['sysadmin-miniconf']));
    expect(query(router).get('q')).toBe('monitoring');
    const filtered = await resultTitles();
    expect(filtered).toHaveLength(4);
    expect(filtered).toEqual(all.filter((title) => filtered.includes(title)));
    expect(all).toHaveLength(5);
    expect(all).not.toEqual(filtered);
  });

  it('says how many matches the filters leave', async () => {
    serveSite(site);
    renderRoute('/search?q=docker&conference=pycon-2015');
    expect(await screen.findByText('0 talks of 2 matches pass the filters.')).toBeVisible();
    expect(screen.getByText(/The filters leave none of the matches/)).toBeVisible();
  });

  it('draws 20 results at first and the rest on request', async () => {
    serveSite(await manyTalksSite(45, 'zeppelin'));
    const { user } = renderRoute('/search?q=zeppelin');
    expect(await resultTitles()).toHaveLength(20);
    expect(screen.getByRole('status')).toHaveTextContent('45 talks match.');

    await user.click(screen.getByRole('button', { name: 'Show 20 more of 25' }));
    expect(await resultTitles()).toHaveLength(40);
    await user.click(screen.getByRole('button', { name: 'Show 5 more of 5' }));
    expect(await resultTitles()).toHaveLength(45);
    expect(screen.queryByRole('button', { name: /more of/ })).toBeNull();
  });

  it('explains a stale search index instead of showing wrong results', async () => {
    serveSite({ ...site, manifest: { ...site.manifest, lunrVersion: '2.1.0' } });
    renderRoute('/search?q=docker');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Search is not available: .*lunr 2\.1\.0.*Rebuild with "npm run build"/,
    );
  });
});

describe('a talk opened from a search', () => {
  it('marks the matched words in the title and the notes', async () => {
    serveSite(site);
    renderRoute('/talks/lca-2018/becoming-the-admiral-mastering-docker-orchestration?hl=docker');
    const title = await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(title.querySelector('mark')).toHaveTextContent('Docker'));
    const marks = document.querySelectorAll('.notes mark');
    expect(marks.length).toBeGreaterThan(0);
    expect([...marks].every((mark) => /^docker$/i.test(mark.textContent ?? ''))).toBe(true);
  });

  it('has no marks without a search', async () => {
    serveSite(site);
    renderRoute('/talks/lca-2018/becoming-the-admiral-mastering-docker-orchestration');
    await screen.findByRole('heading', { level: 1 });
    expect(document.querySelectorAll('mark')).toHaveLength(0);
  });
});
