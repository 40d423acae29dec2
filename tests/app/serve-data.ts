/** The app's fetches answered with the files the build publishes for a bundle (site-data.ts). */
import { vi } from 'vitest';
import { toDataFiles } from '../../src/pipeline/site-data';
import type { Bundle } from '../../src/shared/bundle';

/** File name (`data/catalog.json`) → its JSON text, as the build writes it. */
export function dataFilesOf(bundle: Bundle): Map<string, string> {
  return new Map(
    toDataFiles(bundle).map(({ fileName, source }) => [
      fileName,
      typeof source === 'string' ? source : new TextDecoder().decode(source),
    ]),
  );
}

/** Serves `files` (name → JSON text) at `/<name>`; anything else is a 404. */
export function serveFiles(files: ReadonlyMap<string, string>) {
  const fetchMock = vi.fn((url: string) => {
    const text = files.get(url.replace(/^\//, ''));
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
