/**
 * Runs a query against the prebuilt index with lunr's query API (never its string parser, which
 * throws on `title:` or `~`): prefixes while typing, typo tolerance, stemming, all words required
 * with a flagged fallback to any word, field filters, exclusions and phrases.
 */
import lunr from 'lunr';
import { isEmptyQuery, parseQuery, type FilterField, type ParsedQuery } from './parse-query';
import {
  fold,
  isCjk,
  isStopWord,
  STEM_MARK,
  stemTermsOf,
  toBigrams,
  tokenize,
  wordPieces,
} from './pipeline';
import { containsPhrase } from './highlight';
import { numberLunrIndex, type FieldPostings, type NumberedIndex } from './postings';

export { parseQuery, type ParsedQuery } from './parse-query';

/** What phrase checks read from a talk. */
export interface SearchableTalk {
  title: string;
  text: string;
}

export interface SearchOptions {
  /** Most hits returned. Default: all. */
  limit?: number;
  /** Match each word as a prefix (`kube` → Kubernetes). Default: true. */
  prefix?: boolean;
  /**
   * Guess when a word finds little: near spellings (none under 5 letters, one typo for 5–7, two
   * from 8) and talks that only share its stem. Default: true.
   */
  fuzzy?: boolean;
  /**
   * Check "phrases" against the talks' text. Default: true. False finds the talks that have every
   * word of the phrases (a superset), whose text can then be fetched and checked.
   */
  checkPhrases?: boolean;
  /**
   * Let lunr score every talk holding a query term, not only the candidates. Default: false. The
   * scores are the same either way (tests compare them); scoring only candidates is faster.
   */
  scoreAll?: boolean;
}

const defaults: Required<SearchOptions> = {
  limit: Infinity,
  prefix: true,
  fuzzy: true,
  checkPhrases: true,
  scoreAll: false,
};

export interface SearchHit<Id extends string = string> {
  id: Id;
  score: number;
  /** Index terms (stems, CJK bigrams) and phrases that matched: pass them to `highlight`. */
  matchedTerms: string[];
  /** Found only through a guess (a near spelling, a shared stem): ranked after the others. */
  guessed: boolean;
}

export interface SearchResult<Id extends string = string> {
  /** The best matches, at most `limit`, with what they matched. */
  hits: SearchHit<Id>[];
  /** Every match, best first, however many `hits` were asked for (`limit`): true counts. */
  ids: Id[];
  /** How many talks match: `ids.length`. */
  total: number;
  /** Every index term (and phrase) some match matched: to mark matches past `hits`. */
  terms: string[];
  /**
   * True when every hit matches every word. False when nothing matched them all and the hits
   * match some of the words (best first): say so to the person.
   */
  matchedAll: boolean;
  /** Something to tell the person about how their input was read. */
  notice?: string;
  query: ParsedQuery;
}

/**
 * Prefix expansion is capped so `s` does not turn into thousands of clauses on a big corpus;
 * the shortest completions are kept (the likeliest words being typed).
 */
const PREFIX_CAP: readonly number[] = [0, 12, 40];
const PREFIX_CAP_LONG = 300;
const FUZZY_CAP = 40;
/** Words longer than this are matched exactly (pasted hashes, URLs): fuzzy search on them is slow. */
const MAX_EXPANDED_LENGTH = 24;

const BOOST_EXACT = 1;
const BOOST_PREFIX = 0.5;
const BOOST_STEM = 0.35;
const BOOST_FUZZY = 0.25;

/**
 * A typed word found (whole or as a prefix) in fewer talks than this also counts its guesses:
 * talks that only share its stem (`tips` for `tipping`) and near spellings (`kubernets`). A word
 * found often enough is taken as meant, so `security` never brings "separate".
 */
export const FEW_MATCHES = 5;
/** Stems shorter than this are not guessed from: `aws` stems to `aw`, as "awful" does. */
const MIN_STEM_LENGTH = 3;
/** Words shorter than this are not stemmed for guesses (`aws`, `news`). */
const MIN_STEMMED_WORD = 4;
/** How many of a word's completions lend their stems to its guesses (`tippin` → `tipping` → `~tip`). */
const STEMMED_COMPLETIONS = 10;

/** Typos forgiven in a word: none under 5 letters, one for 5–7, two from 8. */
export function typoDistance(word: string): number {
  const length = [...word].length;
  return length < 5 ? 0 : length < 8 ? 1 : 2;
}

/**
 * A term's posting: `_index`, its number in lunr's term vectors, and per field the talks holding
 * it, each with its weight (the sharded index) or lunr's match metadata (a whole lunr index).
 */
type Posting = Record<string, Record<string, unknown>>;
/**
 * Where the completions of a one- or two-letter prefix are looked for: what a talk card shows
 * (title, speakers, tags, track, conference), not the notes. `d` completes to the commonest words
 * of the notes, each in thousands of talks at 10,000 talks, so searching the notes for them costs
 * the most and tells the least; from the third letter the notes are searched too, and a whole
 * one- or two-letter word (`go`, `ai`) is always looked for everywhere.
 */
