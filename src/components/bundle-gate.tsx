import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorState } from './error-state';
import { LoadingState } from './loading-state';

/**
 * Renders `children(data)` once a query has data; until then a loading state, or an error with a
 * Retry. Pages use it so none of them is ever blank.
 */
export function QueryGate<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { data, error, refetch, isFetching } = query;
  if (data !== undefined) return <>{children(data)}</>;
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
