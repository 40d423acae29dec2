/**
 * Words from notes and queries are keys of the search index: a note saying "constructor" and a
 * query of `c`, `cons` or any Object.prototype name must search, not hang or throw.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/features/search/engine';
import { compileNotes } from '../../src/pipeline/compile';
import { shardSearchIndex } from '../../src/pipeline/emit/search-shards';
import type { Bundle } from '../../src/shared/bundle';
import type { SearchManifest, SearchShard } from '../../src/shared/search/shards';

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

let bundle: Bundle;
let manifest: SearchManifest;
let shards: SearchShard[];

beforeAll(async () => {
  const result = await compileNotes({
    contentDir: 'tests/fixtures/hostile/prototype-keys',
    now: new Date('2026-01-01'),
    workers: 0,
  });
  bundle = result.bundle;
  ({ manifest, shards } = JSON.parse(JSON.stringify(shardSearchIndex(result.searchIndex, 64))) as {
    manifest: SearchManifest;
    shards: SearchShard[];
  });
});

const engine = () =>
  createSearchEngine(
    manifest,
    (n) => Promise.resolve(shards[n]!),
    (id) => Promise.resolve(bundle.talks.find((talk) => talk.id === id)!),
  );

const titlesFor = async (query: string) =>
  (await engine().search(query)).ids
    .map((id) => bundle.talks.find((talk) => talk.id === id)?.title)
    .sort();

describe('search for every Object.prototype name', () => {
  it.each(PROTOTYPE_NAMES)('%s searches without throwing', async (name) => {
    await expect(engine().search(name)).resolves.toHaveProperty('ids');
  });

  it.each([
    // "Pelican" says "Title: constructor"; "toString" is found by its notes' "toLocaleString".
    ['constructor', ['Pelican', 'constructor', 'toString']],
    ['c', ['Pelican', 'constructor', 'toString']],
    ['cons', ['Pelican', 'constructor', 'toString']],
    ['hasOwnProperty', ['constructor', 'toString']],
    ['propertyIsEnumerable', ['toString']],
    ['__proto__', ['constructor']],
  ])('%s finds the talks that say it', async (query, titles) => {
    expect(await titlesFor(query)).toEqual(titles);
  });
});
