import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { useBundle } from '../../features/talks/api';
import { Timeline } from '../../features/timeline/timeline';

/** `/`: every compiled talk on one timeline, filtered by the query parameters. */
export function HomeRoute() {
  const { data: bundle, error, refetch, isFetching } = useBundle();

  if (!bundle) {
    if (error) {
      return (
        <ErrorState
          title="Could not load the notes"
          message={error.message}
          onRetry={() => void refetch()}
          retrying={isFetching}
        />
      );
    }
    return <LoadingState label="Loading notes…" />;
  }

  if (bundle.talks.length === 0 && bundle.dayNotes.length === 0) {
    return <EmptyState title="No notes yet: add a .md or .txt file under content/" />;
  }

  return <Timeline bundle={bundle} />;
}
