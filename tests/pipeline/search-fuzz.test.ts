/** Search never throws on anything a person can type, and answers fast. */
import fc from 'fast-check';
import type lunr from 'lunr';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSampleSearch } from './sample-search';
import type { Talk } from '../../src/shared/bundle';
import { highlight, snippet } from '../../src/shared/search/highlight';
import { parseQuery, SEARCH_FAILED, searchTalks } from '../../src/shared/search/query';

let index: lunr.Index;
let talksById: Map<string, Talk>;

beforeAll(async () => {
  ({ index, talksById } = await loadSampleSearch());
});

const syntax = fc.constantFrom(
  ...['title:', 'speaker:', 'tag:', ':', '*', '~', '~2', '^', '^10', '+', '-', '"', '“', '”'],
  ...['\\', '(', ')', '[', ']', '{', '}', ' ', '  ', '\t', '\n', '\u0000', '\u200d', '\ud800'],
);
const words = fc.constantFrom(
  ...['docker', 'kube', 'kubernets', 'aws', 'etcd', 'the', 'a', 'lvh', 'différence', 'Goksøyr'],
  ...['日本語', '中文', 'Ελληνικά', 'żółć', '😀', '👩‍💻', 'https://x.org/a', 'elastcsearch'],
);
const query = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 60 }), weight: 2 },
  {
    arbitrary: fc.array(fc.oneof(syntax, words), { maxLength: 30 }).map((parts) => parts.join('')),
    weight: 3,
  },
  {
    arbitrary: fc.array(fc.oneof(syntax, words), { maxLength: 20 }).map((parts) => parts.join(' ')),
    weight: 3,
  },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1000, maxLength: 5000 }), weight: 1 },
);

/**
 * A bound that catches a query that hangs (lunr's own wildcard expansion once took 75 s), not a
 * speed goal: typical answers take well under a millisecond here, and speed is measured by
 * scripts/bench-search.ts. Generous, so a busy machine or a GC pause does not fail it.
 */
const NEVER_HANGS_MS = 250;

describe('search under random input', () => {
  it('never throws and answers each query within the hang bound (3,000 runs)', () => {
    let slowest = 0;
    fc.assert(
      fc.property(query, (input) => {
        const started = performance.now();
        const result = searchTalks(index, talksById, input);
        const elapsed = performance.now() - started;
        slowest = Math.max(slowest, elapsed);
        expect(elapsed).toBeLessThan(NEVER_HANGS_MS);
        expect(Array.isArray(result.hits)).toBe(true);
        expect(result.notice ?? '').not.toContain(SEARCH_FAILED);
        for (const hit of result.hits) {
          expect(talksById.has(hit.id)).toBe(true);
          expect(Number.isFinite(hit.score)).toBe(true);
        }
        const text = talksById.get(result.hits[0]?.id ?? '')?.text ?? input;
        const terms = result.hits[0]?.matchedTerms ?? [input];
        expect(
          highlight(text, terms)
            .map((s) => s.text)
            .join(''),
        ).toBe(text);
        expect(typeof snippet(text, terms, 120)).toBe('string');
      }),
      { numRuns: 3000 },
    );
    expect(slowest).toBeLessThan(NEVER_HANGS_MS);
  }, 60_000);

  it('parses anything into plain strings', () => {
    fc.assert(
      fc.property(query, (input) => {
        const parsed = parseQuery(input);
        for (const list of [parsed.words, parsed.phrases, parsed.exclude, parsed.excludePhrases]) {
          for (const item of list) expect(item.trim()).not.toBe('');
        }
      }),
      { numRuns: 1000 },
    );
  });
});
