/** The relevance benchmark's queries and scores (scripts/bench/relevance.ts). */
import { describe, expect, it } from 'vitest';
import {
  commonWords,
  documentFrequencies,
  isFalseHit,
  knownItemQueries,
  reciprocalRank,
  scoreKnownItems,
  typedSoFar,
  withTypo,
  wordsOf,
} from '../../scripts/bench/relevance';

const talks = [
  { id: 'a', text: 'Kubernetes operators with Zorblax and monitoring' },
  { id: 'b', text: 'Monitoring dashboards in Grafana, monitoring again' },
  { id: 'c', text: 'Monitoring Erlangで作るlatency budgets' },
];

describe('known-item queries', () => {
  it('types the two rarest distinctive words of a talk three ways', () => {
    expect(knownItemQueries(talks, 1)).toEqual([
      { kind: 'plain', input: 'kubernetes operators', target: 'a' },
      { kind: 'prefix', input: 'kubernetes operat', target: 'a' },
      { kind: 'typo', input: 'kuberoetes operators', target: 'a' },
    ]);
  });

  it.each([
    ['falco', 'famco'],
    ['kubernetes', 'kuberoetes'],
  ])('withTypo(%j) = %j', (word, typo) => {
    expect(withTypo(word)).toBe(typo);
  });

  it.each([
    ['operators', 'operat'],
    ['kube', 'kub'],
  ])('typedSoFar(%j) = %j', (word, typed) => {
    expect(typedSoFar(word)).toBe(typed);
  });
});

describe('scores', () => {
  it('ranks within the first ten', () => {
    expect(reciprocalRank(['x', 'a'], 'a')).toBe(0.5);
    expect(reciprocalRank(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'a'], 'a')).toBe(0);
  });

  it('sums up each kind', () => {
    const [plain, prefix] = knownItemQueries(talks, 1);
    expect(
      scoreKnownItems([
        { query: plain!, results: ['a'] },
        { query: prefix!, results: ['b', 'c', 'a'] },
      ]),
    ).toEqual({
      plain: { queries: 1, mrr10: 1, success1: 1, success3: 1 },
      prefix: { queries: 1, mrr10: 0.333, success1: 0, success3: 1 },
      typo: { queries: 0, mrr10: 0, success1: 0, success3: 0 },
    });
  });

  it('counts a result as a false hit when no word of it starts with the word', () => {
    const words = new Set(wordsOf(talks[2]!.text));
    expect(isFalseHit('latency', words)).toBe(false);
    expect(isFalseHit('monitor', words)).toBe(false);
    expect(isFalseHit('grafana', words)).toBe(true);
  });

  it('finds the commonest words', () => {
    expect(commonWords(documentFrequencies(talks), 1)).toEqual(['monitoring']);
  });
});
