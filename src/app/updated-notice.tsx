import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { bundleQuery } from '../features/talks/api';
import { formatDate } from '../features/talks/format';
import { useHydrated } from '../components/use-hydrated';

const SEEN_KEY = 'lanyard-seen-build';

function readSeen(): string | null {
  // Prerendering has no storage: asked on every page, so not by catching the error.
  if (typeof localStorage === 'undefined') return null;
  try {
    return localStorage.getItem(SEEN_KEY);
  } catch {
    return null;
  }
}

function storeSeen(generatedAt: string): void {
  try {
    localStorage.setItem(SEEN_KEY, generatedAt);
  } catch {
    // Storage blocked: the notice then shows nothing, which is fine.
  }
}

/**
 * "These notes were updated": shown once when the notes this browser shows were built after the
 * ones it showed last time (a new build picked up by the service worker, or a plain rebuild).
 * Read after the first render, so prerendered pages hydrate unchanged.
 */
export function UpdatedNotice() {
  const generatedAt = useQuery({ ...bundleQuery(), select: (bundle) => bundle.generatedAt }).data;
  const hydrated = useHydrated();
  // The build this browser showed last time (none on the server): read once, before it is replaced.
  const [seenBefore] = useState(readSeen);
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    if (generatedAt) storeSeen(generatedAt);
  }, [generatedAt]);

  const updatedAt =
    hydrated && generatedAt && seenBefore !== null && seenBefore !== generatedAt && !dismissed
      ? generatedAt
      : null;
  if (!updatedAt) return null;
  return (
    <div
      role="status"
      className="mx-auto mt-3 flex max-w-6xl items-center justify-between gap-3 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
    >
      <span>These notes were updated: built {formatDate(updatedAt.slice(0, 10))}.</span>
      <button
        type="button"
        onClick={() => setDismissed(true)}
        className="rounded-sm px-1 font-medium underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        Dismiss
      </button>
    </div>
  );
}
