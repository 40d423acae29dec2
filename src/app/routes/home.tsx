import { QueryGate } from '../../components/bundle-gate';
import { EmptyState } from '../../components/empty-state';
import { ListTools } from '../../features/export';
import { useBundle } from '../../features/talks/api';
import { SITE_NAME } from '../../features/talks/document-title';
import { Timeline } from '../../features/timeline/timeline';
import { paths } from '../../shared/paths';
import { plural } from '../../shared/plural';
import { describePage, type PageRoute } from '../page-route';

/** `/`: every compiled talk on one timeline, filtered by the query parameters. */
export const homeRoute: PageRoute = {
  path: '',
  Component: HomeRoute,
  head: (_, catalog) =>
    describePage(
      SITE_NAME,
      `Notes from ${plural(catalog.talks.length, 'talk')} at ${catalog.conferences
        .map((c) => c.name)
        .join(', ')}.`,
    ),
  staticPaths: () => [paths.home()],
};

function HomeRoute() {
  return (
    <QueryGate query={useBundle()}>
      {(bundle) =>
        bundle.talks.length === 0 && bundle.dayNotes.length === 0 ? (
          <EmptyState title="No notes yet: add a .md or .txt file under content/" />
        ) : (
          <Timeline
            bundle={bundle}
            // A filtered view can be shared, exported and printed; all the notes are the site.
            tools={({ talks, filtered }) =>
              filtered ? (
                <ListTools title="Talks" talks={talks} conferences={bundle.conferences} />
              ) : null
            }
          />
        )
      }
    </QueryGate>
  );
}
