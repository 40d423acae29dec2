import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Highlighter, Highlighting } from './highlighted-text';

/** The highlighter module, fetched once (its own chunk) when a search or `?hl=` needs it. */
export const highlighterQuery = () =>
  queryOptions({
    queryKey: ['highlighter'] as const,
    queryFn: (): Promise<Highlighter> => import('../../shared/search/highlight'),
    staleTime: Infinity,
    gcTime: Infinity,
  });

/** Highlighting for `terms` (marks appear once the highlighter has loaded); undefined without terms. */
export function useHighlighting(terms: readonly string[]): Highlighting | undefined {
  const query = useQuery({ ...highlighterQuery(), enabled: terms.length > 0 });
  return terms.length > 0 ? { terms, highlighter: query.data } : undefined;
}
