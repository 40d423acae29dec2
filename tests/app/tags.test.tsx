import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { readTagSort, tagSizeStep } from '../../src/features/tags/tag-stats';
import { makeBundle, pageBundle, serveBundle } from './page-fixtures';
import { renderRoute } from './render-route';

describe('tagSizeStep', () => {
  it.each([
    [1, 1, 100, 0],
    [100, 1, 100, 5],
    [10, 1, 100, 3],
    [2, 1, 100, 1],
    [50, 1, 100, 4],
    [3, 3, 3, 2],
  ])('tagSizeStep(%i, %i, %i) is %i', (count, min, max, step) => {
    expect(tagSizeStep(count, min, max)).toBe(step);
  });
});

describe('readTagSort', () => {
  it.each([
    ['', 'name'],
    ['sort=count', 'count'],
    ['sort=name', 'name'],
    ['sort=bogus', 'name'],
  ])('?%s sorts by %s', (search, sort) => {
    expect(readTagSort(new URLSearchParams(search))).toBe(sort);
  });
});

const cloudNames = () =>
  within(screen.getByRole('list', { name: 'All tags' }))
    .getAllByRole('link')
    .map((a) => a.firstChild?.textContent);

describe('tags route /tags', () => {
  it('shows every tag by name, each linking to its page, sized by use', async () => {
    serveBundle(pageBundle());
    renderRoute('/tags');

    expect(await screen.findByRole('heading', { level: 1, name: 'Tags' })).toBeVisible();
    expect(cloudNames()).toEqual([
      'Automation',
      'AWS',
      'Cloud',
      'Containers',
      'Docker',
      'Logging',
      'Microservices',
      'Open Science',
      'Security',
    ]);
    const docker = screen.getByRole('link', { name: 'Docker, 2 talks' });
    expect(docker).toHaveAttribute('href', '/tags/docker');
    expect(docker).toHaveAttribute('data-size', '5');
    expect(screen.getByRole('link', { name: 'Security, 1 talk' })).toHaveAttribute(
      'data-size',
      '0',
    );
    expect(screen.getByRole('link', { name: 'Name' })).toHaveAttribute('aria-current', 'page');
    await waitFor(() => expect(document.title).toBe('Tags · Lanyard'));
  });

  it('sorts by count when asked, and keeps it in the URL', async () => {
    serveBundle(pageBundle());
    const { user, router } = renderRoute('/tags');

    await user.click(await screen.findByRole('link', { name: 'Count' }));
    expect(router.state.location.search).toBe('?sort=count');
    expect(cloudNames().slice(0, 3)).toEqual(['AWS', 'Cloud', 'Docker']);
    expect(screen.getByRole('link', { name: 'Count' })).toHaveAttribute('aria-current', 'page');

    await user.click(screen.getByRole('link', { name: 'Name' }));
    expect(router.state.location.search).toBe('');
    expect(cloudNames()[0]).toBe('Automation');
  });

  it('says so when there are no tags', async () => {
    serveBundle(makeBundle([{ title: 'Untagged' }]));
    renderRoute('/tags');
    expect(await screen.findByRole('heading', { name: 'No tags yet' })).toBeVisible();
  });
});

describe('tag route /tags/:tag', () => {
  it('lists the talks with the tag and the tags that go with it', async () => {
    serveBundle(pageBundle());
    renderRoute('/tags/docker');

    expect(await screen.findByRole('heading', { level: 1, name: 'Docker' })).toBeVisible();
    expect(
      screen
        .getAllByRole('link', { name: /Becoming the Admiral|Building Secure Systems/ })
        .map((a) => a.getAttribute('href')),
    ).toEqual([
      '/talks/lca-2018/becoming-the-admiral-mastering-docker-orchestration',
      '/talks/pycon-2015/building-secure-systems',
    ]);
    expect(screen.getByRole('link', { name: 'Show on the timeline' })).toHaveAttribute(
      'href',
      '/?tag=docker',
    );
    const together = screen.getByRole('region', { name: 'Often together with' });
    expect(
      within(together)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['/tags/containers', '/tags/logging', '/tags/security']);
    await waitFor(() => expect(document.title).toBe('Tag: Docker · Lanyard'));
  });

  it('shows the not-found page for an unknown tag', async () => {
    serveBundle(pageBundle());
    renderRoute('/tags/no-such-tag');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeVisible();
  });
});
