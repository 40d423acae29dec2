import { useMemo } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { useBundle } from '../../features/talks/api';
import { groupTalks } from '../../features/talks/group-talks';
import { ConferenceSection } from '../../features/talks/talk-list';

/** `/`: every compiled talk, grouped conference → day → track. */
export function HomeRoute() {
  const { data: bundle, error, refetch, isFetching } = useBundle();
  const groups = useMemo(() => (bundle ? groupTalks(bundle) : []), [bundle]);

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

  if (bundle.talks.length === 0) {
    return <EmptyState title="No notes yet: add a .md or .txt file under content/" />;
  }

  const conferenceCount = groups.length;
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Talks</h1>
      <p className="mt-1 mb-6 text-slate-600">
        {bundle.talks.length} {bundle.talks.length === 1 ? 'talk' : 'talks'} from {conferenceCount}{' '}
        {conferenceCount === 1 ? 'conference' : 'conferences'}
      </p>
      {groups.map((group) => (
        <ConferenceSection key={group.conference.id} group={group} />
      ))}
    </>
  );
}
