import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState } from './empty-state.tsx';
import { ErrorState } from './error-state.tsx';
import { LoadingState } from './loading-state.tsx';

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  /** Renders the data once it is there (and not empty). */
  children: (data: T) => ReactNode;
  /** When `when(data)` is true, `message` is shown instead of `children`. */
  empty?: { when: (data: T) => boolean; message: string };
}

/** The one way a view renders a query: loading, error with retry, empty, or the data. */
export function QueryState<T>({ query, children, empty }: QueryStateProps<T>) {
  // A retry after an error shows progress rather than the stale error.
  if (query.isPending || (query.isError && query.isFetching)) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (empty?.when(query.data)) return <EmptyState message={empty.message} />;
  return children(query.data);
}
