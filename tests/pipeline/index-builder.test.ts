/**
 * The compiler builds the search index without lunr's Builder (src/pipeline/enrich/index-builder.ts):
 * it must be lunr's index to the byte, and so must the shards cut from it.
 */
import type { Catalog } from '../../src/shared/bundle';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileNotes } from '../../src/pipeline/compile';
import {
  buildCompactIndex,
  fieldTermScore,
  hasUniqueRefs,
  inverseDocumentFrequency,
} from '../../src/pipeline/enrich/index-builder';
import {
  compactIndexOf,
  indexDocuments,
  indexDocumentsWithLunr,
  SEARCH_FIELDS,
  toSearchDocument,
  type SearchDocument,
} from '../../src/pipeline/enrich/search-index';
import {
  compactShardSources,
  isArrayIndex,
  shardEntryWriter,
  shardSearchIndex,
  toSearchFiles,
} from '../../src/pipeline/emit/search-shards';
import type { SerializedSearchIndex } from '../../src/shared/search/index-file';

const json = (value: unknown) => JSON.stringify(value);

/** The search files as the plain path writes them: lunr's JSON, sharded, each shard stringified. */
function plainSearchFiles(serialized: SerializedSearchIndex, targetBytes?: number) {
  const copy = JSON.parse(json(serialized)) as SerializedSearchIndex; // no compact form attached
  const { manifest, shards } = shardSearchIndex(copy, targetBytes);
  return { manifest: json(manifest), shards: shards.map(json) };
}

function expectSameIndex(documents: readonly SearchDocument[]) {
  const built = indexDocuments(documents);
  expect(json(built)).toBe(json(indexDocumentsWithLunr(documents)));
  const plain = plainSearchFiles(built);
  const noTalks = { talks: [], conferences: [], tags: [] } as unknown as Catalog;
  const files = toSearchFiles(built, noTalks).filter(
    (file) => !file.fileName.startsWith('data/search/cards/'),
  );
  expect(files.map((file) => file.source)).toEqual([plain.manifest, ...plain.shards]);
  expect(json(shardSearchIndex(built, 2048))).toBe(
    json(shardSearchIndex(JSON.parse(json(built)) as SerializedSearchIndex, 2048)),
  );
}

const doc = (id: string, text: string, more: Partial<SearchDocument> = {}): SearchDocument => ({
  id,
  title: '',
  speakers: '',
  tags: '',
  track: '',
  conference: '',
  text,
  ...more,
});

describe('the compact index builder', () => {
  it('builds lunr’s index for the sample notes, and the same shards', async () => {
    const result = await compileNotes({ contentDir: 'content', now: new Date('2026-01-01') });
    const names = new Map(result.bundle.conferences.map((c) => [c.id, c.name]));
    expectSameIndex(
      result.bundle.talks.map((talk) => toSearchDocument(talk, names.get(talk.conference) ?? '')),
    );
  });

  it.each([
    [
      'words repeated within and across fields',
      [doc('a/1', 'docker docker run', { title: 'Docker' })],
    ],
    ['CJK bigrams, repeated', [doc('a/1', '日本語 ああああ 中文搜索'), doc('a/2', '日本')]],
    ['accents and special folds', [doc('a/1', 'Différence Goksøyr Straße Œuvre ΣΟΦΙΑΣ')]],
    ['apostrophes', [doc('a/1', "don't you’re l'été ʼtis '''")]],
    ['stop words and numbers', [doc('a/1', 'the and of 2018 007 42 1e3 0'), doc('a/2', '42 the')]],
    ['empty fields and documents', [doc('a/1', ''), doc('a/2', ' -- '), doc('a/3', 'word')]],
    ['astral letters and marks', [doc('a/1', '𝐀𝐁𝐂 x\u0301y e\u0300 😀 mixed𝐀word')]],
    ['URLs', [doc('a/1', 'see https://www.sysdig.org/falco/ and mailto:x@y.z')]],
    ['ids that look like numbers', [doc('7', 'seven'), doc('12', 'twelve seven'), doc('a', 'x')]],
    ['one document', [doc('only', 'a single talk', { speakers: 'Jane Doe @jane' })]],
    ['no documents', []],
  ])('builds lunr’s index: %s', (_name, documents) => {
    expectSameIndex(documents);
  });

  it('leaves documents that share an id to lunr (it merges them)', () => {
    const documents = [doc('a/1', 'docker'), doc('a/1', 'kubernetes docker')];
    expect(hasUniqueRefs(documents.map((d) => d.id))).toBe(false);
    expectSameIndex(documents);
  });

  it('builds lunr’s index for any documents', () => {
    const word = fc.constantFrom(
      'docker',
      'Docker',
      'running',
      'runs',
      'the',
      'and',
      '日本語',
      'ああ',
      'différence',
      'straße',
      "don't",
      '2018',
      '42',
      'a',
      'x-y',
      '𝐀b',
      'ΣΟΦΙΑΣ',
      '',
    );
    const text = fc.array(word, { maxLength: 12 }).map((words) => words.join(' '));
    const document = fc.record({
      title: text,
      speakers: text,
      tags: text,
      track: text,
      conference: text,
      text,
    });
    fc.assert(
      fc.property(fc.array(document, { maxLength: 8 }), (records) => {
        const documents = records.map((record, n) => ({ id: `c/${n}`, ...record }));
        expect(json(indexDocuments(documents))).toBe(json(indexDocumentsWithLunr(documents)));
      }),
      { numRuns: 200 },
    );
  });

  it('makes lunr’s form only when it is read', () => {
    const built = indexDocuments([doc('a/1', 'docker')]);
    const descriptor = Object.getOwnPropertyDescriptor(built, 'index');
    expect(descriptor?.enumerable).toBe(true);
    expect(built.index).toBe(built.index); // made once
    expect(Object.keys(built)).toEqual(['lunrVersion', 'pipelineVersion', 'index']);
  });

  it('numbers terms as lunr does: in order of first appearance', () => {
    const index = buildCompactIndex(
      [doc('a/1', 'zebra apple zebra', { title: 'mango' }), doc('a/2', 'apple kiwi')],
      SEARCH_FIELDS,
    );
    expect(index.terms).toEqual(['mango', 'zebra', 'apple', '~appl', 'kiwi']);
    expect(index.refs).toEqual(['a/1', 'a/2']);
  });
});

