/** The app's fetches answered with the files the build publishes for a bundle (site-data.ts). */
import { vi } from 'vitest';
import type { Bundle } from '../../src/shared/bundle';
import { toCatalog, toLinksFile } from '../../src/shared/catalog';
import { CATALOG_FILE, LINKS_FILE, talkFile } from '../../src/shared/data-files';

/**
 * File name (`data/catalog.json`) → its JSON text, as the build writes it; made when asked for,
 * so a test of 10,000 talks does not serialize 10,000 talk files it never opens.
 */
export function dataFilesOf(bundle: Bundle): (name: string) => string | undefined {
  const talks = new Map(bundle.talks.map((talk) => [talkFile(talk.id), talk]));
  let catalog: string | undefined;
  return (name) => {
    if (name === CATALOG_FILE) return (catalog ??= JSON.stringify(toCatalog(bundle)));
    if (name === LINKS_FILE) return JSON.stringify(toLinksFile(bundle));
    const talk = talks.get(name);
    return talk ? JSON.stringify(talk) : undefined;
  };
}

/** Serves `files` (name → JSON text) at `/<name>`; anything else is a 404. */
export function serveFiles(...sources: Array<(name: string) => string | undefined>) {
  const fetchMock = vi.fn((url: string) => {
    const name = url.replace(/^\//, '');
    const text = sources.map((source) => source(name)).find((found) => found !== undefined);
    return Promise.resolve(
      text === undefined
        ? new Response('not found', { status: 404 })
        : new Response(text, { headers: { 'content-type': 'application/json' } }),
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** Serves the catalog, talk files and links of `bundle`. */
export const serveBundle = (bundle: Bundle) => serveFiles(dataFilesOf(bundle));
