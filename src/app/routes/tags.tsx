import { Link, useSearchParams } from 'react-router-dom';
import { QueryGate } from '../../components/bundle-gate';
import { EmptyState } from '../../components/empty-state';
import { TagCloud } from '../../features/tags/tag-cloud';
import { readTagSort, sortTags } from '../../features/tags/tag-stats';
import { useBundleIndex } from '../../features/talks/use-bundle-index';
import { paths, type TagSort } from '../../shared/paths';
import { noun, plural } from '../../shared/plural';
import { describePage, type PageRoute } from '../page-route';

const SORTS: Array<{ sort: TagSort; label: string }> = [
  { sort: 'name', label: 'Name' },
  { sort: 'count', label: 'Count' },
];

/** `/tags`: every tag, sized by use, sorted by name or (`?sort=count`) by count. */
export const tagsRoute: PageRoute = {
  path: 'tags',
  Component: TagsRoute,
  head: (_, catalog) => describePage('Tags', `${plural(catalog.tags.length, 'tag')} in the notes.`),
  staticPaths: () => [paths.tags()],
};

function TagsRoute() {
  const [params] = useSearchParams();
  const sort = readTagSort(params);
  return (
    <QueryGate query={useBundleIndex()}>
      {({ bundle }) =>
        bundle.tags.length === 0 ? (
          <EmptyState title="No tags yet">
            Tags come from the notes&apos; front matter and from words the tag vocabulary knows.
          </EmptyState>
        ) : (
          <>
            <h1 className="text-3xl font-bold tracking-tight">Tags</h1>
            <p className="mt-1 text-slate-600 dark:text-slate-400">
              {bundle.tags.length} {noun(bundle.tags.length, 'tag')} across {bundle.talks.length}{' '}
              {noun(bundle.talks.length, 'talk')}
            </p>
            <nav aria-label="Sort tags" className="mt-4 flex items-center gap-2 text-sm">
              <span className="text-slate-500 dark:text-slate-400">Sort by</span>
              {SORTS.map((option) => (
                <Link
                  key={option.sort}
                  to={paths.tags(option.sort)}
                  aria-current={option.sort === sort ? 'page' : undefined}
                  className="rounded-full border border-slate-300 px-3 py-0.5 text-slate-700 dark:text-slate-300 hover:bg-slate-50 dark:hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-400 aria-[current=page]:border-indigo-600 aria-[current=page]:bg-indigo-600 aria-[current=page]:text-white"
                >
                  {option.label}
                </Link>
              ))}
            </nav>
            <div className="mt-6">
              <TagCloud tags={sortTags(bundle.tags, sort)} label="All tags" />
            </div>
          </>
        )
      }
    </QueryGate>
  );
}
