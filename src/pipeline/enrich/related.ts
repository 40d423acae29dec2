/**
 * Related talks, found at build time: shared speakers, shared tags and similar wording (TF-IDF
 * cosine over the talks' words), across conferences. Pure and deterministic.
 *
 * Scores accumulate through an inverted index (speaker → talks, tag → talks, term → talks) over
 * each talk's few most telling terms, so the work grows with how many keys talks share rather than
 * with every pair: 10,000 talks of uniformly random words (a worst case) take about a second.
 */
import type { Talk } from '../../shared/bundle';
import { toSpeakerId, type TalkId } from '../../shared/ids';

export type RelatedInput = Pick<Talk, 'id' | 'title' | 'speakers' | 'tags' | 'text'>;

export interface RelatedOptions {
  /** How many related talks each talk gets. */
  limit: number;
  /** Terms per talk kept for the wording comparison (the highest TF-IDF weights). */
  termsPerTalk: number;
  /** Talks read per shared key at most; only keys shared by very many talks reach it. */
  maxPostings: number;
  /** Below this score a talk is not related. */
  minScore: number;
  speakerWeight: number;
  /** A shared tag adds up to this much: less the more talks carry the tag. */
  tagWeight: number;
  /** Cosine similarity of wording (0 to 1) times this. */
  textWeight: number;
}

export const defaultRelatedOptions: RelatedOptions = {
  limit: 5,
  termsPerTalk: 24,
  maxPostings: 400,
  minScore: 0.2,
  speakerWeight: 3,
  tagWeight: 1,
  textWeight: 2,
};

/** Words too common to say what a talk is about. */
const STOP_WORDS = new Set(
  (
    'the and for are but not you all any can had her was one our out has have his how its may new ' +
    'now old see two way who did get got let put say she too use with that this from they will ' +
    'would there their what about which when make like just into than them then these some could ' +
    'other also more very your only over such here where were been being does doing should because ' +
    'using used need needs want lots thing things really well much many most each both same talk ' +
    'talks speaker slides question questions answer people going gets make makes made'
  ).split(' '),
);

/** Lower-case words of three letters or more, numbers and stop words left out. */
export function toTerms(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*[\p{L}\p{N}]/gu) ?? [];
  return words.filter(
    (word) => word.length >= 3 && !/^[\d.-]+$/.test(word) && !STOP_WORDS.has(word),
  );
}

type Kind = 'speaker' | 'tag' | 'term';