const SHORT_PREFIX_LENGTH = 2;
const CARD_FIELDS: readonly string[] = ['title', 'speakers', 'tags', 'track', 'conference'];

interface IndexInternals {
  tokenSet: lunr.TokenSet;
  invertedIndex: Record<string, Posting | undefined>;
  fields: string[];
  /** The postings with talks as numbers (the sharded index's own; a whole index is numbered). */
  numbered?: NumberedIndex;
  /** Is `term` in the index, when not every posting is loaded (the sharded index's term list)? */
  hasTerm?: (term: string) => boolean;
  /** The terms of the card fields as a trie, when the index was made with them (sharded). */
  cardTokenSet?: lunr.TokenSet;
}

/** `lunr.TokenSet.fromArray` exists (it builds the index's own token set) but is not in @types/lunr. */
export const tokenSetFromArray = (terms: readonly string[]): lunr.TokenSet =>
  (lunr.TokenSet as unknown as { fromArray(terms: readonly string[]): lunr.TokenSet }).fromArray(
    terms,
  );

/** The sorted terms that occur in a card field of some talk. */
export function cardTermsOf(invertedIndex: Iterable<[string, Record<string, unknown>]>): string[] {
  const terms: string[] = [];
  for (const [term, posting] of invertedIndex) {
    if (
      CARD_FIELDS.some((field) => {
        const docs = posting[field];
        return typeof docs === 'object' && docs !== null && Object.keys(docs).length > 0;
      })
    ) {
      terms.push(term);
    }
  }
  return terms.sort();
}

const cardTries = new WeakMap<object, TrieNode>();

/** Where short prefixes are completed: the card fields' terms (built once per whole index). */
function cardTrie(index: IndexInternals): TrieNode {
  if (index.cardTokenSet) return index.cardTokenSet as unknown as TrieNode;
  let trie = cardTries.get(index);
  if (!trie) {
    const postings = Object.entries(index.invertedIndex).flatMap(([term, posting]) =>
      posting ? [[term, posting] as [string, Record<string, unknown>]] : [],
    );
    trie = tokenSetFromArray(cardTermsOf(postings)) as unknown as TrieNode;
    cardTries.set(index, trie);
  }
  return trie;
}

/** One thing a talk must contain: a word of the query, in all fields or in one. */
interface TermGroup {
  /** The word as typed, folded (the "Showing results for" notice replaces it). */
  word: string;
  /** Index term → clause boost: the word itself and its completions. */
  terms: Map<string, number>;
  /** Stem-only matches and near spellings, counted when `terms` find few talks (FEW_MATCHES). */
  guesses: Map<string, number>;
  /** The guesses that are near spellings (what "Showing results for" names). */
  nearSpellings: Set<string>;
  /** Restricts the match to these index fields; undefined for all. */
  fields?: FilterField[];
  /** Completions of a one- or two-letter prefix: matched in the card fields only. */
  cardOnly?: Set<string>;
}

interface Expansion {
  prefix: boolean;
  /** Make guesses (stem-only matches, near spellings) for when the word finds little. */
  guess: boolean;
  /** Most prefix or typo expansions per word: shared out so long queries stay fast. */
  cap?: number;
}

/** Prefix and typo expansions across the whole query (each becomes a lunr clause). */
const EXPANSION_BUDGET = 120;

/** A node of lunr's token set: the index's vocabulary as a trie. */
interface TrieNode {
  final: boolean;
  edges: Record<string, TrieNode>;
}

/**
 * Index terms starting with `prefix`, shortest first, at most `cap`: a breadth-first walk of the
 * index's trie, so a one-letter prefix on a huge vocabulary stops early.
 */
export function completionsOf(root: TrieNode, prefix: string, cap: number): string[] {
  let node: TrieNode | undefined = root;
  for (const char of prefix) {
    node = node.edges[char];
    if (!node) return [];
  }
  const found: string[] = [];
  let level: [TrieNode, string][] = [[node, prefix]];
  while (level.length > 0 && found.length < cap) {
    const next: [TrieNode, string][] = [];
    for (const [current, text] of level) {
      if (current.final && text !== prefix) {
        found.push(text);
        if (found.length >= cap) break;
      }
      for (const [char, child] of Object.entries(current.edges)) {
        // Marked stems are no one's completion (see STEM_MARK).
        if (char !== STEM_MARK || text !== '') next.push([child, text + char]);
      }
    }
    level = next;
  }
  return found;
}

/**
 * Index terms within `distance` edits of `word` (insert, delete, substitute, swap two neighbours),
 * at most `cap`: a Levenshtein row carried down the index's trie, pruning branches that are
 * already too far. Much cheaper than lunr's `TokenSet.fromFuzzyString` + `intersect`.
 */
