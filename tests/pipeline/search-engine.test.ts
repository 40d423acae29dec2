/** The search engine the worker runs: answers from the manifest and shards, fetching talks' files only for phrases. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { hitsOf } from '../../src/features/search/answer-hits';
import {
  createSearchEngine,
  DETAILED_HITS,
  MAX_PHRASE_CHECKS,
  PARTIAL_INDEX_NOTICE,
  PHRASE_CAP_NOTICE,
} from '../../src/features/search/engine';
import { compileNotes } from '../../src/pipeline/compile';
import { shardSearchIndex } from '../../src/pipeline/emit/search-shards';
import type { Bundle } from '../../src/shared/bundle';
import type { TalkId } from '../../src/shared/ids';
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

const setUp = (maxPhraseChecks = MAX_PHRASE_CHECKS) => {
  const loadTalk = vi.fn((id: TalkId) => {
    const talk = bundle.talks.find((t) => t.id === id);
    return talk ? Promise.resolve(talk) : Promise.reject(new Error(`no ${id}`));
  });
  const engine = createSearchEngine(manifest, (n) => Promise.resolve(shards[n]!), loadTalk, {
    maxPhraseChecks,
  });
  const titles = async (input: string) =>
    (await engine.search(input)).ids.map(
      (id) => bundle.talks.find((talk) => talk.id === id)?.title,
    );
  return { loadTalk, titles, engine };
};

describe('the search engine', () => {
  it('lists every talk and day note in the manifest', () => {
    expect([...manifest.talks].sort()).toEqual(
      [
        ...bundle.talks.map((talk) => talk.id),
        'note:pycon-2015/day-2/0',
        'note:pycon-2015/day-2/1',
      ].sort(),
    );
  });

  it('answers from the shards it has, and says part of the index is missing', async () => {
    const unsaved = new Set(shards.map((_, n) => n).filter((n) => n % 2 === 0));
    const engine = createSearchEngine(
      manifest,
      (n) => (unsaved.has(n) ? Promise.reject(new Error('offline')) : Promise.resolve(shards[n]!)),
      () => Promise.reject(new Error('offline')),
    );
    const answers = await Promise.all(
      ['docker', 'kubernetes', 'monitoring', 'elasticsearch', 'falco'].map((q) => engine.search(q)),
    );
    const partial = answers.filter((answer) => answer.notice?.includes(PARTIAL_INDEX_NOTICE));
    expect(partial.length).toBeGreaterThan(0);
    expect(answers.some((answer) => answer.ids.length > 0)).toBe(true);
    const complete = createSearchEngine(manifest, (n) => Promise.resolve(shards[n]!), vi.fn());
    expect((await complete.search('docker')).notice).toBeUndefined();
  });

  it('answers every match, with what each of the first matched and what all matched together', async () => {
    const { engine } = setUp();
    const answer = await engine.search('monitoring');
    expect(answer.ids.length).toBeGreaterThan(2);
    expect(answer.matchedTerms).toHaveLength(Math.min(answer.ids.length, DETAILED_HITS));
    expect(answer.matchedTerms[0]).toContain('monitoring');
    expect(new Set(answer.terms)).toEqual(new Set(answer.matchedTerms.flat()));
    // Past the detailed matches, a card marks the words all the matches matched.
    const cut = { ...answer, matchedTerms: answer.matchedTerms.slice(0, 1) };
    expect(hitsOf(cut).map((hit) => hit.id)).toEqual(answer.ids);
    expect(hitsOf(cut)[1]).toEqual({ id: answer.ids[1], matchedTerms: answer.terms });
  });

  it('finds day notes by their text and heading', async () => {
    const { engine } = setUp();
    expect((await engine.search('jet-lagging')).ids).toEqual(['note:pycon-2015/day-2/1']);
    expect((await engine.search('wrap up')).ids[0]).toBe('note:pycon-2015/day-2/1');
  });

  it('answers words, fields and typos without downloading the notes', async () => {
    const { loadTalk, titles } = setUp();
    expect((await titles('docker'))[0]).toBe(
      'Becoming the Admiral: mastering Docker orchestration',
    );
    expect(await titles('speaker:lvh')).toEqual(['Building Secure Systems']);
    expect(await titles('kubernets')).toEqual([
      'Designing scalable production Kubernetes clusters on AWS',
    ]);
    expect(loadTalk).not.toHaveBeenCalled();
  });

  it('checks a phrase in the files of the talks that have its words, each fetched once', async () => {
    const { loadTalk, titles } = setUp();
    expect(await titles('"good monitoring"')).toEqual(['Principles Of Good Monitoring']);
    const fetched = loadTalk.mock.calls.map(([id]) => id);
    // Only talks with both words; never the whole collection.
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.length).toBeLessThan(bundle.talks.length);
    for (const id of fetched) {
      const talk = bundle.talks.find((t) => t.id === id)!;
      expect(`${talk.title} ${talk.text}`.toLowerCase()).toMatch(/good/);
    }
    expect(await titles('"good monitoring"')).toEqual(['Principles Of Good Monitoring']);
    expect(loadTalk).toHaveBeenCalledTimes(fetched.length);

    expect(await titles('monitoring -"elastic stack"')).not.toContain(
      'Monitoring All the Things! on your Linux system with the Elastic Stack',
    );
    expect(await titles('monitoring')).toContain(
      'Monitoring All the Things! on your Linux system with the Elastic Stack',
    );
  });

  it('checks a phrase only in the best talks past the cap, and says so', async () => {
    const { engine, loadTalk } = setUp(2);
    // A phrase of stop words has no words in the index: every talk is a candidate.
    const answer = await engine.search('"to the"');
    expect(loadTalk).toHaveBeenCalledTimes(2);
    expect(answer.notice).toContain(PHRASE_CAP_NOTICE(2));
    const { engine: roomy } = setUp();
    expect((await roomy.search('"to the"')).notice ?? '').not.toContain('was checked in the best');
  });
});