function countTerms(talk: RelatedInput): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of toTerms(`${talk.title}\n${talk.text}`)) {
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

/** For each talk, the ids of up to `limit` related talks, best first; every talk has an entry. */
export function findRelatedTalks(
  talks: readonly RelatedInput[],
  options: Partial<RelatedOptions> = {},
): Map<TalkId, TalkId[]> {
  const opts = { ...defaultRelatedOptions, ...options };
  const n = talks.length;

  // Document frequencies of terms and tags.
  const termCounts = talks.map(countTerms);
  const termDf = new Map<string, number>();
  for (const counts of termCounts) {
    for (const term of counts.keys()) termDf.set(term, (termDf.get(term) ?? 0) + 1);
  }
  const tagDf = new Map<string, number>();
  for (const talk of talks) {
    for (const tag of new Set(talk.tags)) tagDf.set(tag, (tagDf.get(tag) ?? 0) + 1);
  }
  const idf = (df: number) => Math.log(1 + n / df);
  const maxIdf = idf(1);

  // Each talk's keys (numbered) and its weight for each: speakers, tags, then its top terms.
  const keyNumbers = new Map<string, number>();
  const keyKinds: Kind[] = [];
  const numberOf = (key: string, kind: Kind): number => {
    let number = keyNumbers.get(key);
    if (number === undefined) {
      number = keyKinds.length;
      keyNumbers.set(key, number);
      keyKinds.push(kind);
    }
    return number;
  };
  const keyed = talks.map((talk, at) => {
    const keys = new Map<number, number>();
    for (const person of talk.speakers) {
      // The same id as the bundle's speaker list (summarizeSpeakers).
      keys.set(numberOf(`s:${toSpeakerId(person.handle ?? person.name)}`, 'speaker'), 1);
    }
    for (const tag of talk.tags) {
      keys.set(numberOf(`t:${tag}`, 'tag'), idf(tagDf.get(tag) ?? 1) / maxIdf);
    }
    // Top terms by TF-IDF; a term no other talk uses cannot relate anything, so it is left out.
    const weighted = [...termCounts[at]!.entries()]
      .filter(([term]) => (termDf.get(term) ?? 0) >= 2)
      .map(([term, count]) => [term, (1 + Math.log(count)) * idf(termDf.get(term)!)] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, opts.termsPerTalk);
    const norm = Math.sqrt(weighted.reduce((sum, [, w]) => sum + w * w, 0));
    for (const [term, weight] of weighted) keys.set(numberOf(`w:${term}`, 'term'), weight / norm);
    return keys;
  });

  // The inverted index: key → the talks that have it (in input order) and their weights for it.
  const postingTalks: number[][] = keyKinds.map(() => []);
  const postingWeights: number[][] = keyKinds.map(() => []);
  keyed.forEach((keys, at) => {
    for (const [key, weight] of keys) {
      postingTalks[key]!.push(at);
      postingWeights[key]!.push(weight);
    }
  });

  const scores = new Float64Array(n);
  const touched: number[] = [];
  const related = new Map<TalkId, TalkId[]>();
  talks.forEach((talk, at) => {
    for (const [key, weight] of keyed[at]!) {
      const others = postingTalks[key]!;
      const reach = Math.min(others.length, opts.maxPostings);
      const kind = keyKinds[key];
      if (kind === 'term') {
        // (textWeight * weight) * weights[i], as written before: the same sums to the last bit.
        const factor = opts.textWeight * weight;
        const weights = postingWeights[key]!;
        for (let i = 0; i < reach; i++) {
          const other = others[i]!;
          if (other === at) continue;
          if (scores[other] === 0) touched.push(other);
          scores[other] = scores[other]! + factor * weights[i]!;
        }
      } else {
        const add = kind === 'speaker' ? opts.speakerWeight : opts.tagWeight * weight;
        for (let i = 0; i < reach; i++) {
          const other = others[i]!;
          if (other === at) continue;
          if (scores[other] === 0) touched.push(other);
          scores[other] = scores[other]! + add;
        }
      }
    }
    // The best `limit` by a linear scan: a full sort of thousands of candidates per talk is the
    // slow part at 10,000 talks.
    const best: number[] = [];
    const before = (x: number, y: number) => {
      // Rounded so that sums taken in a different order cannot reorder ties.
      const diff = Math.round((scores[x]! - scores[y]!) * 1e9);
      return diff > 0 || (diff === 0 && talks[x]!.id < talks[y]!.id);
    };
    for (const other of touched) {
      if (scores[other]! < opts.minScore) continue;
      if (best.length === opts.limit && !before(other, best[best.length - 1]!)) continue;
      let at = best.length === opts.limit ? best.length - 1 : best.length;
      while (at > 0 && before(other, best[at - 1]!)) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = other;
    }
    const ranked = best.map((other) => talks[other]!.id);
    related.set(talk.id, ranked);
    for (const other of touched) scores[other] = 0;
    touched.length = 0;
  });
  return related;
}

/** The talks with their `related` lists filled in. */
export function withRelatedTalks<T extends RelatedInput>(
  talks: readonly T[],
  options?: Partial<RelatedOptions>,
): Array<T & { related: TalkId[] }> {
  const related = findRelatedTalks(talks, options);
  return talks.map((talk) => ({ ...talk, related: related.get(talk.id) ?? [] }));
}