export function nearTermsOf(root: TrieNode, word: string, distance: number, cap: number): string[] {
  const found: string[] = [];
  const n = word.length;
  const first = Array.from({ length: n + 1 }, (_, j) => j);
  const walk = (
    node: TrieNode,
    text: string,
    row: number[],
    previous: number[] | null,
    lastChar: string,
  ) => {
    for (const [char, child] of Object.entries(node.edges)) {
      if (found.length >= cap) return;
      if (char === STEM_MARK && text === '') continue; // marked stems are not spellings
      const next = [row[0]! + 1];
      let best = next[0]!;
      for (let j = 1; j <= n; j++) {
        const cost = word[j - 1] === char ? 0 : 1;
        let value = Math.min(next[j - 1]! + 1, row[j]! + 1, row[j - 1]! + cost);
        if (previous && j > 1 && word[j - 1] === lastChar && word[j - 2] === char) {
          value = Math.min(value, previous[j - 2]! + 1);
        }
        next.push(value);
        if (value < best) best = value;
      }
      if (child.final && next[n]! <= distance && text + char !== word) found.push(text + char);
      if (best <= distance) walk(child, text + char, next, row, char);
    }
  };
  walk(root, '', first, null, '');
  return found;
}

/**
 * The trie walks of recent words, per trie: typing reads the same words keystroke after keystroke
 * (and the sharded index reads each query twice: once for the shards, once to answer), and a
 * near-spelling walk is the costliest step of a query. Pure in the trie and the arguments.
 */
const walks = new WeakMap<object, Map<string, string[]>>();
const WALKS_KEPT = 2000;

function remembered(root: TrieNode, key: string, walk: () => string[]): string[] {
  let cache = walks.get(root);
  if (!cache) walks.set(root, (cache = new Map<string, string[]>()));
  let found = cache.get(key);
  if (!found) {
    if (cache.size >= WALKS_KEPT) cache.clear();
    found = walk();
    cache.set(key, found);
  }
  return found;
}

/** A word's expansions: what it finds itself, and the guesses counted when that is little. */
interface Expanded {
  terms: Map<string, number>;
  guesses: Map<string, number>;
  nearSpellings: Set<string>;
}

function expand(
  index: IndexInternals,
  folded: string,
  how: Expansion,
  cardOnly?: Set<string>,
): Expanded {
  const terms = new Map<string, number>();
  const guesses = new Map<string, number>();
  const nearSpellings = new Set<string>();
  const has = index.hasTerm ?? ((term: string) => index.invertedIndex[term] !== undefined);
  const add = (into: Map<string, number>, term: string, boost: number) => {
    if (has(term) && (into.get(term) ?? 0) < boost) into.set(term, boost);
  };
  const root = index.tokenSet as unknown as TrieNode;

  add(terms, folded, BOOST_EXACT);
  if (folded.length > MAX_EXPANDED_LENGTH) return { terms, guesses, nearSpellings };

  const completions: string[] = [];
  if (how.prefix) {
    const cap = Math.min(PREFIX_CAP[folded.length] ?? PREFIX_CAP_LONG, how.cap ?? Infinity);
    const short = !isCjk(folded) && [...folded].length <= SHORT_PREFIX_LENGTH;
    // A short prefix is completed from the card fields' words, and matched there only.
    const trie = short ? cardTrie(index) : root;
    const found = remembered(trie, `p\u0000${folded}\u0000${cap}`, () =>
      completionsOf(trie, folded, cap),
    );
    for (const term of found) {
      if (short && !terms.has(term)) cardOnly?.add(term);
      add(terms, term, BOOST_PREFIX);
      completions.push(term);
    }
  }
  if (how.guess && !isCjk(folded)) {
    // Talks that share a stem with the word or one of its first completions.
    const stemmedWords = [...folded].length >= MIN_STEMMED_WORD ? [folded] : [];
    if (!short(folded)) stemmedWords.push(...completions.slice(0, STEMMED_COMPLETIONS));
    for (const word of stemmedWords) {
      for (const term of stemTermsOf(word)) {
        const bare = term.startsWith(STEM_MARK) ? term.slice(STEM_MARK.length) : term;
        if (bare.length >= MIN_STEM_LENGTH && !terms.has(term)) add(guesses, term, BOOST_STEM);
      }
    }
    const distance = typoDistance(folded);
    if (distance > 0) {
      const cap = Math.min(FUZZY_CAP, how.cap ?? Infinity);
      const near = remembered(root, `n\u0000${folded}\u0000${distance}\u0000${cap}`, () =>
        nearTermsOf(root, folded, distance, cap),
      );
      for (const term of near) {
        if (terms.has(term)) continue;
        add(guesses, term, BOOST_FUZZY);
        nearSpellings.add(term);
      }
    }
  }
  return { terms, guesses, nearSpellings };
}

const short = (folded: string) => [...folded].length <= SHORT_PREFIX_LENGTH;

/** Several ways of reading one word (`l'autel` → `lautel`, `autel`) as one group: any will do. */
function mergeExpanded(all: readonly Expanded[]): Expanded {
  const merged: Expanded = { terms: new Map(), guesses: new Map(), nearSpellings: new Set() };
  const keepBest = (into: Map<string, number>, term: string, boost: number) => {
    if ((into.get(term) ?? 0) < boost) into.set(term, boost);
  };
  for (const one of all) {
    for (const [term, boost] of one.terms) keepBest(merged.terms, term, boost);
  }
  for (const one of all) {
    for (const [term, boost] of one.guesses) {
      if (!merged.terms.has(term)) keepBest(merged.guesses, term, boost);
    }
    for (const term of one.nearSpellings)
      if (!merged.terms.has(term)) merged.nearSpellings.add(term);
  }
  return merged;
}

