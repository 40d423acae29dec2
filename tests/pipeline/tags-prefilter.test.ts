/**
 * Tagging skips a term whose words are not all in the text before running its pattern. The tags
 * must be exactly those found by running every pattern.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_VOCABULARY_URL,
  findTags,
  mayMatch,
  parseVocabulary,
  wordRuns,
  wordsToMatch,
} from '../../src/pipeline/enrich/tags';

const { vocabulary: builtIn } = parseVocabulary(
  readFileSync(BUILT_IN_VOCABULARY_URL, 'utf8'),
  'tag-vocabulary.yaml',
);
const { vocabulary: custom } = parseVocabulary(
  [
    '- { id: c-sharp, name: "C#" }',
    '- { id: dot-net, name: .NET, synonyms: [dotnet, "asp.net"] }',
    '- { id: ci-cd, name: CI/CD, synonyms: [{ term: CI, matchCase: true }] }',
    '- { id: node, name: Node.js, synonyms: [node js] }',
    '- { id: dashed, name: "-leading dash", synonyms: ["trailing-"] }',
    '- { id: greek, name: ΣΟΦΙΑΣ, synonyms: [{ term: Σοφία, matchCase: true }] }',
    '- { id: astral, name: "𝐀𝐁", synonyms: ["x𝐀y"] }',
    '- { id: go, name: Go, matchName: false, synonyms: [golang], context: [gopher, goroutine] }',
  ].join('\n'),
  'tags.yaml',
);

const both = (text: string, title = '', vocabulary = builtIn) => {
  const input = { text, title, explicit: [] };
  return [findTags(input, vocabulary), findTags(input, vocabulary, { prefilter: false })];
};

describe('the word prefilter', () => {
  it.each([
    ['Docker and docker-compose; docker  compose', ''],
    ['page.html and current_app.redis and app.Redis', ''],
    ['Kubernetes/k8s, K8S, k8s-cluster, _k8s, k8s_', 'K8s on AWS'],
    ['ML and AI, ml and ai, Ml', ''],
    ['REST and rest apis, RESTful', ''],
    ['JS and js, Node.js and node js, .NET', ''],
    ['https://github.com/elastic/elasticsearch and #elasticsearch', ''],
    ['C# and F#, c++ and C++', ''],
    ['Straße, Goksøyr, différence, İstanbul, ΣΟΦΙΑΣ', ''],
    ['𝐀docker docker𝐀 😀kubernetes', ''],
    ['', ''],
  ])('finds the same tags as running every pattern: %j', (text, title) => {
    const [fast, slow] = both(text, title);
    expect(fast).toEqual(slow);
  });

  it.each([
    ['C# and .net and asp.net and dotnet'],
    ['CI/CD with CI and ci'],
    ['a -leading dash and trailing- here'],
    ['ΣΟΦΙΑΣ and Σοφία and σοφια'],
    ['𝐀𝐁 and x𝐀y and 𝐀𝐁𝐀𝐁'],
    ['Go with a gopher; golang goroutine'],
  ])('and with unusual terms: %j', (text) => {
    const [fast, slow] = both(text, '', custom);
    expect(fast).toEqual(slow);
  });

  it('finds the same tags for any text', () => {
    const piece = fc.constantFrom(
      'docker',
      'Docker',
      'compose',
      'kubernetes',
      'k8s',
      'ML',
      'ml',
      'AI',
      'REST',
      'JS',
      'node',
      'Node.js',
      '.NET',
      'C#',
      'CI/CD',
      'golang',
      'gopher',
      'Σοφία',
      'ΣΟΦΙΑΣ',
      '𝐀',
      'x',
      'y',
      '#k8s',
      'https://github.com/docker/',
      'page.html',
      'app.redis',
      'redis',
    );
    const gap = fc.constantFrom(' ', '  ', '-', '--', '.', '/', '_', '\n', '', ', ', ' - ');
    const text = fc
      .array(fc.tuple(piece, gap), { maxLength: 16 })
      .map((parts) => parts.map(([word, sep]) => word + sep).join(''));
    fc.assert(
      fc.property(text, (value) => {
        for (const vocabulary of [builtIn, custom]) {
          const [fast, slow] = both(value, '', vocabulary);
          expect(fast).toEqual(slow);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('words', () => {
  it.each([
    ['docker-compose up', ['docker', 'compose', 'up']],
    ['page.html', ['page', 'html']],
    ['snake_case k8s', ['snake_case', 'k8s']],
    ['Straße', ['Straße']],
    ['x\u0301y', ['x', 'y']],
    ['a𝐀b', ['a', 'b']],
    ['  ', []],
  ])('wordRuns(%j)', (text, expected) => {
    expect(wordRuns(text)).toEqual(expected);
  });

  it.each([
    ['Docker Compose', false, ['docker', 'compose']],
    ['CI/CD', true, ['CI', 'CD']],
    ['C#', false, ['c']],
    ['.NET', false, ['net']],
    ['node-js', false, ['node', 'js']],
  ])('wordsToMatch(%j, matchCase %s)', (term, matchCase, expected) => {
    expect(wordsToMatch(term, matchCase)).toEqual(expected);
  });

  it('mayMatch needs every word', () => {
    expect(mayMatch(['docker', 'compose'], new Set(['docker', 'compose', 'up']))).toBe(true);
    expect(mayMatch(['docker', 'compose'], new Set(['docker']))).toBe(false);
    expect(mayMatch([], new Set())).toBe(true);
  });
});