describe('lunr’s scoring, as the builder computes it', () => {
  it.each([
    [0, 10, Math.log(1 + 10.5 / 0.5)],
    [3, 10, Math.log(1 + 7.5 / 3.5)],
    [10, 10, Math.log(1 + 0.5 / 10.5)],
    [12, 10, Math.log(1 + 1.5 / 12.5)],
  ])('inverseDocumentFrequency(%i, %i)', (withTerm, count, expected) => {
    expect(inverseDocumentFrequency(withTerm, count)).toBe(expected);
  });

  it('rounds a score to 3 decimals after the boost', () => {
    expect(fieldTermScore(1.5, 2, 10, 5, 10, { k1: 1.2, b: 0.75 })).toBe(16.098); // 1.5 × 2.2 × 2 / (1.2 × 1.75 + 2) × 10
    expect(fieldTermScore(0, 2, 10, 5, 10, { k1: 1.2, b: 0.75 })).toBe(0);
  });
});

describe('shards written straight from the compact index', () => {
  let built: SerializedSearchIndex;

  beforeAll(() => {
    const words = ['docker', 'kubernetes', '2018', '7', 'monitoring', '日本語', 'différence'];
    built = indexDocuments(
      Array.from({ length: 60 }, (_, n) =>
        doc(`conf/talk-${n}`, words.filter((_, k) => (n + k) % 3 !== 0).join(' '), {
          title: words[n % words.length],
          track: n % 4 === 0 ? '' : `track ${n % 4}`,
        }),
      ),
    );
  });

  it.each([256, 1024, 48 * 1024])('are the plain path’s shards (%i bytes a shard)', (bytes) => {
    const compact = compactIndexOf(built);
    if (!compact) throw new Error('indexDocuments keeps its compact form');
    const sources = compactShardSources(compact, built, bytes);
    const plain = plainSearchFiles(built, bytes);
    expect(sources.shards.length).toBeGreaterThan(bytes < 48 * 1024 ? 1 : 0);
    expect(json(sources.manifest)).toBe(plain.manifest);
    expect(sources.shards).toEqual(plain.shards);
  });

  it('sizes each entry without writing it: the length of what it writes', () => {
    const compact = compactIndexOf(built)!;
    const entry = shardEntryWriter(compact);
    compact.terms.forEach((_, term) => {
      expect(entry.length(term)).toBe(entry.json(term).length);
    });
  });

  it.each([
    ['0', true],
    ['7', true],
    ['2018', true],
    ['4294967294', true],
    ['4294967295', false],
    ['007', false],
    ['-1', false],
    ['1e3', false],
    ['docker', false],
  ])('isArrayIndex(%s)', (key, expected) => {
    expect(isArrayIndex(key)).toBe(expected);
  });
});
