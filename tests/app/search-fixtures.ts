/** The real sample notes, compiled once, served to the app's fetches as the built site serves them. */
import { vi } from 'vitest';
import { readFile } from 'node:fs/promises';
import { compileFiles } from '../../src/pipeline/compile';
import { readNoteFiles } from '../../src/pipeline/read';
import { parseVocabulary } from '../../src/pipeline/tags';
import type { Bundle } from '../../src/shared/bundle';
import { BUNDLE_FILE, SEARCH_INDEX_FILE } from '../../src/shared/data-files';

let compiled: Promise<{ bundle: Bundle; searchIndex: unknown }> | undefined;

export function sampleSite(): Promise<{ bundle: Bundle; searchIndex: unknown }> {
  // compileNotes, but with the vocabulary found from the working directory: under jsdom,
  // `import.meta.url` is not a file URL.
  compiled ??= (async () => {
    const vocabularyFile = 'src/pipeline/data/tag-vocabulary.yaml';
    const { vocabulary } = parseVocabulary(await readFile(vocabularyFile, 'utf8'), vocabularyFile);
    const files = await readNoteFiles('content');
    const result = compileFiles(files, vocabulary, new Date('2026-01-01T00:00:00Z'));
    // As the browser gets them: through JSON.
    return JSON.parse(JSON.stringify(result)) as { bundle: Bundle; searchIndex: unknown };
  })();
  return compiled;
}

/** Serves `bundle.json` and `search-index.json`; anything else is a 404. Returns the fetch spy. */
export function serveSite(site: { bundle: unknown; searchIndex: unknown }) {
  const fetchMock = vi.fn((url: string) => {
    if (url.endsWith(BUNDLE_FILE)) return Promise.resolve(Response.json(site.bundle));
    if (url.endsWith(SEARCH_INDEX_FILE)) return Promise.resolve(Response.json(site.searchIndex));
    return Promise.resolve(new Response('not found', { status: 404 }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
