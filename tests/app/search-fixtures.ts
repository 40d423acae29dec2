/** The real sample notes, compiled once, served to the app's fetches as the built site serves them. */
import { readFile } from 'node:fs/promises';
import { compileFiles } from '../../src/pipeline/compile';
import { readNoteFiles, type RawFile } from '../../src/pipeline/read/files';
import { parseVocabulary } from '../../src/pipeline/enrich/tags';
import type { Bundle } from '../../src/shared/bundle';
import { shardSearchIndex } from '../../src/pipeline/emit/search-shards';
import { dataFilesOf, serveFiles } from './serve-data';
import {
  SEARCH_MANIFEST_FILE,
  searchShardFile,
  type SearchManifest,
} from '../../src/shared/search/shards';

export interface SampleSite {
  bundle: Bundle;
  manifest: SearchManifest;
  shards: unknown[];
}

let compiled: Promise<SampleSite> | undefined;

/** Notes → the site's data, as the build makes it (small shards, so searches read several). */
async function siteOf(files: RawFile[]): Promise<SampleSite> {
  // compileNotes, but with the vocabulary found from the working directory: under jsdom,
  // `import.meta.url` is not a file URL.
  const vocabularyFile = 'src/pipeline/enrich/data/tag-vocabulary.yaml';
  const { vocabulary } = parseVocabulary(await readFile(vocabularyFile, 'utf8'), vocabularyFile);
  const result = compileFiles(files, vocabulary, new Date('2026-01-01T00:00:00Z'));
  const { manifest, shards } = shardSearchIndex(result.searchIndex, 4096);
  // As the browser gets them: through JSON.
  return JSON.parse(JSON.stringify({ bundle: result.bundle, manifest, shards })) as SampleSite;
}

export function sampleSite(): Promise<SampleSite> {
  compiled ??= readNoteFiles('content').then(siteOf);
  return compiled;
}

/** One day of `count` talks that all mention `word`: more results than one page shows. */
export function manyTalksSite(count: number, word: string): Promise<SampleSite> {
  const talks = Array.from(
    { length: count },
    (_, i) => `## Talk ${i + 1} - Speaker ${i + 1}\nNotes about ${word} number ${i + 1}.\n`,
  );
  const text = `# Day 1\n\n${talks.join('\n')}`;
  return siteOf([{ path: 'big-conf/day-1.md', bytes: new TextEncoder().encode(text) }]);
}

/** Serves the catalog, the talks' files, the search manifest and its shards; else a 404. */
export function serveSite(site: { bundle: Bundle; manifest: unknown; shards: unknown[] }) {
  const search = new Map([
    [SEARCH_MANIFEST_FILE, JSON.stringify(site.manifest)],
    ...site.shards.map((shard, n) => [searchShardFile(n), JSON.stringify(shard)] as const),
  ]);
  return serveFiles(dataFilesOf(site.bundle), (name) => search.get(name));
}
