/** What other features use of the export feature; they import it from here only (eslint). */
import { lazy, Suspense, type ComponentProps } from 'react';

const LazyListTools = lazy(async () => ({ default: (await import('./list-tools')).ListTools }));

/**
 * Share, export and print a list of talks. Its own chunk: it shows only once a list is filtered or
 * starred (never on a prerendered page), so no page's first load carries it.
 */
export function ListTools(props: ComponentProps<typeof LazyListTools>) {
  return (
    <Suspense fallback={null}>
      <LazyListTools {...props} />
    </Suspense>
  );
}
