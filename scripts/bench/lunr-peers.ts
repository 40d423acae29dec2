/**
 * Engine-only search timings in Node, on the same corpus and the same keystrokes: one monolithic
 * lunr index over every talk (same fields, boosts and pipeline as the build's) against our engine
 * (src/features/search/engine.ts) reading the built shards from disk. Like for like: no browser,
 * no rendering, no network; a shard read from disk stands in for a fetch.
 *
 * Runs in its own process (a 50,000-talk index needs gigabytes of heap):
 *
 *   node --max-old-space-size=16000 --import tsx scripts/bench/lunr-peers.ts CONTENT DIST OUT.json
 *
 * Writes `LunrPeerFigures` as JSON to OUT.json.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createSearchEngine } from '../../src/features/search/engine';
import { compileNotes } from '../../src/pipeline/compile';
import type { Bundle } from '../../src/shared/bundle';
import { BUNDLE_FILE } from '../../src/shared/data-files';
import { indexDocuments, toSearchDocument } from '../../src/pipeline/enrich/search-index';
import { loadSearchIndex } from '../../src/shared/search/index-file';
import { searchTalks, type SearchableTalk } from '../../src/shared/search/query';
import {
  SEARCH_MANIFEST_FILE,
  searchShardFile,
  type SearchManifest,
  type SearchShard,
} from '../../src/shared/search/shards';
import { compressedSizes } from './file-sizes';
import { corpusQueries, keystrokesOf, round1, summarizeTimings, type Timings } from './queries';

export interface EngineTimings {
  /** Loading what the first query needs: JSON.parse (+ lunr.Index.load, or the manifest's tries), ms. */
  loadMs: number;
  /** The first time through the keystrokes (our engine reads shards as it goes). */
  cold: Timings;
  /** The same keystrokes again (every shard cached). */
  warm: Timings;
  /** The first keystroke alone (the monolithic index builds its card-terms trie then), ms. */
  firstKeystrokeMs: number;
}

export interface LunrPeerFigures {
  talks: number;
  /**
   * Getting the talks (not part of either index), s: reading the build's `data/bundle.json`, or
   * compiling the corpus again when that file cannot be read into one string.
   */
  talksSeconds: number;
  monolithic: {
    /** `indexDocuments` over every talk, s. */
    buildSeconds: number;
    /** Serialized index; null when it does not fit in one JavaScript string. */
    bytes: { raw: number; gzip: number; brotli: number; brotliQuality: number } | null;
    /** Why it was not measured further, e.g. "too big". */
    skipped?: string;
    timings: EngineTimings | null;
  };
  ours: EngineTimings & {
    /** The first full query after loading, its shards read from disk, ms. */
    firstQueryMs: number;
    /** Raw bytes of the manifest and the shards read to answer the first full query. */
    bytesForFirstQuery: number;
    /** Raw bytes of every shard read over all keystrokes, manifest included. */
    bytesRead: number;
  };
  /** Per full query, the share of the monolithic index's top 20 that ours returns in its top 20. */
  top20Agreement: Record<string, number> | null;
}

const now = () => performance.now();

async function timeKeystrokes(
  inputs: readonly string[],
  search: (input: string) => unknown,
): Promise<{ samples: { input: string; ms: number }[] }> {
  const samples: { input: string; ms: number }[] = [];
  for (const input of inputs) {
    const start = now();
    await search(input);
    samples.push({ input, ms: now() - start });
  }
  return { samples };
}

/** The built site's bundle export; compiled again only when it will not fit in a string. */
async function readBundle(dist: string, contentDir: string): Promise<Bundle> {
  try {
    return JSON.parse(await readFile(join(dist, BUNDLE_FILE), 'utf8')) as Bundle;
  } catch {
    return (await compileNotes({ contentDir })).bundle;
  }
}

