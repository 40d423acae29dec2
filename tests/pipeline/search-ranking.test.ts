/** Ranking on the real sample notes, with the index loaded back as the browser does. */
import type lunr from 'lunr';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSampleSearch } from './sample-search';
import type { Talk } from '../../src/shared/bundle';
import { searchTalks } from '../../src/shared/search/query';

let index: lunr.Index;
let talksById: Map<string, Talk>;
const titles = (input: string) =>
  searchTalks(index, talksById, input).hits.map((hit) => talksById.get(hit.id)!.title);

const ADMIRAL = 'Becoming the Admiral: mastering Docker orchestration';
const KUBERNETES = 'Designing scalable production Kubernetes clusters on AWS';
const SECURE = 'Building Secure Systems';
const ELASTIC = 'Monitoring All the Things! on your Linux system with the Elastic Stack';
const SESSIONS = 'User Session Recording for the Enterprise';
const GOOD_MONITORING = 'Principles Of Good Monitoring';

beforeAll(async () => {
  ({ index, talksById } = await loadSampleSearch());
});

describe('searchTalks on the sample notes: first hit', () => {
  it.each([
    ['docker', ADMIRAL],
    ['Docker', ADMIRAL],
    ['speaker:lvh', SECURE],
    ['falco', ADMIRAL],
    ['flaco', ADMIRAL],
    ['kubernets', KUBERNETES],
    ['kubernetes', KUBERNETES],
    ['kube', KUBERNETES],
    ['elastcsearch', ELASTIC],
    ['elasticsearch kibana', ELASTIC],
    ['speaker:tweedale', SESSIONS],
    ['tweedale', SESSIONS],
    ['monitoring', GOOD_MONITORING],
    ['sysdig.org', ADMIRAL],
    ['https://www.sysdig.org/falco/', ADMIRAL],
    ['dockly', ADMIRAL],
    ['conference:pycon secure', SECURE],
  ])('%j ranks %j first', (input, title) => {
    expect(titles(input)[0]).toBe(title);
  });
});

describe('searchTalks on the sample notes: exactly these', () => {
  it.each([
    ['etcd aws', [KUBERNETES]],
    ['"service mesh"', [KUBERNETES]],
    ['speaker:lvh', [SECURE]],
    ['tag:docker -elasticsearch', [ADMIRAL]],
    ['zzzzqqq', []],
    ['"mesh service"', []],
  ])('%j finds %j', (input, expected) => {
    expect(titles(input)).toEqual(expected);
  });
});

describe('searchTalks on the sample notes: behaviour', () => {
  it('requires every word, and says when it had to settle for some', () => {
    const all = searchTalks(index, talksById, 'etcd aws');
    expect(all.matchedAll).toBe(true);
    expect(all.notice).toBeUndefined();

    const some = searchTalks(index, talksById, 'docker zzzzqqq');
    expect(some.matchedAll).toBe(false);
    expect(some.notice).toMatch(/some of them/);
    expect(titles('docker zzzzqqq')[0]).toBe(ADMIRAL);
  });

  it('ranks talks matching more of the words first when falling back', () => {
    const hits = titles('etcd kibana zzzzqqq');
    expect(hits).toEqual(expect.arrayContaining([KUBERNETES, ELASTIC]));
  });

  it('leaves out excluded words', () => {
    const monitoring = titles('monitoring');
    const withoutDocker = titles('-docker monitoring');
    expect(monitoring).toContain(ELASTIC);
    expect(withoutDocker).not.toContain(ELASTIC);
    expect(withoutDocker.length).toBe(monitoring.length - 1);
    expect(withoutDocker.length).toBeGreaterThan(0);
  });

  it('checks phrases against the text', () => {
    expect(titles('"service mesh"')).toEqual([KUBERNETES]);
    expect(titles('etcd')).toEqual([KUBERNETES]);
    expect(titles('-"service mesh" etcd')).toEqual([]);
    expect(titles('aws')).toContain(KUBERNETES);
    expect(titles('-"service mesh" aws')).not.toContain(KUBERNETES);
  });

  it('checks a phrase of stop words against every talk', () => {
    expect(titles('"with the"')).toContain(ELASTIC);
    expect(titles('"the with"')).toEqual([]);
  });

  it('finds a talk by a prefix from the first letters', () => {
    expect(titles('d')).toContain(ADMIRAL);
    expect(titles('do')).toContain(ADMIRAL);
    expect(titles('doc')).toContain(ADMIRAL);
  });

  it('completes one and two letters from what the cards show, the notes from the third', () => {
    // "falco" is only in the notes of the Docker orchestration talk.
    expect(titles('f')).not.toContain(ADMIRAL);
    expect(titles('fa')).not.toContain(ADMIRAL);
    expect(titles('fal')).toContain(ADMIRAL);
    // Card words: "Kubernetes" is in a title, "Tweedale" a speaker.
    expect(titles('k')).toContain(KUBERNETES);
    expect(titles('tw')).toContain(SESSIONS);
  });

  it('finds words through stemming', () => {
    expect(titles('monitors')).toContain(GOOD_MONITORING);
    expect(titles('containers')).toContain(ADMIRAL);
  });

  it('reports the matched terms, ready for highlight', () => {
    const [hit] = searchTalks(index, talksById, 'kube "service mesh"').hits;
    expect(hit?.matchedTerms).toEqual(expect.arrayContaining(['kubernetes', 'service mesh']));
  });

  it('drops talks the bundle no longer has', () => {
    expect(searchTalks(index, new Map(), 'docker').hits).toEqual([]);
  });

  it('respects a limit', () => {
    expect(searchTalks(index, talksById, 'the', { limit: 2 }).hits.length).toBeLessThanOrEqual(2);
    expect(searchTalks(index, talksById, 'monitoring', { limit: 2 }).hits).toHaveLength(2);
  });

  it('can turn prefixes and typo tolerance off', () => {
    expect(searchTalks(index, talksById, 'kube', { prefix: false }).hits).toEqual([]);
    expect(searchTalks(index, talksById, 'elastcsearch', { fuzzy: false }).hits).toEqual([]);
  });

  it.each(['title:', '*', '~', '+', '^', '"', 'docker~', 'doc*er', ':', '-', '--', '-"'])(
    'never throws on lunr syntax: %j',
    (input) => {
      expect(() => searchTalks(index, talksById, input)).not.toThrow();
    },
  );

  it('explains input with nothing to search for', () => {
    expect(searchTalks(index, talksById, '😀').notice).toMatch(/Nothing/);
    expect(searchTalks(index, talksById, '-docker').notice).toMatch(/Add a word/);
    expect(searchTalks(index, talksById, '').notice).toBeUndefined();
  });
});
