import { useDeferredValue, useEffect, useId, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams, type Params } from 'react-router-dom';
import { QueryGate } from '../../components/bundle-gate';
import { EmptyState } from '../../components/empty-state';
import { FOCUS_RING } from '../../components/focus-ring';
import { TextLink } from '../../components/text-link';
import { speakerDetails } from '../../features/speakers/speaker-details';
import {
  filterSpeakers,
  OTHER_LETTER,
  pageLetters,
  speakerPages,
  speakerSections,
  type SpeakerPage,
  type SpeakerSection,
} from '../../features/speakers/speaker-index';
import { conferenceName, type BundleIndex } from '../../features/talks/bundle-index';
import { useBundleIndex } from '../../features/talks/use-bundle-index';
import type { Catalog, SpeakerSummary } from '../../shared/bundle';
import { paths } from '../../shared/paths';
import { noun, plural } from '../../shared/plural';
import { describePage, type PageHead, type PageRoute } from '../page-route';

/** Matches shown for a filter before "type more": the whole index is one filter away. */
const MAX_MATCHES = 200;
/** Conferences named on a speaker's line; the rest are counted. */
const CONFERENCES_SHOWN = 2;

const pagesOf = (catalog: Catalog): SpeakerPage[] =>
  speakerPages(speakerSections(catalog.speakers));

/** The page the URL names: `/speakers` is page 1, `/speakers/page/3` page 3. */
const pageNumber = (params: Params): number => Number(params.page ?? '1');

function speakersHead(params: Params, catalog: Catalog): PageHead | undefined {
  const pages = pagesOf(catalog);
  const number = pageNumber(params);
  const page = pages[number - 1];
  if (number === 1 || pages.length === 0) {
    return describePage('Speakers', `${plural(catalog.speakers.length, 'speaker')} in the notes.`);
  }
  if (!page) return undefined;
  return describePage(
    `Speakers ${pageLetters(page)}`,
    `Speakers ${pageLetters(page)}: page ${number} of ${pages.length} of ${plural(catalog.speakers.length, 'speaker')} in the notes.`,
  );
}

/** `/speakers`: everyone who spoke, A to Z in sections, a page of about 150 at a time. */
export const speakersRoute: PageRoute = {
  path: 'speakers',
  Component: SpeakersRoute,
  head: speakersHead,
  staticPaths: () => [paths.speakers()],
};

/** `/speakers/page/2`: the index's next letters. */
export const speakersPageRoute: PageRoute = {
  path: 'speakers/page/:page',
  Component: SpeakersRoute,
  head: speakersHead,
  staticPaths: (catalog) =>
    pagesOf(catalog)
      .slice(1)
      .map((page) => paths.speakers(page.number)),
};

function SpeakersRoute() {
  const params = useParams();
  return (
    <QueryGate query={useBundleIndex()}>
      {(index) => <SpeakersIndex index={index} number={pageNumber(params)} />}
    </QueryGate>
  );
}

function SpeakersIndex({ index, number }: { index: BundleIndex; number: number }) {
  const { speakers } = index.bundle;
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState(params.get('q') ?? '');
  const query = useDeferredValue(filter.trim());
  useScrollToHash();
  if (speakers.length === 0) return <EmptyState title="No speakers yet" />;
  const pages = pagesOf(index.bundle);
  const page = pages[number - 1];
  if (!page) {
    return (
      <EmptyState title="No such page of speakers">
        <TextLink to={paths.speakers()}>All speakers, from A</TextLink>
      </EmptyState>
    );
  }
  const onFilter = (value: string) => {
    setFilter(value);
    const next = new URLSearchParams(params);
    if (value.trim()) next.set('q', value);
    else next.delete('q');
    setParams(next, { replace: true });
  };
  const matches = query ? filterSpeakers(speakers, query) : undefined;
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Speakers</h1>
      <p className="mt-1 text-slate-600 dark:text-slate-400">
        {speakers.length} {noun(speakers.length, 'person', 'people')}
        {pages.length > 1 ? ` · page ${number} of ${pages.length} (${pageLetters(page)})` : ''}
      </p>
      <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-center">
        <label className="flex items-center gap-2 text-sm">
          <span className="shrink-0 text-slate-600 dark:text-slate-400">Filter</span>
          <input
            type="search"
            value={filter}
            onChange={(event) => onFilter(event.target.value)}
            placeholder="Name, affiliation or @handle"
            className={`w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 sm:w-72 dark:border-slate-600 dark:bg-slate-900 ${FOCUS_RING}`}
          />
        </label>
        <JumpBar pages={pages} current={number} />
      </div>
      {matches ? (
        <Matches speakers={matches} query={query} index={index} />
      ) : (
        <>
          {page.sections.map((section) => (
            <LetterSection key={section.letter} section={section} index={index} />
          ))}
          <Pager pages={pages} current={number} />
        </>
      )}
    </>
  );
}

