/**
 * Relevance as a person typing judges it: prefixes that only narrow, typos forgiven only when the
 * word as typed finds little and ranked after what it finds, elided words, title words before
 * words that only share a stem, and true counts. Each on a small index built as the site builds it.
 */
import { describe, expect, it } from 'vitest';
import { indexDocuments, type SearchDocument } from '../../src/pipeline/enrich/search-index';
import { loadSearchIndex } from '../../src/shared/search/index-file';
import { searchTalks, typoDistance, type SearchResult } from '../../src/shared/search/query';

type Talk = { title: string; text: string };

/** A search over these talks (id → title and notes), the index loaded back through JSON. */
function searchOver(talks: Record<string, Talk>) {
  const documents: SearchDocument[] = Object.entries(talks).map(([id, talk]) => ({
    id,
    title: talk.title,
    speakers: '',
    tags: '',
    track: '',
    conference: 'Democon 2020',
    text: talk.text,
  }));
  const index = loadSearchIndex(JSON.parse(JSON.stringify(indexDocuments(documents))));
  const byId = new Map(Object.entries(talks));
  const search = (input: string, limit?: number): SearchResult =>
    searchTalks(index, byId, input, limit === undefined ? {} : { limit });
  return {
    search,
    ids: (input: string) => search(input).hits.map((hit) => hit.id),
    titles: (input: string) => search(input).hits.map((hit) => byId.get(hit.id)!.title),
  };
}

/** `n` filler talks about `word`, so the word is common. */
const many = (prefix: string, n: number, text: string): Record<string, Talk> =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`${prefix}-${i}`, { title: `Talk ${i}`, text }]),
  );

describe('typoDistance: none under 5 letters, one for 5–7, two from 8', () => {
  it.each([
    ['aws', 0],
    ['dokr', 0],
    ['falco', 1],
    ['kubecon', 1],
    ['postgres', 2],
    ['kubernets', 2],
  ])('typoDistance(%j) = %i', (word, distance) => {
    expect(typoDistance(word)).toBe(distance);
  });
});

describe('typos', () => {
  const { search, titles } = searchOver({
    ...many('sec', 6, 'security reviews of the supply chain'),
    separate: { title: 'Separate concerns', text: 'keep things separate' },
    k8s: { title: 'Kubernetes at scale', text: 'running kubernetes clusters' },
    away: { title: 'Working away from home', text: 'an awful commute, far away' },
    aws: { title: 'Costs on AWS', text: 'aws bills' },
    post: { title: 'Post mortems', text: 'post incident review' },
    pg: { title: 'Postgres tuning', text: 'postgres vacuum' },
    docker: { title: 'Docker basics', text: 'docker images' },
  });

  it('forgives a typo in a word that finds nothing, and says what it searched for', () => {
    const result = search('kubernets');
    expect(result.hits.map((hit) => hit.id)).toEqual(['k8s']);
    expect(result.notice).toBe('Showing results for “kubernetes”.');
  });

  it.each([
    ['aws', ['Costs on AWS']],
    ['postgres', ['Postgres tuning']],
    ['dokr', []],
  ])('forgives no typo where the word is short or found: %j', (input, expected) => {
    expect(titles(input)).toEqual(expected);
  });

  it('does not guess when the word as typed is found often enough', () => {
    const result = search('security');
    expect(result.total).toBe(6);
    expect(result.hits.map((hit) => hit.id)).not.toContain('separate');
    expect(result.notice).toBeUndefined();
  });

  it('guesses two typos in a long word', () => {
    expect(titles('secruity reviws')).toHaveLength(6);
  });

  it('says nothing about guesses when there were none', () => {
    expect(search('docker').notice).toBeUndefined();
  });
});

describe('the word being typed is a prefix', () => {
  const { ids, titles, search } = searchOver({
    a: { title: 'Incident response', text: 'an incident' },
    b: { title: 'On call', text: 'incidents happen' },
    c: { title: 'Incidental complexity', text: 'incidental' },
    d: { title: 'Inside the kernel', text: 'inside' },
    hands: { title: 'Hands on with Rust', text: 'hands on' },
    book: { title: 'The engineering handbook', text: 'a handbook for teams' },
  });

  it('narrows as letters are added, and never loses a talk the whole word finds', () => {
    const steps = ['inci', 'incide', 'inciden', 'incident'].map((input) => search(input).hits);
    const found = (hits: SearchResult['hits']) => hits.filter((hit) => !hit.guessed);
    expect(
      found(steps[0]!)
        .map((hit) => hit.id)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
    for (let i = 1; i < steps.length; i++) {
      const before = new Set(steps[i - 1]!.map((hit) => hit.id));
      for (const hit of found(steps[i]!)) expect(before.has(hit.id)).toBe(true);
    }
    expect(steps[3]!.map((hit) => hit.id).sort()).toEqual(['a', 'b', 'c']);
  });

  it('lists a near spelling of what is typed only after every completion', () => {
    expect(search('incide').hits.map((hit) => [hit.id, hit.guessed])).toEqual([
      ['c', false],
      ['a', false],
      ['b', false],
      ['d', true],
    ]);
  });

  it('ranks the word itself before its completions', () => {
    expect(ids('incident')[0]).toBe('a');
  });

  it('puts a completion before a near spelling', () => {
    expect(titles('handb')).toEqual(['The engineering handbook', 'Hands on with Rust']);
  });
});

describe('elision and apostrophes', () => {
  const { ids } = searchOver({
    autel: { title: 'Sur l’autel', text: 'on a posé l’autel ici' },
    achat: { title: "Le pouvoir d'achat", text: "d'achat" },
    quil: { title: 'Ce qu’il faut savoir', text: "qu'il" },
    dont: { title: 'Things we dont do', text: 'dont' },
    donts: { title: 'Do’s and don’ts', text: "don't panic" },
  });

  it.each([
    ["l'autel", ['autel']],
    ['l’autel', ['autel']],
    ['autel', ['autel']],
    ['achat', ['achat']],
    ['d’achat', ['achat']],
    ["qu'il", ['quil']],
    ['quil', ['quil']],
  ])('%j finds %j', (input, expected) => {
    expect(ids(input)).toEqual(expected);
  });

  it('finds "don\'t" written with or without its apostrophe', () => {
    expect(ids("don't").sort()).toEqual(['dont', 'donts']);
    expect(ids('don’t').sort()).toEqual(['dont', 'donts']);
    expect(ids('dont').sort()).toEqual(['dont', 'donts']);
  });
});

describe('a word outranks a word that only shares its stem', () => {
  const { titles } = searchOver({
    tips: { title: 'Tips & tricks', text: 'tips for everyone' },
    points: { title: 'Tipping points', text: 'when systems tip over' },
  });

  it('puts the talk with the word itself first', () => {
    expect(titles('tipping')).toEqual(['Tipping points', 'Tips & tricks']);
  });
});

describe('counts', () => {
  const { search } = searchOver({
    ...many('d', 30, 'docker compose'),
    ...many('p', 12, 'podman and docker'),
  });

  it('counts every match, however few hits are asked for', () => {
    const result = search('docker', 10);
    expect(result.hits).toHaveLength(10);
    expect(result.total).toBe(42);
    expect(search('docker -podman', 5).total).toBe(30);
  });
});
