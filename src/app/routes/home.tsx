import { QueryGate } from '../../components/bundle-gate';
import { EmptyState } from '../../components/empty-state';
import { useBundle } from '../../features/talks/api';
import { Timeline } from '../../features/timeline/timeline';

/** `/`: every compiled talk on one timeline, filtered by the query parameters. */
export function HomeRoute() {
  return (
    <QueryGate query={useBundle()}>
      {(bundle) =>
        bundle.talks.length === 0 && bundle.dayNotes.length === 0 ? (
          <EmptyState title="No notes yet: add a .md or .txt file under content/" />
        ) : (
          <Timeline bundle={bundle} />
        )
      }
    </QueryGate>
  );
}