export async function measureLunrPeers(contentDir: string, dist: string): Promise<LunrPeerFigures> {
  const queries = corpusQueries();
  const inputs = queries.flatMap(keystrokesOf);

  let started = now();
  const bundle = await readBundle(dist, contentDir);
  const talksSeconds = round1((now() - started) / 1000);
  const names = new Map(bundle.conferences.map((conference) => [conference.id, conference.name]));
  const documents = bundle.talks.map((talk) =>
    toSearchDocument(talk, names.get(talk.conference) ?? ''),
  );
  const talksById = new Map<string, SearchableTalk>(
    bundle.talks.map((talk) => [talk.id, { title: talk.title, text: talk.text }]),
  );

  // Ours first, while memory is free: manifest and shards from the built site.
  let bytesRead = 0;
  const read = async (file: string) => {
    const text = await readFile(join(dist, file), 'utf8');
    bytesRead += Buffer.byteLength(text);
    return JSON.parse(text) as unknown;
  };
  started = now();
  const manifest = (await read(SEARCH_MANIFEST_FILE)) as SearchManifest;
  const engine = createSearchEngine(
    manifest,
    async (shard) => (await read(searchShardFile(shard))) as SearchShard,
    // Only "phrases" read the notes, and the benchmark's queries have none.
    (id) => Promise.resolve(talksById.get(id) ?? { title: '', text: '' }),
  );
  const oursLoadMs = round1(now() - started);
  started = now();
  await engine.search(queries[0]!);
  const firstQueryMs = round1(now() - started);
  const bytesForFirstQuery = bytesRead;
  // Typing starts from a cold cache but for the first query's shards, as in the browser.
  const oursCold = await timeKeystrokes(inputs, (input) => engine.search(input));
  const oursWarm = await timeKeystrokes(inputs, (input) => engine.search(input));
  const oursTop = new Map<string, string[]>();
  for (const query of queries) {
    oursTop.set(query, (await engine.search(query)).ids.slice(0, 20));
  }
  const ours: LunrPeerFigures['ours'] = {
    loadMs: oursLoadMs,
    cold: summarizeTimings(oursCold.samples),
    warm: summarizeTimings(oursWarm.samples),
    firstKeystrokeMs: round1(oursCold.samples[0]?.ms ?? NaN),
    firstQueryMs,
    bytesForFirstQuery,
    bytesRead,
  };

  started = now();
  let serialized: ReturnType<typeof indexDocuments> | null = indexDocuments(documents);
  const buildSeconds = round1((now() - started) / 1000);
  let json: string | null = null;
  try {
    json = JSON.stringify(serialized);
  } catch (error) {
    // V8's longest string is 2^29 - 24 characters: past ~57,000 talks the index does not fit.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      talks: bundle.talks.length,
      talksSeconds,
      monolithic: { buildSeconds, bytes: null, skipped: `too big: ${reason}`, timings: null },
      ours,
      top20Agreement: null,
    };
  }
  serialized = null;
  const bytes = compressedSizes(Buffer.from(json));
  started = now();
  const index = loadSearchIndex(JSON.parse(json));
  const loadMs = round1(now() - started);
  json = null;
  const search = (input: string) => searchTalks(index, talksById, input);
  const cold = await timeKeystrokes(inputs, search);
  const warm = await timeKeystrokes(inputs, search);
  const top20Agreement: Record<string, number> = {};
  for (const query of queries) {
    const theirs = search(query)
      .hits.slice(0, 20)
      .map((hit) => hit.id);
    const mine = new Set(oursTop.get(query) ?? []);
    top20Agreement[query] =
      theirs.length === 0
        ? mine.size === 0
          ? 1
          : 0
        : round1((theirs.filter((id) => mine.has(id)).length / theirs.length) * 100) / 100;
  }
  return {
    talks: bundle.talks.length,
    talksSeconds,
    monolithic: {
      buildSeconds,
      bytes,
      timings: {
        loadMs,
        cold: summarizeTimings(cold.samples),
        warm: summarizeTimings(warm.samples),
        firstKeystrokeMs: round1(cold.samples[0]?.ms ?? NaN),
      },
    },
    ours,
    top20Agreement,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true });
  const [contentDir, dist, out] = positionals;
  if (!contentDir || !dist || !out) {
    console.error('usage: lunr-peers.ts CONTENT_DIR DIST OUT.json');
    process.exit(2);
  }
  const figures = await measureLunrPeers(contentDir, dist);
  await writeFile(out, JSON.stringify(figures, null, 2) + '\n');
}