/** One typed word → the groups a talk must match (a URL or `日本語` gives several). */
function toGroups(
  index: IndexInternals,
  word: string,
  how: Expansion,
  fields?: FilterField[],
): { groups: TermGroup[]; stopWords: TermGroup[] } {
  const groups: TermGroup[] = [];
  const stopWords: TermGroup[] = [];
  const addGroup = (folded: string, expanded: Expanded, cardOnly: Set<string>, stop: boolean) => {
    const group: TermGroup = {
      word: folded,
      ...expanded,
      ...(fields ? { fields } : {}),
      ...(cardOnly.size > 0 ? { cardOnly } : {}),
    };
    (stop ? stopWords : groups).push(group);
  };
  for (const variants of wordPieces(word)) {
    if (variants.length > 1) {
      // A word with apostrophes: found as the whole or as its parts.
      const folded = variants.map(fold).filter((variant) => variant !== '');
      if (folded.length === 0) continue;
      const cardOnly = new Set<string>();
      addGroup(
        folded[0]!,
        mergeExpanded(folded.map((variant) => expand(index, variant, how, cardOnly))),
        cardOnly,
        folded.every(isStopWord),
      );
      continue;
    }
    for (const token of tokenize(variants[0]!)) {
      const folded = fold(token.toString());
      if (folded === '') continue;
      for (const part of toBigrams(folded)) {
        const cjk = isCjk(part);
        // A lone CJK character is a prefix of the bigrams that start with it.
        const partHow = cjk ? { prefix: how.prefix || [...part].length === 1, guess: false } : how;
        const cardOnly = new Set<string>();
        addGroup(part, expand(index, part, partHow, cardOnly), cardOnly, isStopWord(part));
      }
    }
  }
  return { groups, stopWords };
}

/** The fields a group's term is matched in. */
function fieldsOf(index: IndexInternals, group: TermGroup, term: string): string[] {
  const fields: readonly string[] = group.fields ?? index.fields;
  return group.cardOnly?.has(term) ? fields.filter((f) => CARD_FIELDS.includes(f)) : [...fields];
}

/** The terms a group is matched and scored by: its own, and its guesses when they count. */
function activeTerms(group: TermGroup, withGuesses: boolean): Map<string, number> {
  return withGuesses && group.guesses.size > 0
    ? new Map([...group.terms, ...group.guesses])
    : group.terms;
}

/** One term of the query, as lunr's query clause: matched in `fields`, weighted by `boost`. */
interface Clause {
  term: string;
  boost: number;
  fields: readonly string[];
}

/** A talk's score (by number), as lunr's `Index#query` gives it: the reference for the tests. */
function lunrScores(
  index: lunr.Index,
  numbered: NumberedIndex,
  clauses: readonly Clause[],
): Map<number, { score: number; terms: string[] }> {
  const numbers = new Map(numbered.refs.map((ref, n) => [ref, n]));
  const results = index.query((q) => {
    for (const { term, boost, fields } of clauses) {
      q.term(term, {
        fields: [...fields],
        boost,
        usePipeline: false,
        wildcard: lunr.Query.wildcard.NONE,
        presence: lunr.Query.presence.OPTIONAL,
      });
    }
  });
  return new Map(
    results.flatMap((result) => {
      const n = numbers.get(result.ref);
      return n === undefined
        ? []
        : [[n, { score: result.score, terms: Object.keys(result.matchData.metadata) }] as const];
    }),
  );
}

/** Scratch space of `Scorer`: a talk's fields in the order met, its matches in one field. */
let fieldOrder = new Int32Array(16);
let inField = new Int32Array(64);

/**
 * lunr's scoring model over the candidates, with talks as numbers and no object per match: per
 * field, the dot product of the query vector (each clause's boost at its term's index, summed)
 * with the talk's field vector, over the query vector's length; a talk's score is the sum over
 * its fields. The sums run in lunr's order (field vectors by term index; fields in the order lunr
 * first meets them, clause by clause), so scores equal `Index#query`'s to the last bit.
 */
class Scorer {
  /**
   * Every candidate's matches, talk after talk, each talk's in the order met: the (term, field)
   * pair (`pairOf`) and the talk's weight for it (`weightOf`); talk n's are from `start[n]` to
   * `start[n + 1]`. Flat typed arrays: no array per talk for the collector to sweep.
   */
  private readonly start: Int32Array;
  private readonly pairOf: Int32Array;
  private readonly weightOf: Float64Array;
  /** Each (term, field) read, in the order met. */
  private readonly pairs: Array<{
    term: string;
    termIndex: number;
    field: number;
    /** Some candidate has it. */
    matched: boolean;
  }> = [];
  /** Per field (by number), term index → summed boost: lunr's query vectors. */
  private readonly queryVectors: Array<Map<number, number>>;
  private readonly lengths: number[];

