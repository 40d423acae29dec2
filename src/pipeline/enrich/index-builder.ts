/**
 * lunr's `Builder` and `Index#toJSON`, redone for tens of thousands of talks: the same index, term
 * for term and score for score (tests/pipeline/index-builder.test.ts compares them), in a fraction
 * of the time and memory.
 *
 * lunr runs the whole pipeline (trim, fold, stem…) on every token of every talk and keeps an
 * object per term per talk. Its steps look at nothing but the word in hand, so here the pipeline
 * runs once per distinct word; terms are numbers; and the index is kept as flat arrays
 * (`CompactIndex`), from which the search shards are cut directly (search-shards.ts).
 * `toLunrJson` gives lunr's own serialized form for whatever asks for it.
 */
import lunr from 'lunr';
import { configurePipeline, tokenizeWords } from '../../shared/search/pipeline';

export interface CompactIndex {
  /** Field names, in the order they were added (lunr's `fields`). */
  fields: string[];
  /** Document refs, in the order the documents were added; no two alike. */
  refs: string[];
  /** Every term, at its index in the term vectors (a lunr posting's `_index`). */
  terms: string[];
  /**
   * Field vector `n`, of document `refs[Math.floor(n / fields.length)]` and field
   * `fields[n % fields.length]`, holds `vectorTerms[i]` (term indices, ascending) and
   * `vectorScores[i]` for `vectorStart[n] <= i < vectorStart[n + 1]`: lunr's `fieldVectors`.
   */
  vectorStart: Int32Array;
  vectorTerms: Int32Array;
  vectorScores: Float64Array;
  /** The search pipeline by its steps' registered names (what lunr serializes). */
  pipeline: string[];
}

/** The parts of `lunr.Builder` its typings leave out. */
interface BuilderInternals {
  _k1: number;
  _b: number;
}

/** True when no two documents share a ref: lunr would merge their postings, this builder cannot. */
export function hasUniqueRefs(refs: readonly string[]): boolean {
  return new Set(refs).size === refs.length;
}

/**
 * Word → the numbers of the terms the index pipeline makes of it, each term numbered when first
 * seen (as lunr numbers them). One call of the pipeline per distinct word.
 */
export function memoizePipeline(
  pipeline: lunr.Pipeline,
  termNumber: (term: string) => number,
): (word: string) => readonly number[] {
  const known = new Map<string, readonly number[]>();
  return (word) => {
    let numbers = known.get(word);
    if (numbers === undefined) {
      numbers = pipeline.run([new lunr.Token(word, {})]).map((term) => termNumber(String(term)));
      known.set(word, numbers);
    }
    return numbers;
  };
}

/** lunr's inverse document frequency; `documentsWithTerm` counts a talk once per field. */
export function inverseDocumentFrequency(documentsWithTerm: number, documentCount: number): number {
  const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
  return Math.log(1 + Math.abs(x));
}

/** lunr's BM25 weight of a term in a field, rounded to 3 decimals as lunr stores it. */
export function fieldTermScore(
  idf: number,
  tf: number,
  fieldLength: number,
  averageFieldLength: number,
  boost: number,
  { k1, b }: { k1: number; b: number },
): number {
  // The very expression lunr evaluates, in the same order, so the rounding is the same.
  let score =
    (idf * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (fieldLength / averageFieldLength)) + tf);
  score *= boost;
  return Math.round(score * 1000) / 1000;
}

/**
 * Documents → the index lunr would build with the shared pipeline (`configurePipeline`), ref `id`
 * and these fields and boosts. Refs must be unique (`hasUniqueRefs`).
 */
