/**
 * An index's postings with talks as numbers: what the scorer walks. A query over 10,000 talks
 * touches tens of thousands of postings; keyed by talk id strings (Sets, Maps, objects per match)
 * they cost most of a query's time and its garbage, as plain numbers in typed arrays they cost
 * little. The sharded index (shards.ts) stores talks by number already; a whole lunr index (tests,
 * the benchmark's peer) is numbered here, a term at a time, on first use.
 */
import type lunr from 'lunr';

/** The talks holding a term in one field, by number, each with its weight (lunr's field vector entry). */
export interface FieldPostings {
  docs: Int32Array;
  weights: Float64Array;
}

/** A term's postings: its index in lunr's term vectors, and per field its talks and weights. */
export interface TermPostings {
  termIndex: number;
  fields: ReadonlyMap<string, FieldPostings>;
}

/** An index as the scorer reads it: talk ids by number, and a term's postings. */
export interface NumberedIndex {
  /** Each talk's id (or a day note's search id), by number. */
  refs: readonly string[];
  postings(term: string): TermPostings | undefined;
}

/** `[talk, weight, talk, weight, …]` (a shard's layout) → typed arrays. */
export function fromPairs(pairs: readonly number[]): FieldPostings {
  const count = pairs.length >> 1;
  const docs = new Int32Array(count);
  const weights = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    docs[i] = pairs[2 * i]!;
    weights[i] = pairs[2 * i + 1]!;
  }
  return { docs, weights };
}

/** What of lunr's loaded index is read here. */
interface LunrInternals {
  invertedIndex: Record<string, Record<string, unknown> | undefined>;
  fieldVectors: Record<string, { elements: number[] } | undefined>;
  fields: string[];
}

/** A talk's weight for a term in a field: a binary search of its field vector's sorted pairs. */
function weightIn(elements: readonly number[], termIndex: number): number {
  let low = 0;
  let high = elements.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = elements[mid * 2]!;
    if (at === termIndex) return elements[mid * 2 + 1]!;
    if (at < termIndex) low = mid + 1;
    else high = mid - 1;
  }
  return 0;
}

const numbered = new WeakMap<object, NumberedIndex>();

/** A whole lunr index, numbered: talks in the order of their field vectors, postings on demand. */
export function numberLunrIndex(index: lunr.Index): NumberedIndex {
  let found = numbered.get(index);
  if (found) return found;
  const internals = index as unknown as LunrInternals;
  const numbers = new Map<string, number>();
  for (const fieldRef of Object.keys(internals.fieldVectors)) {
    const ref = fieldRef.slice(fieldRef.indexOf('/') + 1);
    if (!numbers.has(ref)) numbers.set(ref, numbers.size);
  }
  const refs = [...numbers.keys()];
  const cache = new Map<string, TermPostings | undefined>();
  found = {
    refs,
    postings(term) {
      if (cache.has(term)) return cache.get(term);
      const posting = Object.hasOwn(internals.invertedIndex, term)
        ? internals.invertedIndex[term]
        : undefined;
      let postings: TermPostings | undefined;
      if (posting) {
        const termIndex = posting._index as number;
        const fields = new Map<string, FieldPostings>();
        for (const field of internals.fields) {
          const byRef = posting[field] as Record<string, unknown> | undefined;
          if (!byRef) continue;
          const talks = Object.keys(byRef).filter((ref) => numbers.has(ref));
          const docs = new Int32Array(talks.length);
          const weights = new Float64Array(talks.length);
          talks.forEach((ref, i) => {
            docs[i] = numbers.get(ref)!;
            weights[i] = weightIn(
              internals.fieldVectors[`${field}/${ref}`]?.elements ?? [],
              termIndex,
            );
          });
          fields.set(field, { docs, weights });
        }
        postings = { termIndex, fields };
      }
      cache.set(term, postings);
      return postings;
    },
  };
  numbered.set(index, found);
  return found;
}