  constructor(
    numbered: NumberedIndex,
    fields: readonly string[],
    clauses: readonly Clause[],
    candidates: Uint8Array,
  ) {
    const size = numbered.refs.length;
    this.queryVectors = fields.map(() => new Map<number, number>());
    if (fieldOrder.length < fields.length) fieldOrder = new Int32Array(fields.length);
    const fieldNumbers = new Map(fields.map((field, n) => [field, n]));
    const seen = new Set<string>();
    const read: FieldPostings[] = [];
    const count = new Int32Array(size + 1);
    for (const { term, boost, fields: clauseFields } of clauses) {
      const postings = numbered.postings(term);
      if (!postings) continue;
      const { termIndex } = postings;
      for (const field of clauseFields) {
        const fieldNumber = fieldNumbers.get(field);
        if (fieldNumber === undefined) continue;
        const vector = this.queryVectors[fieldNumber]!;
        vector.set(termIndex, (vector.get(termIndex) ?? 0) + boost);
        const termField = `${term}/${field}`;
        if (seen.has(termField)) continue;
        seen.add(termField);
        const found = postings.fields.get(field);
        if (!found) continue;
        let matched = false;
        for (const doc of found.docs) {
          if (candidates[doc] !== 1) continue;
          matched = true;
          count[doc + 1]!++;
        }
        this.pairs.push({ term, termIndex, field: fieldNumber, matched });
        read.push(found);
      }
    }
    for (let n = 0; n < size; n++) count[n + 1]! += count[n]!;
    this.start = count;
    const filled = count.slice(0, size);
    this.pairOf = new Int32Array(count[size]!);
    this.weightOf = new Float64Array(count[size]!);
    read.forEach(({ docs, weights }, pair) => {
      if (!this.pairs[pair]!.matched) return;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        if (candidates[doc] !== 1) continue;
        const at = filled[doc]!++;
        this.pairOf[at] = pair;
        this.weightOf[at] = weights[i]!;
      }
    });
    this.lengths = this.queryVectors.map((vector) => {
      let sumOfSquares = 0;
      for (const termIndex of [...vector.keys()].sort((a, b) => a - b)) {
        const boost = vector.get(termIndex)!;
        sumOfSquares += boost * boost;
      }
      return Math.sqrt(sumOfSquares);
    });
  }

  /** The fields talk `doc` matched in, in the order met (into `fieldOrder`; returns how many). */
  private fieldsMet(doc: number): number {
    let count = 0;
    for (let at = this.start[doc]!; at < this.start[doc + 1]!; at++) {
      const field = this.pairs[this.pairOf[at]!]!.field;
      let met = false;
      for (let k = 0; k < count && !met; k++) met = fieldOrder[k] === field;
      if (!met) fieldOrder[count++] = field;
    }
    return count;
  }

  score(doc: number): number {
    const from = this.start[doc]!;
    const to = this.start[doc + 1]!;
    if (from === to) return 0;
    if (inField.length < to - from) inField = new Int32Array(to - from);
    let score: number | undefined;
    const fields = this.fieldsMet(doc);
    for (let f = 0; f < fields; f++) {
      const field = fieldOrder[f]!;
      // This field's matches, by term index (insertion sort: a talk matches few terms).
      let count = 0;
      for (let at = from; at < to; at++) {
        const pair = this.pairs[this.pairOf[at]!]!;
        if (pair.field !== field) continue;
        let k = count++;
        while (k > 0 && this.pairs[this.pairOf[inField[k - 1]!]!]!.termIndex > pair.termIndex) {
          inField[k] = inField[k - 1]!;
          k--;
        }
        inField[k] = at;
      }
      const vector = this.queryVectors[field]!;
      let dot = 0;
      for (let k = 0; k < count; k++) {
        const at = inField[k]!;
        dot += vector.get(this.pairs[this.pairOf[at]!]!.termIndex)! * this.weightOf[at]!;
      }
      const fieldScore = dot / this.lengths[field]! || 0;
      score = score === undefined ? fieldScore : score + fieldScore;
    }
    return score ?? 0;
  }

  /** The index terms a talk matched, as lunr's `matchData.metadata` lists them. */
  terms(doc: number): string[] {
    // lunr's metadata object: keys in the order added (integer-like keys first, as objects do).
    const metadata = Object.create(null) as Record<string, true>;
    const fields = this.fieldsMet(doc);
    for (const field of fieldOrder.subarray(0, fields)) {
      for (let at = this.start[doc]!; at < this.start[doc + 1]!; at++) {
        const pair = this.pairs[this.pairOf[at]!]!;
        if (pair.field === field) metadata[pair.term] = true;
      }
    }
    return Object.keys(metadata);
  }

  /** The terms some candidate matched, in the order met. */
  termsMatched(): string[] {
    return [...new Set(this.pairs.flatMap((pair) => (pair.matched ? [pair.term] : [])))];
  }

  /** Each of `terms`, and how many talks matched it. */
  countTalks(terms: ReadonlySet<string>, docs: readonly number[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const doc of docs) {
      const counted = new Set<string>();
      for (let at = this.start[doc]!; at < this.start[doc + 1]!; at++) {
        const { term } = this.pairs[this.pairOf[at]!]!;
        if (terms.has(term) && !counted.has(term)) {
          counted.add(term);
          counts.set(term, (counts.get(term) ?? 0) + 1);
        }
      }
    }
    return counts;
  }
}

