import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoute } from './render-route';
import {
  lca,
  lcaDay1,
  makeBundle,
  makeTalk,
  serveBundle,
  timelineBundle,
} from './timeline-fixtures';

const cardTitles = () =>
  screen.queryAllByRole('article').map((card) => within(card).getByRole('heading').textContent);

/** The side column's cloud: each tag's name and where its link goes. */
function cloud(name: string) {
  const list = within(screen.getByRole('complementary', { name })).getByRole('list', { name });
  return within(list)
    .getAllByRole('link')
    .map((a) => [a.firstChild?.textContent, a.getAttribute('href')]);
}

async function openTimeline(path: string, bundle = timelineBundle) {
  serveBundle(bundle);
  const view = renderRoute(path);
  await screen.findByRole('heading', { level: 1, name: 'Talks' });
  return view;
}

describe('the tag cloud beside the timeline', () => {
  it('shows the tags of every talk, sized by use, with a link to all tags', async () => {
    await openTimeline('/');
    expect(cloud('Popular tags').map(([name]) => name)).toEqual([
      'AWS',
      'civic',
      'containers',
      'debugging',
      'docker',
      'logging',
      'monitoring',
      'science',
      'security',
    ]);
    const aside = within(screen.getByRole('complementary', { name: 'Popular tags' }));
    expect(aside.getByRole('link', { name: 'docker, 3 talks, add to filters' })).toHaveAttribute(
      'data-size',
      '5',
    );
    expect(aside.getByRole('link', { name: 'security, 2 talks, add to filters' })).toHaveAttribute(
      'data-size',
      '3',
    );
    expect(aside.getByRole('link', { name: 'AWS, 1 talk, add to filters' })).toHaveAttribute(
      'data-size',
      '0',
    );
    expect(aside.getByRole('link', { name: 'All tags' })).toHaveAttribute('href', '/tags');
  });

  it('shows only the tags of the talks the filters leave, each adding itself to them', async () => {
    await openTimeline('/?track=sysadmin-miniconf&order=oldest');
    expect(cloud('Tags in these talks')).toEqual([
      ['AWS', '/?track=sysadmin-miniconf&tag=aws&order=oldest'],
      ['containers', '/?track=sysadmin-miniconf&tag=containers&order=oldest'],
      ['debugging', '/?track=sysadmin-miniconf&tag=debugging&order=oldest'],
      ['docker', '/?track=sysadmin-miniconf&tag=docker&order=oldest'],
      ['logging', '/?track=sysadmin-miniconf&tag=logging&order=oldest'],
      ['monitoring', '/?track=sysadmin-miniconf&tag=monitoring&order=oldest'],
      ['security', '/?track=sysadmin-miniconf&tag=security&order=oldest'],
    ]);
    expect(
      screen.getByRole('link', { name: 'docker, 2 talks, add to filters' }),
    ).toBeInTheDocument();
  });

  it('filters the timeline by the tag clicked, and leaves the chosen tag out of the cloud', async () => {
    const { user, router } = await openTimeline('/?track=sysadmin-miniconf');
    expect(cardTitles()).toEqual([
      'Becoming the Admiral',
      'Puppet in the cloud',
      'Lightning talks',
    ]);

    await user.click(screen.getByRole('link', { name: 'AWS, 1 talk, add to filters' }));
    expect(router.state.location.pathname).toBe('/');
    expect(router.state.location.search).toBe('?track=sysadmin-miniconf&tag=aws');
    expect(cardTitles()).toEqual(['Puppet in the cloud']);
    expect(cloud('Tags in these talks')).toEqual([
      ['docker', '/?track=sysadmin-miniconf&tag=aws&tag=docker'],
    ]);
    expect(screen.getByRole('button', { name: 'Remove filter Tag: AWS' })).toBeInTheDocument();
  });

  it('shows at most 20 tags: the most used, listed by name', async () => {
    // Tag n sits on n talks, so tags 1 to 5 are the least used and drop out.
    const names = Array.from({ length: 25 }, (_, i) => `tag-${String(i + 1).padStart(2, '0')}`);
    const talks = Array.from({ length: 25 }, (_, t) =>
      makeTalk({
        conference: lca,
        day: lcaDay1,
        title: `Talk ${t + 1}`,
        tags: names.filter((_, n) => n >= t),
      }),
    );
    await openTimeline(
      '/',
      makeBundle([{ id: lca, name: 'linux.conf.au 2018', year: 2018 }], talks),
    );
    expect(cloud('Popular tags').map(([name]) => name)).toEqual(names.slice(5));
  });

  it('says so when the talks left carry no other tag', async () => {
    await openTimeline('/?tag=civic');
    const aside = within(screen.getByRole('complementary', { name: 'Tags in these talks' }));
    expect(aside.getByText('No other tags here.')).toBeVisible();
    expect(aside.getByRole('link', { name: 'All tags' })).toHaveAttribute('href', '/tags');
  });

  it('folds behind a button on phones, which shows it', async () => {
    const { user } = await openTimeline('/');
    const toggle = screen.getByRole('button', { name: 'Show 9 tags' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const list = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(list).toHaveClass('hidden', 'lg:block');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveTextContent('Hide tags');
    expect(list).not.toHaveClass('hidden');
  });
});
