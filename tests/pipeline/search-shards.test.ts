/**
 * The term-sharded index answers exactly as the whole index does: same talks, same order, same
 * scores, same matched terms, on the sample notes and on generated talks, while reading only a
 * few shards per query.
 */
import type lunr from 'lunr';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileNotes } from '../../src/pipeline/compile';
import { indexDocuments, type SearchDocument } from '../../src/pipeline/enrich/search-index';
import { shardSearchIndex, type ShardedSearchIndex } from '../../src/pipeline/emit/search-shards';
import type { SerializedSearchIndex } from '../../src/shared/search/index-file';
import { loadSearchIndex, SearchIndexMismatchError } from '../../src/shared/search/index-file';
import { searchTalks, type SearchableTalk } from '../../src/shared/search/query';
import { ShardedSearch } from '../../src/shared/search/sharded-search';
import { shardOf } from '../../src/shared/search/shards';

const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function setUp(serialized: SerializedSearchIndex, targetBytes?: number) {
  const sharded = roundTrip(shardSearchIndex(serialized, targetBytes));
  const fetched: number[] = [];
  const search = new ShardedSearch(sharded.manifest, (n) => {
    fetched.push(n);
    return Promise.resolve(sharded.shards[n]!);
  });
  return { whole: loadSearchIndex(roundTrip(serialized)), sharded, search, fetched };
}

async function expectSameAnswers(
  whole: lunr.Index,
  search: ShardedSearch,
  talks: ReadonlyMap<string, SearchableTalk>,
  queries: readonly string[],
) {
  let answered = 0;
  for (const query of queries) {
    const expected = searchTalks(whole, talks, query);
    // lunr scoring every talk with a query term, not only the candidates: the same hits and scores.
    expect({ query, expected }).toEqual({
      query,
      expected: searchTalks(whole, talks, query, { scoreAll: true }),
    });
    const { missingShards, ...actual } = await search.search(query, talks);
    expect(missingShards).toBe(0);
    expect({ query, actual }).toEqual({ query, actual: expected });
    if (expected.hits.length > 0) answered++;
  }
  // The comparison means something only if most queries find talks.
  expect(answered).toBeGreaterThan(queries.length * 0.7);
}

const QUERIES = [
  'docker',
  'Docker orchestration',
  'kubernetes',
  'kubernets',
  'elastcsearch',
  'monitoring',
  'etcd aws',
  'speaker:lvh',
  'speaker:tweedale',
  'tag:docker',
  'track:keynote',
  'conference:pycon',
  'title:monitoring',
  'docker -puppet',
  '"good monitoring"',
  'falco',
  'flaco',
  'docker pycon',
  'nothingmatchesthis',
  'k',
  'ku',
  'mon',
  'the',
  'https',
];