/** Talks as a set of numbers: the list, and a mark per talk for asking "is it in?". */
interface Docs {
  list: number[];
  marks: Uint8Array;
}

function docsOf(
  numbered: NumberedIndex,
  index: IndexInternals,
  group: TermGroup,
  terms: Iterable<string>,
  into: Docs = { list: [], marks: new Uint8Array(numbered.refs.length) },
): Docs {
  const { list, marks } = into;
  for (const term of terms) {
    const postings = numbered.postings(term);
    if (!postings) continue;
    for (const field of fieldsOf(index, group, term)) {
      const docs = postings.fields.get(field)?.docs;
      if (!docs) continue;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        if (marks[doc] === 0) {
          marks[doc] = 1;
          list.push(doc);
        }
      }
    }
  }
  return into;
}

/** A group's matching talks: its own, and with its guesses when those count. */
class GroupMatches {
  readonly direct: Docs;
  private guessed?: Docs;
  withGuesses: boolean;

  constructor(
    private readonly numbered: NumberedIndex,
    private readonly index: IndexInternals,
    readonly group: TermGroup,
  ) {
    this.direct = docsOf(numbered, index, group, group.terms.keys());
    this.withGuesses = this.direct.list.length < FEW_MATCHES;
  }

  /** Every talk the group matches as things stand. */
  get docs(): Docs {
    if (!this.withGuesses || this.group.guesses.size === 0) return this.direct;
    this.guessed ??= docsOf(this.numbered, this.index, this.group, this.group.guesses.keys(), {
      list: [...this.direct.list],
      marks: this.direct.marks.slice(),
    });
    return this.guessed;
  }

  get terms(): Map<string, number> {
    return activeTerms(this.group, this.withGuesses);
  }
}

/** The talks in every one of `sets`; null when there are none to intersect. */
function intersectAll(sets: readonly Docs[], size: number): Docs | null {
  if (sets.length === 0) return null;
  const [first, ...rest] = [...sets].sort((a, b) => a.list.length - b.list.length);
  if (rest.length === 0) return first!;
  const marks = new Uint8Array(size);
  const list = first!.list.filter((doc) => rest.every((set) => set.marks[doc] === 1));
  for (const doc of list) marks[doc] = 1;
  return { list, marks };
}
/** The groups a query's words, filters, phrases and exclusions become. */
function readGroups(
  internals: IndexInternals,
  query: ParsedQuery,
  opts: Required<SearchOptions>,
): { wordGroups: TermGroup[]; requiredGroups: TermGroup[]; excludedGroups: TermGroup[] } {
  const parts = [...query.words, ...query.filters.map((f) => f.value)].reduce(
    (count, text) => count + tokenize(text).length,
    0,
  );
  const cap = Math.max(3, Math.floor(EXPANSION_BUDGET / Math.max(1, parts)));
  const how: Expansion = { prefix: opts.prefix, guess: opts.fuzzy, cap };
  const exact: Expansion = { prefix: false, guess: false };
  const exactWithStems: Expansion = { prefix: false, guess: true, cap: 0 };

  // Words: any of them may be relaxed in the fallback. Stop words count only when alone.
  const wordGroups: TermGroup[] = [];
  const stopGroups: TermGroup[] = [];
  for (const word of query.words) {
    const { groups, stopWords } = toGroups(internals, word, how);
    wordGroups.push(...groups);
    stopGroups.push(...stopWords);
  }
  if (wordGroups.length === 0) wordGroups.push(...stopGroups);

  // Filters and phrase words: always required.
  const requiredGroups: TermGroup[] = [];
  for (const filter of query.filters) {
    const { groups, stopWords } = toGroups(internals, filter.value, how, [filter.field]);
    requiredGroups.push(...(groups.length > 0 ? groups : stopWords));
  }
  for (const phrase of query.phrases) {
    requiredGroups.push(...toGroups(internals, phrase, exact).groups);
  }
  const excludedGroups = query.exclude.flatMap(
    (word) => toGroups(internals, word, exactWithStems).groups,
  );
  return { wordGroups, requiredGroups, excludedGroups };
}

/**
 * Every index term a search for `input` may read (its words, their completions and guesses, its
 * filters, phrases and exclusions): what the sharded index fetches before answering. Expansion
 * reads only the term list (`hasTerm`, the trie), never a posting.
 */
export function queryTerms(
  index: lunr.Index,
  input: string,
  options: SearchOptions = {},
): Set<string> {
  const terms = new Set<string>();
  try {
    const query = parseQuery(typeof input === 'string' ? input : '');
    if (isEmptyQuery(query)) return terms;
    const groups = readGroups(index as unknown as IndexInternals, query, {
      ...defaults,
      ...options,
    });
    for (const group of Object.values(groups).flat()) {
      for (const term of group.terms.keys()) terms.add(term);
      for (const term of group.guesses.keys()) terms.add(term);
    }
  } catch {
    // searchTalks says what went wrong; it reads no term then.
  }
  return terms;
}

