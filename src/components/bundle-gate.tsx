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
  failed,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** What a failure shows instead of the error, when the page knows better (undefined: the error). */
  failed?: (error: Error) => ReactNode;
}) {
  const { data, error, refetch, isFetching } = query;
  if (data !== undefined) return <>{children(data)}</>;
  const instead = error ? failed?.(error) : undefined;
  if (instead) return <>{instead}</>;
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
