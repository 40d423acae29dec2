import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Bundle } from '../../shared/bundle';
import { BUNDLE_FILE } from '../../shared/data-files';
import { SCHEMA_VERSION } from '../../shared/schema-version';

/** The lists every bundle carries; a bundle missing one is corrupt. */
const BUNDLE_LISTS = ['conferences', 'talks', 'dayNotes', 'tags', 'speakers'] as const;

/** The bundle could not be loaded or is not one this app can read. The message is for people. */
export class BundleLoadError extends Error {
  override name = 'BundleLoadError';
}

/** Where the compiled notes live, under the site's base path (`/notes/data/bundle.json`). */
export const bundleUrl = (): string => `${import.meta.env.BASE_URL}${BUNDLE_FILE}`;

/**
 * Checks that `data` is a bundle this app understands. Only the envelope is checked (the compiler
 * validated every talk with the shared schema when it wrote the file), which keeps zod's cost out
 * of page load at 10,000 talks.
 */
export function assertBundle(data: unknown, url: string): Bundle {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new BundleLoadError(`${url} is not a Lanyard bundle: expected a JSON object.`);
  }
  const record = data as Record<string, unknown>;
  const version = record.schemaVersion;
  if (version === undefined) {
    throw new BundleLoadError(`${url} has no schemaVersion, so it is not a Lanyard bundle.`);
  }
  if (version !== SCHEMA_VERSION) {
    throw new BundleLoadError(
      `${url} has schemaVersion ${JSON.stringify(version)}, but this app reads version ${SCHEMA_VERSION}. Rebuild the notes with "npm run build".`,
    );
  }
  const missing = BUNDLE_LISTS.filter((key) => !Array.isArray(record[key]));
  if (missing.length > 0) {
    throw new BundleLoadError(
      `${url} is corrupt: ${missing.map((key) => `"${key}"`).join(', ')} missing or not a list.`,
    );
  }
  return data as Bundle;
}

/** Fetches and checks the compiled notes. Every failure becomes a {@link BundleLoadError}. */
export async function fetchBundle({ signal }: { signal?: AbortSignal } = {}): Promise<Bundle> {
  const url = bundleUrl();
  let response: Response;
  try {
    response = await fetch(url, { signal: signal ?? null });
  } catch (error) {
    if (signal?.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new BundleLoadError(`Could not load ${url}: ${reason}`);
  }
  if (!response.ok) {
    const detail = (await response.text().catch(() => '')).trim().slice(0, 2000);
    throw new BundleLoadError(
      `Could not load ${url}: HTTP ${response.status}${detail ? `\n${detail}` : ''}`,
    );
  }
  if (response.headers.get('content-type')?.includes('text/html')) {
    // A static host's fallback page: the file itself does not exist.
    throw new BundleLoadError(
      `${url} was not found (the server sent a web page instead). Build the notes with "npm run build".`,
    );
  }
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new BundleLoadError(`${url} is corrupt: it is not valid JSON.`);
  }
  return assertBundle(data, url);
}

/** The one query for the compiled notes; views derive from it with `select`. */
export const bundleQuery = () =>
  queryOptions({ queryKey: ['bundle'] as const, queryFn: fetchBundle, staleTime: Infinity });

export const useBundle = () => useQuery(bundleQuery());
