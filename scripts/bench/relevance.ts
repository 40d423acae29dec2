/**
 * Known-item relevance, pure: which queries a person half remembering a talk would type, and how
 * the answers score. A talk's distinctive words are its rarest words (fewest talks hold them);
 * they are typed as plain words, with the last one still being typed (a prefix), and with one
 * typo in the first. Common words check the other side: every result should hold the word or a
 * word starting with it.
 */
import { fold, isStopWord, toBigrams, tokenizeWords } from '../../src/shared/search/pipeline';

export type QueryKind = 'plain' | 'prefix' | 'typo';
export const QUERY_KINDS: readonly QueryKind[] = ['plain', 'prefix', 'typo'];

export interface KnownItemQuery {
  kind: QueryKind;
  input: string;
  /** The talk the person is looking for. */
  target: string;
}

/** What a talk says, as the relevance checks read it. */
export interface TalkText {
  id: string;
  text: string;
}

/**
 * The folded words of a text, as search splits them: `作るlatency` is the CJK pairs and `latency`.
 */
export const wordsOf = (text: string): string[] =>
  tokenizeWords(text).flatMap((word) => toBigrams(fold(word)));

/** Words a person would remember and type: letters only, five or more, not stop words. */
const isDistinctive = (word: string) => /^[a-z]{5,}$/.test(word) && !isStopWord(word);

/** How many talks hold each word. */
export function documentFrequencies(talks: readonly TalkText[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const talk of talks) {
    for (const word of new Set(wordsOf(talk.text))) df.set(word, (df.get(word) ?? 0) + 1);
  }
  return df;
}

/** One typo: the middle letter replaced by the next letter of the alphabet (`falco` → `famco`). */
export function withTypo(word: string): string {
  const at = Math.floor(word.length / 2);
  const next = String.fromCharCode(((word.charCodeAt(at) - 97 + 1) % 26) + 97);
  return word.slice(0, at) + next + word.slice(at + 1);
}

/** The first 60% of a word's letters, at least 3: what is in the box while it is being typed. */
export const typedSoFar = (word: string): string =>
  word.slice(0, Math.max(3, Math.ceil(word.length * 0.6)));

/**
 * Three queries per sampled talk (every `step`-th talk with two distinctive words), its two
 * rarest words in the order they appear in the talk.
 */
export function knownItemQueries(
  talks: readonly TalkText[],
  count: number,
  df: ReadonlyMap<string, number> = documentFrequencies(talks),
): KnownItemQuery[] {
  const queries: KnownItemQuery[] = [];
  const step = Math.max(1, Math.floor(talks.length / count));
  for (let i = 0; i < talks.length && queries.length < count * 3; i += step) {
    const talk = talks[i]!;
    const words = [...new Set(wordsOf(talk.text))].filter(isDistinctive);
    const rarest = [...words]
      .sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1))
      .slice(0, 2);
    if (rarest.length < 2) continue;
    const [first, second] = words.filter((word) => rarest.includes(word)) as [string, string];
    queries.push(
      { kind: 'plain', input: `${first} ${second}`, target: talk.id },
      { kind: 'prefix', input: `${first} ${typedSoFar(second)}`, target: talk.id },
      { kind: 'typo', input: `${withTypo(first)} ${second}`, target: talk.id },
    );
  }
  return queries;
}

/** The `n` words held by the most talks (four letters or more). */
export function commonWords(df: ReadonlyMap<string, number>, n: number): string[] {
  return [...df]
    .filter(([word]) => /^[a-z]{4,}$/.test(word) && !isStopWord(word))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([word]) => word);
}

/** 1 / rank of `target` within the first 10 results, else 0. */
export function reciprocalRank(results: readonly string[], target: string): number {
  const at = results.slice(0, 10).indexOf(target);
  return at === -1 ? 0 : 1 / (at + 1);
}

export interface KindScores {
  queries: number;
  mrr10: number;
  success1: number;
  success3: number;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** MRR@10 and success@1/@3 over the queries' result lists (ids, best first). */
export function scoreKnownItems(
  answers: readonly { query: KnownItemQuery; results: readonly string[] }[],
): Record<QueryKind, KindScores> {
  const scores = {} as Record<QueryKind, KindScores>;
  for (const kind of QUERY_KINDS) {
    const mine = answers.filter((answer) => answer.query.kind === kind);
    const ranks = mine.map(({ query, results }) => reciprocalRank(results, query.target));
    const share = (test: (rank: number) => boolean) =>
      mine.length === 0 ? 0 : round3(ranks.filter(test).length / mine.length);
    scores[kind] = {
      queries: mine.length,
      mrr10: mine.length === 0 ? 0 : round3(ranks.reduce((a, b) => a + b, 0) / mine.length),
      success1: share((rank) => rank === 1),
      success3: share((rank) => rank >= 1 / 3),
    };
  }
  return scores;
}

/** A result is a false hit for `word` when the talk holds neither it nor a word starting with it. */
export function isFalseHit(word: string, talkWords: ReadonlySet<string>): boolean {
  for (const held of talkWords) if (held.startsWith(word)) return false;
  return true;
}
