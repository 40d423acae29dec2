/**
 * The compiled notes, as the app fetches them: the catalog (every talk as a card) for every page,
 * one talk's notes when its page opens, and every link for the links page. Each is one react-query
 * query; views derive from them with `select`.
 */
import { useQuery } from '@tanstack/react-query';
import type { Catalog, LinksFile, Talk } from '../../shared/bundle';
import { CATALOG_FILE, LINKS_FILE, talkFile } from '../../shared/data-files';
import type { TalkId } from '../../shared/ids';
import { SCHEMA_VERSION } from '../../shared/schema-version';

/** The lists every catalog carries; a catalog missing one is corrupt. */
const CATALOG_LISTS = ['conferences', 'talks', 'dayNotes', 'tags', 'speakers'] as const;

/** The notes could not be loaded or are not ones this app can read. The message is for people. */
export class BundleLoadError extends Error {
  override name = 'BundleLoadError';
}

/**
 * The file could not be downloaded at all (no response): the network is off, and the offline
 * copy (the service worker's precache) does not hold it.
 */
export class NotSavedOfflineError extends BundleLoadError {
  override name = 'NotSavedOfflineError';
}

/** A data file's URL under the site's base path (`/notes/data/catalog.json`). */
const dataUrl = (file: string): string => `${import.meta.env.BASE_URL}${file}`;

function assertObject(data: unknown, url: string, what: string): Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new BundleLoadError(`${url} is not ${what}: expected a JSON object.`);
  }
  return data as Record<string, unknown>;
}

function assertVersion(record: Record<string, unknown>, url: string, what: string): void {
  const version = record.schemaVersion;
  if (version === undefined) {
    throw new BundleLoadError(`${url} has no schemaVersion, so it is not ${what}.`);
  }
  if (version !== SCHEMA_VERSION) {
    throw new BundleLoadError(
      `${url} has schemaVersion ${JSON.stringify(version)}, but this app reads version ${SCHEMA_VERSION}. Rebuild the notes with "npm run build".`,
    );
  }
}

/**
 * Checks that `data` is a catalog this app understands. Only the envelope is checked (the compiler
 * validated every talk with the shared schema when it wrote the file), which keeps zod's cost out
 * of page load at 10,000 talks.
 */
export function assertCatalog(data: unknown, url: string): Catalog {
  const record = assertObject(data, url, 'a Lanyard catalog');
  assertVersion(record, url, 'a Lanyard catalog');
  const missing = CATALOG_LISTS.filter((key) => !Array.isArray(record[key]));
  if (missing.length > 0) {
    throw new BundleLoadError(
      `${url} is corrupt: ${missing.map((key) => `"${key}"`).join(', ')} missing or not a list.`,
    );
  }
  return data as Catalog;
}

function assertTalk(data: unknown, url: string, id: TalkId): Talk {
  const record = assertObject(data, url, `the notes of ${id}`);
  if (record.id !== id || typeof record.html !== 'string' || !Array.isArray(record.links)) {
    throw new BundleLoadError(`${url} is corrupt: it is not the notes of ${id}.`);
  }
  return data as Talk;
}

function assertLinks(data: unknown, url: string): LinksFile {
  const record = assertObject(data, url, 'the links of the notes');
  assertVersion(record, url, 'the links of the notes');
  if (!Array.isArray(record.talks)) throw new BundleLoadError(`${url} is corrupt: no talks list.`);
  return data as LinksFile;
}

/** Fetches a data file as JSON. Every failure becomes a {@link BundleLoadError}. */
async function fetchData(
  file: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<{ url: string; data: unknown }> {
  const url = dataUrl(file);
  let response: Response;
  try {
    response = await fetch(url, { signal: signal ?? null });
  } catch (error) {
    if (signal?.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new NotSavedOfflineError(`Could not load ${url}: ${reason}`);
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
  try {
    return { url, data: await response.json() };
  } catch {
    throw new BundleLoadError(`${url} is corrupt: it is not valid JSON.`);
  }
}

/**
 * A query for one data file, read and checked by `parse`. `meta.file` names the file, so the
 * prerenderer can put the file it reads from the build in the cache under the same key.
 */
const dataQuery = <const K extends readonly unknown[], T>(
  queryKey: K,
  file: string,
  parse: (data: unknown, url: string) => T,
) => ({
  queryKey,
  queryFn: async ({ signal }: { signal: AbortSignal }): Promise<T> => {
    const { url, data } = await fetchData(file, { signal });
    return parse(data, url);
  },
  staleTime: Infinity,
  // Fetch even when the browser says it is offline: the service worker may hold the file, and a
  // file it does not hold fails at once (NotSavedOfflineError) instead of waiting, paused, forever.
  networkMode: 'always' as const,
  meta: { file },
});

/** A query for a data file, as pages declare the data they load (route modules' `load`). */
export type DataQuery = ReturnType<typeof dataQuery<readonly unknown[], unknown>>;

/** The one query for the catalog; views derive from it with `select`. */
export const bundleQuery = () => dataQuery(['catalog'], CATALOG_FILE, assertCatalog);

export const useBundle = () => useQuery(bundleQuery());

/**
 * The catalog once some page has fetched it, without fetching it: for what every page shows
 * around it (footer, tab title), so a page that draws without the catalog (search) is not made
 * to download it first.
 */
export const useCatalogIfLoaded = () => useQuery({ ...bundleQuery(), enabled: false }).data;

/** One talk with its notes (`data/talks/<id>.json`). */
export const talkQuery = (id: TalkId) =>
  dataQuery(['talk', id], talkFile(id), (data, url) => assertTalk(data, url, id));

/** Every talk's links (`data/links.json`), for the links page. */
export const linksQuery = () => dataQuery(['links'], LINKS_FILE, assertLinks);

/** Every query that reads the compiled notes: refetched when the notes change (dev server). */
export const isNotesQuery = (query: { queryKey: readonly unknown[] }): boolean =>
  ['catalog', 'talk', 'links'].includes(String(query.queryKey[0]));