describe('the sharded index on the sample notes', () => {
  let whole: lunr.Index;
  let search: ShardedSearch;
  let talks: Map<string, SearchableTalk>;
  let sharded: ShardedSearchIndex;
  let fetched: number[];
  let serialized: SerializedSearchIndex;

  beforeAll(async () => {
    const result = await compileNotes({ contentDir: 'content', now: new Date('2026-01-01') });
    serialized = result.searchIndex;
    talks = new Map(result.bundle.talks.map((talk) => [talk.id, talk]));
    // Small shards, so the sample notes are split into many.
    ({ whole, search, sharded, fetched } = setUp(result.searchIndex, 2048));
  });

  it('splits the sorted terms into consecutive ranges, each term in exactly one shard', () => {
    const { shardStarts, terms } = sharded.manifest;
    expect(shardStarts.length).toBeGreaterThan(20);
    expect(sharded.shards).toHaveLength(shardStarts.length);
    expect(terms).toEqual([...terms].sort());
    const all = sharded.shards.flatMap((shard, n) => {
      const inShard = Object.keys(shard).sort();
      expect(inShard[0]).toBe(shardStarts[n]);
      return inShard.map((term) => {
        expect(shardOf(term, shardStarts)).toBe(n);
        return term;
      });
    });
    expect(all).toEqual(terms);
    // A term in no shard (typed, not indexed) still names the shard its range falls in.
    expect(shardOf('', shardStarts)).toBe(0);
    expect(shardOf('\uffff', shardStarts)).toBe(shardStarts.length - 1);
  });

  it('keeps the completions of a prefix together: "mon" reads one or two shards', async () => {
    const { search: fresh, fetched: read } = setUp(serialized, 2048);
    const completions = sharded.manifest.terms.filter((term) => term.startsWith('mon'));
    expect(completions.length).toBeGreaterThan(3);
    await fresh.search('mon', talks, { fuzzy: false });
    expect(read.length).toBeGreaterThan(0);
    expect(read.length).toBeLessThanOrEqual(2);
  });

  it('writes each posting as talk numbers and weights', () => {
    const n = shardOf('docker', sharded.manifest.shardStarts);
    const [, byField] = sharded.shards[n]!['docker']!;
    const pairs = byField['title']!;
    expect(pairs.length % 2).toBe(0);
    const titles = pairs
      .filter((_, i) => i % 2 === 0)
      .map((talk) => talks.get(sharded.manifest.talks[talk]!)!.title);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title.toLowerCase()).toContain('docker');
  });

  it('answers as the whole index does', async () => {
    await expectSameAnswers(whole, search, talks, QUERIES);
  });

  it('reads only the shards of the terms a query touches, once', async () => {
    const result = await compileNotes({ contentDir: 'content', now: new Date('2026-01-01') });
    ({ search, fetched } = setUp(result.searchIndex, 2048));
    await search.search('kubernetes', talks);
    const first = [...fetched];
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(sharded.manifest.shardStarts.length / 4);
    await search.search('kubernetes', talks);
    expect(fetched).toEqual(first);
  });

  it('refuses a manifest from another lunr or pipeline', () => {
    expect(
      () =>
        new ShardedSearch({ ...sharded.manifest, lunrVersion: '2.1.0' }, () =>
          Promise.reject(new Error()),
        ),
    ).toThrow(SearchIndexMismatchError);
    expect(
      () =>
        new ShardedSearch({ ...sharded.manifest, pipelineVersion: 0 }, () =>
          Promise.reject(new Error()),
        ),
    ).toThrow(/pipeline 0/);
  });

  it('refuses a manifest of another layout (a stale cache) with a message saying so', () => {
    const older = { ...sharded.manifest, formatVersion: 1 };
    expect(() => new ShardedSearch(older, () => Promise.reject(new Error()))).toThrow(
      'search index in format 1, this app reads format 2',
    );
  });
});

describe('the sharded index on 400 generated talks', () => {
  const WORDS = [
    'kubernetes',
    'docker',
    'monitoring',
    'postgres',
    'latency',
    'rust',
    'python',
    'cluster',
    'observability',
    'security',
    'différence',
    'Goksøyr',
    '日本語',
    'deployment',
    'terraform',
    'ansible',
    'pipeline',
    'cache',
    'queue',
    'network',
    'storage',
    'kernel',
    'scheduler',
  ];
  const documents: SearchDocument[] = Array.from({ length: 400 }, (_, i) => {
    const pick = (k: number) => WORDS[(i * 7 + k * 13 + (i % 5) * k) % WORDS.length]!;
    return {
      id: `conf-${i % 9}/talk-${i}`,
      title: `${pick(1)} and ${pick(2)} at scale ${i}`,
      speakers: `Speaker ${i % 37} @handle${i % 37}`,
      tags: `${pick(3)} ${pick(4)}`,
      track: `track ${i % 4}`,
      conference: `Conf ${i % 9}`,
      text:
        Array.from({ length: 40 }, (_, k) => pick(k + 5)).join(' ') + ` https://example.org/${i}`,
    };
  });
  const talks = new Map(documents.map((d) => [d.id, { title: d.title, text: d.text }]));

  it('answers as the whole index does, for words, fields, typos and prefixes', async () => {
    const { whole, search } = setUp(indexDocuments(documents), 4096);
    await expectSameAnswers(whole, search, talks, [
      'kubernetes docker',
      'obserability',
      'terrafrom',
      'speaker:handle3',
      'tag:rust',
      'conference:"conf 3"',
      'diff',
      'difference',
      '日本',
      '-docker kernel',
      'p',
      'sch',
      'example',
      '"at scale 12"',
    ]);
  });
});
