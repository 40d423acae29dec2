import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildFacetIndex, facetOptions, filterTalks } from '../../src/features/timeline/filters';
import { groupTimeline, limitTimeline } from '../../src/features/timeline/group-timeline';
import { PAGE_SIZE } from '../../src/features/timeline/timeline';
import type { Day, Talk } from '../../src/shared/bundle';
import { toConferenceId, toDayId } from '../../src/shared/ids';
import { renderRoute } from './render-route';
import { toCatalog } from '../../src/shared/catalog';
import { makeBundle, makeTalk, serveBundle } from './timeline-fixtures';

/** `conferences` × `days` × `perDay` talks, with a few tags, tracks and speakers each. */
function largeBundle(conferences: number, days: number, perDay: number) {
  const talks: Talk[] = [];
  const list = Array.from({ length: conferences }, (_, c) => {
    const id = toConferenceId(`conf-${2000 + c}`);
    for (let d = 1; d <= days; d++) {
      const day: Day = { id: toDayId(`Day ${d}`), label: `Day ${d}`, number: d };
      for (let t = 0; t < perDay; t++) {
        talks.push(
          makeTalk({
            conference: id,
            day,
            title: `Talk ${c}-${d}-${t}`,
            speakers: [{ name: `Speaker ${(c * 7 + t) % 300}` }],
            track: `Track ${t % 4}`,
            tags: [`tag-${t % 40}`, `tag-${(c + d) % 40}`],
          }),
        );
      }
    }
    return { id, name: `Conf ${2000 + c}`, year: 2000 + c };
  });
  return makeBundle(list.reverse(), talks);
}

describe('a large timeline', () => {
  it('renders a page of whole days, and more on "Show more"', async () => {
    serveBundle(largeBundle(3, 4, 40)); // 480 talks, 12 days of 40
    const { user } = renderRoute('/');
    await screen.findByText('Talks', { selector: 'h1' });
    const pageDays = Math.ceil(PAGE_SIZE / 40);
    expect(document.querySelectorAll('article')).toHaveLength(pageDays * 40);
    await user.click(screen.getByText(/^Show more talks/));
    expect(document.querySelectorAll('article')).toHaveLength(Math.ceil((2 * PAGE_SIZE) / 40) * 40);
  });

  it('filters and counts 10,000 talks quickly', () => {
    const bundle = toCatalog(largeBundle(10, 4, 250));
    expect(bundle.talks).toHaveLength(10_000);
    const start = performance.now();
    const index = buildFacetIndex(bundle);
    const filters = { tag: ['tag-3', 'tag-5'], track: ['track-1'] };
    const talks = filterTalks(index, filters);
    const options = facetOptions(index, filters);
    const groups = limitTimeline(
      groupTimeline(bundle, talks, { order: 'newest', keepNoteOnlyDays: false }),
      PAGE_SIZE,
    );
    const elapsed = performance.now() - start;
    console.info(`10,000 talks: index + filter + facets + group in ${elapsed.toFixed(0)} ms`);
    expect(options.tag.find((o) => o.value === 'tag-3')?.count).toBeGreaterThan(0);
    expect(groups.shown).toBeLessThanOrEqual(talks.length);
    expect(elapsed).toBeLessThan(1500);
  });

  it('renders the first page of 10,000 talks', async () => {
    serveBundle(largeBundle(10, 4, 250));
    const start = performance.now();
    renderRoute('/');
    await screen.findByText('Talks', { selector: 'h1' });
    const elapsed = performance.now() - start;
    console.info(`10,000 talks: first render in ${elapsed.toFixed(0)} ms (jsdom)`);
    expect(document.querySelectorAll('article')).toHaveLength(250);
    expect(screen.getByText('10000 talks from 10 conferences', { selector: 'p' })).toBeVisible();
    // Building 10,000 talks and rendering them in jsdom: slow on a busy machine, and not a timing test.
  }, 30_000);
});
