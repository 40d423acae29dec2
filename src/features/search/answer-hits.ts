/** An answer's matches as the results page reads them: each id with what it matched. */
import type { TalkId } from '../../shared/ids';
import type { SearchAnswer } from './engine';

export interface AnswerHit {
  id: TalkId;
  /** Index terms and phrases to mark in the card. */
  matchedTerms: string[];
}

const kept = new WeakMap<SearchAnswer, AnswerHit[]>();

/**
 * Every match of `answer`, best first: the first ones with what each matched, the others with
 * what the matches matched together (the same words, as far as a card shows). One list per answer.
 */
export function hitsOf(answer: SearchAnswer): AnswerHit[] {
  let hits = kept.get(answer);
  if (!hits) {
    hits = answer.ids.map((id, n) => ({
      id,
      matchedTerms: answer.matchedTerms[n] ?? answer.terms,
    }));
    kept.set(answer, hits);
  }
  return hits;
}
