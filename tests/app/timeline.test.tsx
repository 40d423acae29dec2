import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoute } from './render-route';
import {
  lca,
  lcaDay1,
  lcaDay2,
  makeBundle,
  makeTalk,
  serveBundle,
  timelineBundle,
} from './timeline-fixtures';

const cardTitles = () =>
  screen.queryAllByRole('article').map((card) => within(card).getByRole('heading').textContent);

async function openTimeline(path = '/') {
  serveBundle(timelineBundle);
  const view = renderRoute(path);
  await screen.findByRole('heading', { level: 1, name: 'Talks' });
  return view;
}

/** Opens a field's popover and returns its options. */
async function openField(user: ReturnType<typeof renderRoute>['user'], field: string) {
  const filters = screen.getByRole('region', { name: 'Filters' });
  const summary = within(filters).getByText(field, { selector: 'summary' });
  await user.click(summary);
  return within(screen.getByRole('group', { name: field }));
}

describe('timeline /', () => {
  it('labels talks outside a track "Other talks" only on a day that has named tracks too', async () => {
    serveBundle(
      makeBundle(
        [{ id: lca, name: 'linux.conf.au 2018', year: 2018, location: 'Sydney, Australia' }],
        [
          makeTalk({ conference: lca, day: lcaDay1, title: 'Welcome' }),
          makeTalk({ conference: lca, day: lcaDay1, title: 'Hallway track' }),
          makeTalk({ conference: lca, day: lcaDay2, title: 'Morning keynote', track: 'Keynote' }),
          makeTalk({ conference: lca, day: lcaDay2, title: 'Unplanned demo' }),
        ],
      ),
    );
    renderRoute('/?order=oldest');
    const day1 = await screen.findByRole('region', { name: /^Day 1/ });
    // Day 1 has no track: its talks sit under the day, with no lone label above them.
    expect(within(day1).queryByText('Other talks')).toBeNull();
    expect(within(day1).queryByRole('group')).toBeNull();
    expect(
      within(day1)
        .getAllByRole('article')
        .map((card) => within(card).getByRole('heading').textContent),
    ).toEqual(['Welcome', 'Hallway track']);
    // Day 2 has a Keynote track, so the untracked talk keeps its "Other talks" group.
    const day2 = screen.getByRole('region', { name: /^Day 2/ });
    expect(within(day2).getByRole('group', { name: 'Keynote' })).toHaveTextContent(
      'Morning keynote',
    );
    expect(within(day2).getByRole('group', { name: 'Other talks' })).toHaveTextContent(
      'Unplanned demo',
    );
  });

  it('shows a card per talk with its details', async () => {
    await openTimeline();
    expect(cardTitles()).toEqual(timelineBundle.talks.map((t) => t.title));

    const card = screen
      .getAllByRole('article')
      .find((a) => a.textContent?.includes('Becoming the Admiral'));
    if (!card) throw new Error('no card');
    const c = within(card);
    expect(c.getByRole('link', { name: 'Becoming the Admiral' })).toHaveAttribute(
      'href',
      '/talks/lca-2018/becoming-the-admiral',
    );
    // The headings above say the conference, day and track; the card does not repeat them.
    // (the line is kept for a printed list only: hidden on screen).
    const place = c.getByText(/linux\.conf\.au 2018 · Day 2 · .* · Sysadmin miniconf/);
    expect(place.className.split(' ')).toEqual(expect.arrayContaining(['hidden', 'print:block']));
    const tags = within(c.getByRole('list', { name: 'Tags' })).getAllByRole('link');
    expect(tags.map((t) => t.textContent)).toEqual([
      'containers',
      'docker',
      'logging',
      'debugging',
      'security',
    ]);
    expect(tags[1]).toHaveAttribute('href', '/tags/docker');
    expect(c.getByText('3 links')).toBeVisible();
    expect(c.getByText('Notes on Becoming the Admiral.')).toHaveClass('line-clamp-2');

    expect(screen.getByText('Catherine Bracy (Code for America)')).toBeVisible();
    expect(screen.getByText('Laurens Van Houtven @lvh')).toBeVisible();
    const lightning = screen
      .getAllByRole('article')
      .find((a) => a.textContent?.includes('Lightning talks'));
    expect(lightning).toHaveTextContent('No notes taken');
  });

  it('shows a day note with its heading and sanitized html', async () => {
    await openTimeline();
    const note = screen.getByRole('note', { name: 'Breakfast' });
    expect(within(note).getByText('coffee').tagName).toBe('STRONG');
    // An introduction sits above the day's talks, a wrap-up below them, as written.
    const wrapUp = screen.getByRole('note', { name: 'Wrap up' });
    const pycon = screen.getByRole('region', { name: 'PyCon 2015' });
    const cards = within(pycon).getAllByRole('article');
    const follows = (a: Node, b: Node) =>
      Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(follows(note, cards[0] as Node)).toBe(true);
    expect(follows(cards.at(-1) as Node, wrapUp)).toBe(true);
    expect(within(wrapUp).getByRole('link', { name: 'a walk' })).toHaveAttribute(
      'href',
      'https://example.com/',
    );
  });

  it('orders conferences newest first, and oldest first from the toggle', async () => {
    const { user, router } = await openTimeline();
    const conferences = () =>
      screen
        .getAllByRole('heading', { level: 2 })
        .filter((h) => h.closest('aside') === null)
        .map((h) => h.textContent);
    expect(conferences()).toEqual(['linux.conf.au 2018', 'PyCon 2015']);
    expect(screen.getByRole('link', { name: 'Newest first' })).toHaveAttribute(
      'aria-current',
      'true',
    );

    await user.click(screen.getByRole('link', { name: 'Oldest first' }));
    expect(router.state.location.search).toBe('?order=oldest');
    expect(conferences()).toEqual(['PyCon 2015', 'linux.conf.au 2018']);

    await user.click(screen.getByRole('link', { name: 'Newest first' }));
    expect(router.state.location.search).toBe('');
  });

  it("keeps each conference's Day 2 apart, in the timeline and in the Day filter", async () => {
    const { user, router } = await openTimeline();
    // Each conference shows its own Day 2 under its own heading.
    for (const [name, talks] of [
      ['linux.conf.au 2018', ['Becoming the Admiral', 'Puppet in the cloud', 'Lightning talks']],
      ['PyCon 2015', ['Civic tech keynote', 'Building Secure Systems']],
    ] as const) {
      const conference = screen.getByRole('region', { name });
      const day2 = within(conference).getByRole('region', { name: /^Day 2/ });
      expect(
        within(day2)
          .getAllByRole('article')
          .map((card) => within(card).getByRole('heading').textContent),
      ).toEqual(talks);
    }

    const day = await openField(user, 'Day');
    expect(day.getAllByRole('checkbox')).toHaveLength(3);
    for (const name of [
      'linux.conf.au 2018 · Day 1, 1 talk',
      'linux.conf.au 2018 · Day 2, 3 talks',
      'PyCon 2015 · Day 2, 2 talks',
    ]) {
      expect(day.getByRole('checkbox', { name })).toBeEnabled();
    }
    await user.click(day.getByRole('checkbox', { name: 'PyCon 2015 · Day 2, 2 talks' }));
    expect(router.state.location.search).toBe('?day=pycon-2015.day-2');
    expect(cardTitles()).toEqual(['Civic tech keynote', 'Building Secure Systems']);
    expect(screen.getByRole('button', { name: /PyCon 2015 · Day 2/ })).toBeVisible();
  });

  it('filters by clicking options: URL, cards and counts change', async () => {
    const { user, router } = await openTimeline();
    const conference = await openField(user, 'Conference');
    expect(conference.getByRole('checkbox', { name: 'PyCon 2015, 2 talks' })).not.toBeChecked();
    await user.click(conference.getByRole('checkbox', { name: 'linux.conf.au 2018, 4 talks' }));

    expect(router.state.location.search).toBe('?conference=lca-2018');
    expect(cardTitles()).toEqual([
      'Opening keynote',
      'Becoming the Admiral',
      'Puppet in the cloud',
      'Lightning talks',
    ]);
    expect(screen.getByText(/^4 of 6 talks from 1 conference$/)).toBeVisible();

    const track = await openField(user, 'Track');
    expect(track.getByRole('checkbox', { name: 'Keynote, 1 talk' })).toBeEnabled();
    await user.click(track.getByRole('checkbox', { name: 'Sysadmin miniconf, 3 talks' }));
    expect(router.state.location.search).toBe('?conference=lca-2018&track=sysadmin-miniconf');

    const tag = await openField(user, 'Tag');
    expect(tag.getByRole('checkbox', { name: 'docker, 2 talks' })).toBeEnabled();
    expect(tag.getByRole('checkbox', { name: 'civic, 0 talks' })).toBeDisabled();
    await user.click(tag.getByRole('checkbox', { name: 'docker, 2 talks' }));
    expect(router.state.location.search).toBe(
      '?conference=lca-2018&track=sysadmin-miniconf&tag=docker',
    );
    expect(cardTitles()).toEqual(['Becoming the Admiral', 'Puppet in the cloud']);

    // Counts of other fields follow: PyCon now has no docker talk in the sysadmin miniconf.
    // (Opening the Conference popover closes the Tag one.)
    const conferenceAgain = await openField(user, 'Conference');
    expect(conferenceAgain.getByRole('checkbox', { name: 'PyCon 2015, 0 talks' })).toBeDisabled();
    expect(screen.getByText('Tag', { selector: 'summary' }).closest('details')).not.toHaveAttribute(
      'open',
    );
    const tagAgain = await openField(user, 'Tag');
    // A second value in the same field widens the view.
    await user.click(tagAgain.getByRole('checkbox', { name: 'AWS, 1 talk' }));
    expect(router.state.location.search).toBe(
      '?conference=lca-2018&track=sysadmin-miniconf&tag=docker&tag=aws',
    );
    expect(screen.getByRole('button', { name: 'Filters (4)' })).toBeInTheDocument();
  });

  it('restores filters from the URL and removes one with its chip', async () => {
    const { user, router } = await openTimeline('/?conference=lca-2018&tag=docker');
    expect(cardTitles()).toEqual(['Becoming the Admiral', 'Puppet in the cloud']);
    const chips = screen.getByRole('list', { name: 'Active filters' });
    expect(
      within(chips)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Remove filter Conference: linux.conf.au 2018', 'Remove filter Tag: docker']);

    await user.click(within(chips).getByRole('button', { name: 'Remove filter Tag: docker' }));
    expect(router.state.location.search).toBe('?conference=lca-2018');
    expect(cardTitles()).toHaveLength(4);
  });

  it('clears every filter but keeps the order', async () => {
    const { user, router } = await openTimeline('/?year=2015&speaker=lvh&order=oldest');
    expect(cardTitles()).toEqual(['Building Secure Systems']);
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(router.state.location.search).toBe('?order=oldest');
    expect(cardTitles()).toHaveLength(6);
    expect(screen.queryByRole('list', { name: 'Active filters' })).not.toBeInTheDocument();
  });

  it('shows an unknown value as a chip that matches nothing', async () => {
    const { user, router } = await openTimeline('/?tag=no-such-tag&track=nope');
    expect(cardTitles()).toEqual([]);
    expect(screen.getByRole('heading', { name: 'No talks match these filters' })).toBeVisible();
    expect(
      screen.getByRole('button', { name: 'Remove filter Tag: no-such-tag (unknown)' }),
    ).toBeVisible();
    const tag = await openField(user, 'Tag');
    expect(tag.getByRole('checkbox', { name: 'no-such-tag (unknown), 0 talks' })).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(router.state.location.search).toBe('');
    expect(cardTitles()).toHaveLength(6);
  });

  it('opens the filters as a modal sheet from "Filters (n)" on small screens', async () => {
    const { user, router } = await openTimeline('/?track=keynote');
    const button = screen.getByRole('button', { name: 'Filters (1)' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(button);
    const sheet = screen.getByRole('dialog', { name: 'Filters' });
    expect(sheet).toHaveAttribute('open');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(button).toHaveAttribute('aria-controls', sheet.id);
    expect(within(sheet).getByRole('heading', { name: 'Filters' })).toHaveFocus();

    // A choice made in the sheet filters the timeline behind it; the sheet stays open.
    await user.click(within(sheet).getByText('Day', { selector: 'summary' }));
    await user.click(
      within(sheet).getByRole('checkbox', { name: 'linux.conf.au 2018 · Day 1, 1 talk' }),
    );
    expect(router.state.location.search).toBe('?day=lca-2018.day-1&track=keynote');
    expect(cardTitles()).toEqual(['Opening keynote']);

    await user.click(within(sheet).getByRole('button', { name: 'Show 1 talk' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
  });

  it('keeps Tab inside the open sheet, and Escape closes it back to its button', async () => {
    const { user } = await openTimeline();
    const button = screen.getByRole('button', { name: 'Filters (0)' });
    await user.click(button);
    const sheet = screen.getByRole('dialog', { name: 'Filters' });
    const close = within(sheet).getByRole('button', { name: 'Show 6 talks' });
    const summaries = [...sheet.querySelectorAll('summary')];
    const last = summaries.at(-1);
    expect(summaries.map((s) => s.textContent?.replace('▾', ''))).toEqual([
      'Conference',
      'Year',
      'Day',
      'Track',
      'Tag',
      'Speaker',
    ]);

    await user.tab();
    expect(close).toHaveFocus();
    for (let i = 0; i < summaries.length; i += 1) await user.tab();
    expect(last).toHaveFocus();
    await user.tab();
    expect(close).toHaveFocus(); // wrapped from the last control to the first
    await user.tab({ shift: true });
    expect(last).toHaveFocus(); // and back again

    // Escape first closes an open popover inside the sheet, then the sheet itself.
    await user.click(last as HTMLElement);
    expect(last?.closest('details')).toHaveAttribute('open');
    await user.keyboard('{Escape}');
    expect(last?.closest('details')).not.toHaveAttribute('open');
    expect(screen.getByRole('dialog', { name: 'Filters' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('closes a filter popover on Escape and on a click elsewhere', async () => {
    const { user } = await openTimeline();
    await openField(user, 'Tag');
    const summary = screen.getByText('Tag', { selector: 'summary' });
    const details = summary.closest('details');
    expect(details).toHaveAttribute('open');
    await user.keyboard('{Escape}');
    expect(details).not.toHaveAttribute('open');
    expect(summary).toHaveFocus();

    await user.click(summary);
    expect(details).toHaveAttribute('open');
    await user.click(screen.getByRole('heading', { level: 1, name: 'Talks' }));
    expect(details).not.toHaveAttribute('open');
  });

  it('moves focus between cards with j and k, not while typing', async () => {
    const { user } = await openTimeline();
    const links = screen
      .getAllByRole('article')
      .map((card) => within(card).getAllByRole('link')[0]);
    await user.keyboard('j');
    expect(links[0]).toHaveFocus();
    await user.keyboard('jj');
    expect(links[2]).toHaveFocus();
    await user.keyboard('k');
    expect(links[1]).toHaveFocus();
    await user.keyboard('kkk');
    expect(links[0]).toHaveFocus();

    const checkbox = (await openField(user, 'Year')).getByRole('checkbox', {
      name: '2018, 4 talks',
    });
    checkbox.focus();
    await user.keyboard('j');
    expect(checkbox).toHaveFocus();
  });

  it('opens the focused card with Enter', async () => {
    const { user, router } = await openTimeline();
    await user.keyboard('j');
    await user.keyboard('{Enter}');
    expect(router.state.location.pathname).toBe('/talks/lca-2018/opening-keynote');
  });
});
