import { useQuery } from '@tanstack/react-query';
import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ComponentProps,
} from 'react';
import {
  talkQuery,
  TalkCard,
  type BundleIndex,
  type Highlighter,
  type Highlighting,
} from '../talks';
import { DayNoteCard } from './day-note-card';
import type { AnswerHit } from './answer-hits';
import { placeOf, useResultCards } from './result-cards';
import type { SearchAnswer } from './engine';
import type { DayNoteHit } from './search-facets';
import { focusSearchInput, moveFromResult } from './search-keys';
import { measureResults } from './timing';

/**
 * Results drawn at first (two screens); more on request. Each card marks its matches, so fewer
 * cards per keystroke keep typing quick on a large corpus.
 */
export const RESULTS_PAGE = 20;

/** A result's notes are fetched (for an excerpt around the match) once it has stayed this long. */
export const NOTES_AFTER_MS = 250;

/** True once `ms` have passed since the first render. */
function useAfter(ms: number): boolean {
  const [passed, setPassed] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setPassed(true), ms);
    return () => clearTimeout(timer);
  }, [ms]);
  return passed;
}

/**
 * A result: the card from the catalog or the result's display record at once, with the excerpt cut around the best match once
 * the talk's notes are in (fetched when the result stays while typing, then cached).
 */
function HitCard(props: Omit<ComponentProps<typeof TalkCard>, 'text'>) {
  const settled = useAfter(NOTES_AFTER_MS);
  const notes = useQuery({ ...talkQuery(props.talk.id), enabled: settled });
  return <TalkCard {...props} text={notes.data?.text} />;
}

const NO_HIGHLIGHTER = {};
const highlightingsKept = new WeakMap<object, Map<string, Highlighting>>();
const HIGHLIGHTINGS_KEPT = 1000;

/** The highlighting of a hit: one object per talk, terms and highlighter (cards are memoized). */
function highlightingOf(hit: AnswerHit, highlighter: Highlighter | undefined): Highlighting {
  let kept = highlightingsKept.get(highlighter ?? NO_HIGHLIGHTER);
  if (!kept)
    highlightingsKept.set(highlighter ?? NO_HIGHLIGHTER, (kept = new Map<string, Highlighting>()));
  const key = `${hit.id}\u0000${hit.matchedTerms.join('\u0000')}`;
  let highlighting = kept.get(key);
  if (!highlighting) {
    if (kept.size >= HIGHLIGHTINGS_KEPT) kept.clear();
    highlighting = { terms: hit.matchedTerms, highlighter };
    kept.set(key, highlighting);
  }
  return highlighting;
}

/** The ranked talks of one search, with their matches marked; ↓/↑ move, Esc goes back to the box. */
export const SearchResults = memo(function SearchResults({
  answer,
  hits,
  index,
  dayNotes,
  highlighter,
}: {
  answer: SearchAnswer;
  /** The answer's hits that pass the filters, best first. */
  hits: readonly AnswerHit[];
  /** The catalog, once in: until then results are drawn from their display records. */
  index: BundleIndex | undefined;
  /** The catalog's day notes by search id (`dayNotesBySearchId`); none until the catalog is in. */
  dayNotes: ReadonlyMap<string, DayNoteHit>;
  highlighter: Highlighter | undefined;
}) {
  const [shown, setShown] = useState(RESULTS_PAGE);
  const tagNames = useMemo(
    () => index && new Map(index.bundle.tags.map((tag) => [tag.id, tag.name])),
    [index],
  );
  const cards = useResultCards(answer, shown, index === undefined);

  // One highlighting object per hit and its terms, the same from keystroke to keystroke: a card
  // drawn for the previous answer is not drawn again when its talk matched the same way.
  const highlightings = useMemo(
    () => new Map(hits.slice(0, shown).map((hit) => [hit.id, highlightingOf(hit, highlighter)])),
    [hits, highlighter, shown],
  );

  useLayoutEffect(() => {
    measureResults(answer.input, answer.ids.length);
  }, [answer]);

  // Keys on the result links (delegated: the cards are shared with the timeline).
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (!target.matches('a[data-talk-card-link]')) return;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        moveFromResult(target, event.key === 'ArrowDown' ? 1 : -1);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        focusSearchInput(true);
      }
    };
    element.addEventListener('keydown', onKeyDown);
    return () => element.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <h2 className="sr-only">Results</h2>
      <ol ref={list} id="search-results" aria-label="Results" className="space-y-3">
        {hits.slice(0, shown).map((hit) => {
          const talk = index?.talksById.get(hit.id);
          const dayNote = talk ? undefined : dayNotes.get(hit.id)?.note;
          if (dayNote) {
            return (
              <li key={hit.id}>
                <DayNoteCard
                  note={dayNote}
                  conference={index?.conferencesById.get(dayNote.conference)}
                  highlighting={highlightings.get(hit.id)}
                />
              </li>
            );
          }
          if (talk) {
            return (
              <li key={hit.id}>
                <HitCard
                  talk={talk}
                  conference={index?.conferencesById.get(talk.conference)}
                  tagNames={tagNames}
                  highlighting={highlightings.get(hit.id)}
                />
              </li>
            );
          }
          const card = cards.get(hit.id);
          if (!card) return null;
          const place = placeOf(card);
          return (
            <li key={hit.id}>
              <HitCard
                talk={card}
                conference={place.conference}
                tagNames={place.tagNames}
                highlighting={highlightings.get(hit.id)}
              />
            </li>
          );
        })}
      </ol>
      {hits.length > shown ? (
        <button
          type="button"
          onClick={() => setShown((count) => count + RESULTS_PAGE)}
          className="mt-4 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-slate-600 dark:hover:bg-slate-800 dark:focus-visible:outline-indigo-400"
        >
          Show {Math.min(RESULTS_PAGE, hits.length - shown)} more of {hits.length - shown}
        </button>
      ) : null}
    </>
  );
});