/** The router does not scroll to a link's `#letter-B`; the browser would, on a full load. */
function useScrollToHash() {
  const { hash, pathname } = useLocation();
  useEffect(() => {
    if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [hash, pathname]);
}

const anchorOf = (letter: string) => `letter-${letter === OTHER_LETTER ? 'other' : letter}`;

/** Every letter, linked where its section is: on this page an anchor, else the page that has it. */
function JumpBar({ pages, current }: { pages: readonly SpeakerPage[]; current: number }) {
  return (
    <nav aria-label="Jump to letter">
      <ul className="flex flex-wrap gap-0.5 text-sm">
        {pages.flatMap((page) =>
          page.sections.map(({ letter }) => {
            const anchor = `#${anchorOf(letter)}`;
            const here = page.number === current;
            return (
              <li key={letter}>
                <Link
                  to={here ? anchor : `${paths.speakers(page.number)}${anchor}`}
                  aria-label={letter === OTHER_LETTER ? 'Other names' : letter}
                  className={`inline-block min-w-7 rounded-sm px-1.5 py-0.5 text-center font-medium ${FOCUS_RING} ${
                    here
                      ? 'bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-white'
                      : 'text-indigo-700 hover:bg-slate-50 dark:text-indigo-300 dark:hover:bg-slate-800'
                  }`}
                >
                  {letter}
                </Link>
              </li>
            );
          }),
        )}
      </ul>
    </nav>
  );
}

function LetterSection({ section, index }: { section: SpeakerSection; index: BundleIndex }) {
  const headingId = anchorOf(section.letter);
  return (
    <section aria-labelledby={headingId} className="mt-6">
      <h2
        id={headingId}
        className="border-b border-slate-200 pb-1 text-xl font-semibold dark:border-slate-800"
      >
        {section.letter === OTHER_LETTER ? 'Other names' : section.letter}
      </h2>
      <SpeakerList speakers={section.speakers} index={index} />
    </section>
  );
}

function Matches({
  speakers,
  query,
  index,
}: {
  speakers: readonly SpeakerSummary[];
  query: string;
  index: BundleIndex;
}) {
  const statusId = useId();
  const shown = speakers.slice(0, MAX_MATCHES);
  return (
    <section aria-labelledby={statusId} className="mt-6">
      <div role="status">
        <h2 id={statusId} className="text-lg font-semibold">
          {speakers.length === 0
            ? `No speaker matches “${query}”`
            : `${plural(speakers.length, 'speaker')} ${noun(speakers.length, 'matches', 'match')} “${query}”`}
        </h2>
      </div>
      <SpeakerList speakers={shown} index={index} />
      {shown.length < speakers.length ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          The first {shown.length} are shown: type more to narrow them.
        </p>
      ) : null}
    </section>
  );
}

/**
 * The list's styles sit on the list, not on each of its hundreds of items: a prerendered page of
 * 150 speakers stays a few tens of kilobytes.
 */
const LIST = [
  'mt-2 grid gap-x-6 sm:grid-cols-2 lg:grid-cols-3',
  '[&>li]:min-w-0 [&>li]:border-b [&>li]:border-slate-100 [&>li]:py-1.5 dark:[&>li]:border-slate-800/60',
  '[&_a]:rounded-sm [&_a]:font-medium [&_a]:text-indigo-700 [&_a]:underline [&_a]:decoration-indigo-700/30 [&_a]:underline-offset-2 [&_a:hover]:decoration-current dark:[&_a]:text-indigo-300 dark:[&_a]:decoration-indigo-300/40',
  '[&_a:focus-visible]:outline-2 [&_a:focus-visible]:outline-offset-2 [&_a:focus-visible]:outline-indigo-600 dark:[&_a:focus-visible]:outline-indigo-400',
  '[&_span]:text-slate-600 dark:[&_span]:text-slate-400',
  '[&_small]:block [&_small]:truncate [&_small]:text-sm [&_small]:text-slate-500 dark:[&_small]:text-slate-400',
].join(' ');

function SpeakerList({
  speakers,
  index,
}: {
  speakers: readonly SpeakerSummary[];
  index: BundleIndex;
}) {
  return (
    <ul className={LIST}>
      {speakers.map((speaker) => (
        <SpeakerItem key={speaker.id} speaker={speaker} index={index} />
      ))}
    </ul>
  );
}

/** One line a speaker: name, details, how many talks and where (a few conferences, by name). */
function SpeakerItem({ speaker, index }: { speaker: SpeakerSummary; index: BundleIndex }) {
  const conferences = [
    ...new Set(speaker.talks.flatMap((id) => index.talksById.get(id)?.conference ?? [])),
  ];
  const named = conferences.slice(0, CONFERENCES_SHOWN).map((id) => conferenceName(index, id));
  const more = conferences.length - named.length;
  const details = speakerDetails(speaker);
  return (
    <li>
      <Link to={paths.speaker(speaker.id)}>{speaker.name}</Link>
      {details ? <span>{` · ${details}`}</span> : null}
      <small>
        {`${plural(speaker.talks.length, 'talk')} · ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`}
      </small>
    </li>
  );
}

function Pager({ pages, current }: { pages: readonly SpeakerPage[]; current: number }) {
  if (pages.length < 2) return null;
  return (
    <nav aria-label="Pages of speakers" className="mt-8">
      <ul className="flex flex-wrap gap-2 text-sm">
        {pages.map((page) => (
          <li key={page.number}>
            <Link
              to={paths.speakers(page.number)}
              aria-current={page.number === current ? 'page' : undefined}
              className={`inline-block rounded-md border border-slate-300 px-3 py-1 dark:border-slate-600 ${FOCUS_RING} aria-[current=page]:border-indigo-600 aria-[current=page]:bg-indigo-600 aria-[current=page]:text-white`}
            >
              {pageLetters(page)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
