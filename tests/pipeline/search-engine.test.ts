/** The search engine the worker runs: answers from the manifest and shards, fetching notes only for phrases. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createSearchEngine } from '../../src/features/search/engine';
import { compileNotes } from '../../src/pipeline/compile';
import { shardSearchIndex } from '../../src/pipeline/search-shards';
import type { Bundle } from '../../src/shared/bundle';
import type { SearchManifest, SearchShard } from '../../src/shared/search/shards';

let bundle: Bundle;
let manifest: SearchManifest;
let shards: SearchShard[];

beforeAll(async () => {
  const result = await compileNotes({ contentDir: 'content', now: new Date('2026-01-01') });
  bundle = result.bundle;
  ({ manifest, shards } = JSON.parse(
    JSON.stringify(shardSearchIndex(result.searchIndex, 4096)),
  ) as { manifest: SearchManifest; shards: SearchShard[] });
});

const setUp = () => {
  const loadTalks = vi.fn(() => Promise.resolve(bundle.talks));
  const engine = createSearchEngine(manifest, (n) => Promise.resolve(shards[n]!), loadTalks);
  const titles = async (input: string) =>
    (await engine.search(input)).hits.map(
      (hit) => bundle.talks.find((talk) => talk.id === hit.id)?.title,
    );
  return { loadTalks, titles };
};

describe('the search engine', () => {
  it('lists every talk in the manifest', () => {
    expect([...manifest.talks].sort()).toEqual(bundle.talks.map((talk) => talk.id).sort());
  });

  it('answers words, fields and typos without downloading the notes', async () => {
    const { loadTalks, titles } = setUp();
    expect((await titles('docker'))[0]).toBe(
      'Becoming the Admiral: mastering Docker orchestration',
    );
    expect(await titles('speaker:lvh')).toEqual(['Building Secure Systems']);
    expect(await titles('kubernets')).toEqual([
      'Designing scalable production Kubernetes clusters on AWS',
    ]);
    expect(loadTalks).not.toHaveBeenCalled();
  });

  it('downloads the notes once, for the first phrase', async () => {
    const { loadTalks, titles } = setUp();
    expect(await titles('"good monitoring"')).toEqual(['Principles Of Good Monitoring']);
    expect(await titles('monitoring -"elastic stack"')).not.toContain(
      'Monitoring All the Things! on your Linux system with the Elastic Stack',
    );
    expect(loadTalks).toHaveBeenCalledTimes(1);
  });
});