/**
 * Searches the talks. `index` is the loaded prebuilt index (see `loadSearchIndex`), `talksById`
 * gives the text phrases are checked against (ids missing from it are dropped: a stale index
 * never yields a talk the bundle doesn't have). Never throws on any input.
 */
export function searchTalks<Id extends string>(
  index: lunr.Index,
  talksById: ReadonlyMap<Id, SearchableTalk>,
  input: string,
  options: SearchOptions = {},
): SearchResult<Id> {
  try {
    return runSearch(index, talksById, typeof input === 'string' ? input : '', options);
  } catch {
    // A bug must not take the page down: say so, and let the person rephrase.
    return {
      hits: [],
      ids: [],
      total: 0,
      terms: [],
      matchedAll: true,
      query: parseQuery(''),
      notice: SEARCH_FAILED,
    };
  }
}

/** The notice when searching failed unexpectedly (the fuzz test asserts it never appears). */
export const SEARCH_FAILED = 'Something in that search could not be read; try other words.';

/** `Showing results for “kubernetes”` when near spellings were used, else nothing. */
function correctionNotice(
  words: readonly string[],
  groups: readonly GroupMatches[],
  scorer: Scorer,
  docs: readonly number[],
  onlyGuesses: boolean,
): string {
  const corrections = new Map<string, string>();
  for (const { group } of groups) {
    if (group.nearSpellings.size === 0) continue;
    const counts = scorer.countTalks(group.nearSpellings, docs);
    const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (best) corrections.set(group.word, best[0]);
  }
  if (corrections.size === 0) return '';
  const corrected = words
    .map((word) => {
      const folded = fold(word);
      return corrections.get(folded) ?? word;
    })
    .join(' ');
  return onlyGuesses
    ? `Showing results for “${corrected}”.`
    : `Also showing results for “${corrected}”.`;
}

const knownKept = new WeakMap<
  ReadonlyMap<string, unknown>,
  { refs: readonly string[]; size: number; known: Uint8Array }
>();

/**
 * Marks the talks `talksById` has (a stale index never yields a talk the bundle doesn't have),
 * kept per map: typing searches the same map keystroke after keystroke. A map whose size changed
 * since is read again.
 */
function knownOf(refs: readonly string[], talksById: ReadonlyMap<string, unknown>): Uint8Array {
  const kept = knownKept.get(talksById);
  if (kept && kept.refs === refs && kept.size === talksById.size) return kept.known;
  const known = new Uint8Array(refs.length);
  refs.forEach((ref, n) => (known[n] = talksById.has(ref) ? 1 : 0));
  knownKept.set(talksById, { refs, size: talksById.size, known });
  return known;
}

const idRanksKept = new WeakMap<readonly string[], Int32Array>();

/** Each id's place among the ids sorted as strings: ties in score are broken by id. */
function idRanksOf(refs: readonly string[]): Int32Array {
  let ranks = idRanksKept.get(refs);
  if (!ranks) {
    const sorted = refs.map((_, n) => n).sort((a, b) => (refs[a]! < refs[b]! ? -1 : 1));
    ranks = new Int32Array(refs.length);
    sorted.forEach((doc, rank) => (ranks![doc] = rank));
    idRanksKept.set(refs, ranks);
  }
  return ranks;
}

/** The index as numbered postings: the sharded index brings its own, a whole lunr index is numbered. */
const numberedOf = (index: lunr.Index): NumberedIndex =>
  (index as unknown as IndexInternals).numbered ?? numberLunrIndex(index);