export function buildCompactIndex(
  documents: readonly { readonly id: string }[],
  fieldBoosts: Readonly<Record<string, number>>,
): CompactIndex {
  const builder = new lunr.Builder();
  configurePipeline(builder);
  const { _k1: k1, _b: b } = builder as unknown as BuilderInternals;
  const fields = Object.keys(fieldBoosts);

  const terms: string[] = [];
  const numbers = new Map<string, number>();
  const counts: number[] = [];
  const documentsWithTerm: number[] = [];
  const termNumber = (term: string): number => {
    let number = numbers.get(term);
    if (number === undefined) {
      number = terms.length;
      numbers.set(term, number);
      terms.push(term);
      counts.push(0);
      documentsWithTerm.push(0);
    }
    return number;
  };
  const termsOf = memoizePipeline(builder.pipeline, termNumber);

  // Pass 1: term frequencies and field lengths, as lunr's `add` counts them.
  const vectorStart: number[] = [0];
  const vectorTerms: number[] = [];
  const frequencies: number[] = [];
  const fieldLengths: number[] = [];
  const lengthSums = fields.map(() => 0);
  const refs = documents.map((document) => String(document.id));
  for (const document of documents) {
    fields.forEach((field, f) => {
      const value = (document as Readonly<Record<string, unknown>>)[field];
      const touched: number[] = [];
      let length = 0;
      for (const word of typeof value === 'string' ? tokenizeWords(value) : []) {
        for (const term of termsOf(word)) {
          length++;
          if (counts[term] === 0) touched.push(term);
          counts[term] = counts[term]! + 1;
        }
      }
      touched.sort((x, y) => x - y);
      for (const term of touched) {
        vectorTerms.push(term);
        frequencies.push(counts[term]!);
        documentsWithTerm[term] = documentsWithTerm[term]! + 1;
        counts[term] = 0;
      }
      vectorStart.push(vectorTerms.length);
      fieldLengths.push(length);
      lengthSums[f] = lengthSums[f]! + length;
    });
  }

  // Pass 2: scores, as lunr's `createFieldVectors` computes them.
  const averages = lengthSums.map((sum) => sum / documents.length);
  const boosts = fields.map((field) => fieldBoosts[field] || 1);
  const idf = documentsWithTerm.map((count) => inverseDocumentFrequency(count, documents.length));
  const vectorScores = new Float64Array(vectorTerms.length);
  for (let n = 0; n < fieldLengths.length; n++) {
    const f = n % fields.length;
    for (let i = vectorStart[n]!; i < vectorStart[n + 1]!; i++) {
      const term = vectorTerms[i]!;
      vectorScores[i] = fieldTermScore(
        idf[term]!,
        frequencies[i]!,
        fieldLengths[n]!,
        averages[f]!,
        boosts[f]!,
        { k1, b },
      );
    }
  }

  return {
    fields,
    refs,
    terms,
    vectorStart: Int32Array.from(vectorStart),
    vectorTerms: Int32Array.from(vectorTerms),
    vectorScores,
    pipeline: builder.searchPipeline.toJSON() as unknown as string[],
  };
}

/** Calls `visit` for every entry of every field vector, in lunr's order (documents, then fields). */
export function forEachVectorEntry(
  index: CompactIndex,
  visit: (ref: string, field: string, term: number, score: number, vector: number) => void,
): void {
  const { fields, refs, vectorStart, vectorTerms, vectorScores } = index;
  for (let n = 0; n + 1 < vectorStart.length; n++) {
    const ref = refs[Math.floor(n / fields.length)]!;
    const field = fields[n % fields.length]!;
    for (let i = vectorStart[n]!; i < vectorStart[n + 1]!; i++) {
      visit(ref, field, vectorTerms[i]!, vectorScores[i]!, n);
    }
  }
}

/** Term numbers in the order of their terms as strings (lunr sorts its inverted index so). */
export function termsInOrder(terms: readonly string[]): number[] {
  return terms
    .map((_, number) => number)
    .sort((x, y) => (terms[x]! < terms[y]! ? -1 : terms[x]! > terms[y]! ? 1 : 0));
}

/** `lunr.Index#toJSON()` of the index lunr would have built: the same keys in the same order. */
export function toLunrJson(index: CompactIndex): object {
  const { fields, refs, terms, vectorStart } = index;
  const postings = terms.map((_, number) => {
    const posting: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    posting._index = number;
    for (const field of fields) posting[field] = Object.create(null);
    return posting;
  });
  const elements: number[][] = [];
  forEachVectorEntry(index, (ref, field, term, score, n) => {
    (postings[term]![field] as Record<string, object>)[ref] = Object.create(null) as object;
    (elements[n] ??= []).push(term, score);
  });
  const fieldVectors: Array<[string, number[]]> = [];
  for (let n = 0; n + 1 < vectorStart.length; n++) {
    const ref = refs[Math.floor(n / fields.length)]!;
    fieldVectors.push([`${fields[n % fields.length]!}/${ref}`, elements[n] ?? []]);
  }
  return {
    version: lunr.version,
    fields: [...fields],
    fieldVectors,
    invertedIndex: termsInOrder(terms).map((number) => [terms[number]!, postings[number]!]),
    pipeline: [...index.pipeline],
  };
}
