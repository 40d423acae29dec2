import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import type { CatalogTalk } from '../../shared/bundle';
import type { TagId } from '../../shared/ids';
import { paths, type TimelineFilters, type TimelineOrder, type ViewPath } from '../../shared/paths';
import { TagCloud, tagsOfTalks } from '../tags';
import { countActiveFilters, toggleFilter } from './filters';
import { plural } from '../../shared/plural';
import { FOCUS_RING } from '../../components/focus-ring';

/** Tags shown beside the timeline: enough to pick from, few enough to read at a glance. */
export const FILTERED_TAG_LIMIT = 20;

/**
 * The tags of the talks the filters leave, sized by how many of them carry each; a tag adds
 * itself to the filters. A side column on wide screens; on phones folded behind a button, so the
 * talks stay near the top.
 */
export function FilteredTagCloud({
  talks,
  filters,
  order,
  tagNames,
  pathOf = paths.home,
}: {
  talks: readonly CatalogTalk[];
  filters: TimelineFilters;
  order: TimelineOrder;
  tagNames: ReadonlyMap<TagId, string>;
  /** The page's URL for a view (the home page's unless given). */
  pathOf?: ViewPath;
}) {
  const headingId = useId();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const tags = tagsOfTalks(talks, (id) => tagNames.get(id) ?? id, {
    exclude: filters.tag ?? [],
    limit: FILTERED_TAG_LIMIT,
  });
  const filtered = countActiveFilters(filters) > 0;
  const heading = filtered ? 'Tags in these talks' : 'Popular tags';

  return (
    <aside
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 p-3 lg:sticky lg:top-4 lg:border-0 lg:p-0 dark:border-slate-800"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id={headingId} className="text-sm font-semibold text-slate-800 dark:text-slate-200">
          {heading}
        </h2>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((value) => !value)}
          className={`rounded-sm text-sm font-medium text-indigo-700 underline lg:hidden dark:text-indigo-300 ${FOCUS_RING}`}
        >
          {open ? 'Hide tags' : `Show ${plural(tags.length, 'tag')}`}
        </button>
      </div>
      <div id={listId} className={`mt-2 ${open ? '' : 'hidden lg:block'}`}>
        {tags.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No other tags here.</p>
        ) : (
          <TagCloud
            tags={tags}
            label={heading}
            compact
            hrefOf={(tag) => pathOf(toggleFilter(filters, 'tag', tag.id), order)}
            action="add to filters"
          />
        )}
        <p className="mt-3 text-sm">
          <Link
            to={paths.tags()}
            className={`rounded-sm font-medium text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-100 ${FOCUS_RING}`}
          >
            All tags
          </Link>
        </p>
      </div>
    </aside>
  );
}