function runSearch<Id extends string>(
  index: lunr.Index,
  talksById: ReadonlyMap<Id, SearchableTalk>,
  input: string,
  options: SearchOptions,
): SearchResult<Id> {
  const opts = { ...defaults, ...options };
  const query = parseQuery(input);
  const empty = (notice?: string): SearchResult<Id> => {
    const messages = [query.notice, notice].filter(Boolean).join(' ');
    return {
      hits: [],
      ids: [],
      total: 0,
      terms: [],
      matchedAll: true,
      query,
      ...(messages ? { notice: messages } : {}),
    };
  };
  if (isEmptyQuery(query)) {
    return empty(input.trim() === '' ? undefined : 'Nothing in that to search for.');
  }

  const internals = index as unknown as IndexInternals;
  const numbered = numberedOf(index);
  const { refs } = numbered;
  const size = refs.length;
  const { wordGroups, requiredGroups, excludedGroups } = readGroups(internals, query, opts);

  // `-docker` leaves out talks with the word or any form of it (`dockers`).
  const excluded = new Uint8Array(size);
  for (const group of excludedGroups) {
    docsOf(numbered, internals, group, [...group.terms.keys(), ...group.guesses.keys()], {
      list: [],
      marks: excluded,
    });
  }

  const positive = [...wordGroups, ...requiredGroups];
  // Phrases of stop words only ("to be or not to be"): nothing in the index, so read every talk.
  const phraseOnly = positive.length === 0 && query.phrases.length > 0;
  if (positive.length === 0 && !phraseOnly) {
    return empty(
      query.exclude.length > 0
        ? 'Add a word to search for, not only words to leave out.'
        : undefined,
    );
  }

  const wordMatches = wordGroups.map((group) => new GroupMatches(numbered, internals, group));
  const requiredMatches = requiredGroups.map(
    (group) => new GroupMatches(numbered, internals, group),
  );
  const allMatches = [...wordMatches, ...requiredMatches];
  const checksPhrases =
    opts.checkPhrases && (query.phrases.length > 0 || query.excludePhrases.length > 0);
  const known = knownOf(refs, talksById);
  const allowed = (doc: number): boolean => {
    if (excluded[doc] === 1 || known[doc] !== 1) return false;
    if (!checksPhrases) return true;
    const talk = talksById.get(refs[doc] as Id);
    if (!talk) return false;
    const haystack = `${talk.title}\n${talk.text}`;
    return (
      query.phrases.every((phrase) => containsPhrase(haystack, phrase)) &&
      !query.excludePhrases.some((phrase) => containsPhrase(haystack, phrase))
    );
  };

  const findCandidates = (): number[] => {
    const required = intersectAll(
      requiredMatches.map((m) => m.docs),
      size,
    );
    const words = intersectAll(
      wordMatches.map((m) => m.docs),
      size,
    );
    const both = words && required ? intersectAll([words, required], size)! : (words ?? required);
    if (both) return both.list.filter(allowed);
    return phraseOnly ? refs.flatMap((_, doc) => (allowed(doc) ? [doc] : [])) : [];
  };
  let candidates = findCandidates();
  if (candidates.length === 0 && allMatches.some((m) => !m.withGuesses)) {
    // Every word is found, but not together: maybe one of them was mistyped.
    for (const m of allMatches) m.withGuesses = true;
    candidates = findCandidates();
  }
  let matchedAll = true;
  if (candidates.length === 0 && wordMatches.length > 1) {
    matchedAll = false;
    const required = intersectAll(
      requiredMatches.map((m) => m.docs),
      size,
    );
    const any = new Uint8Array(size);
    for (const m of wordMatches) {
      for (const doc of m.docs.list) {
        if (any[doc] === 0 && (!required || required.marks[doc] === 1) && allowed(doc)) {
          any[doc] = 1;
          candidates.push(doc);
        }
      }
    }
  }
  if (candidates.length === 0) return empty();

  const clauses = allMatches.flatMap((m) =>
    [...m.terms].map(([term, boost]) => ({
      term,
      boost,
      fields: fieldsOf(internals, m.group, term),
    })),
  );
  const candidateMarks = new Uint8Array(size);
  for (const doc of candidates) candidateMarks[doc] = 1;
  const scorer = new Scorer(numbered, internals.fields, clauses, candidateMarks);
  const reference = opts.scoreAll ? lunrScores(index, numbered, clauses) : null;

  // Ranked on plain numbers: a tier (words matched, then found as typed before guessed), the
  // score, then the id (by its rank among the ids, worked out once per index).
  const count = candidates.length;
  const tiers = new Int32Array(count);
  const scores = new Float64Array(count);
  const guessed = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const doc = candidates[i]!;
    const words = matchedAll ? 0 : wordMatches.filter((m) => m.docs.marks[doc] === 1).length;
    // Found only through a guess for some word: ranked after every talk found as typed.
    guessed[i] = allMatches.some((m) => m.docs.marks[doc] === 1 && m.direct.marks[doc] === 0)
      ? 1
      : 0;
    tiers[i] = words * 2 + 1 - guessed[i]!;
    scores[i] = reference ? (reference.get(doc)?.score ?? 0) : scorer.score(doc);
  }
  const idRanks = idRanksOf(refs);
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort(
    (a, b) =>
      tiers[b]! - tiers[a]! ||
      scores[b]! - scores[a]! ||
      idRanks[candidates[a]!]! - idRanks[candidates[b]!]!,
  );
  const ranked = order.map((i) => candidates[i]!);

  const notice = [
    query.notice,
    matchedAll ? '' : 'No talk matches every word; showing talks that match some of them.',
    correctionNotice(
      query.words,
      wordMatches,
      scorer,
      ranked,
      guessed.every((g) => g === 1),
    ),
  ]
    .filter(Boolean)
    .join(' ');
  return {
    hits: order.slice(0, opts.limit).map((i) => {
      const doc = candidates[i]!;
      return {
        id: refs[doc] as Id,
        score: scores[i]!,
        matchedTerms: [
          ...(reference ? (reference.get(doc)?.terms ?? []) : scorer.terms(doc)),
          ...query.phrases,
        ],
        guessed: guessed[i] === 1,
      };
    }),
    ids: ranked.map((doc) => refs[doc] as Id),
    total: count,
    terms: [...scorer.termsMatched(), ...query.phrases],
    matchedAll,
    query,
    ...(notice ? { notice } : {}),
  };
}
