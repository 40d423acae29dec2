import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import type { Catalog, CatalogTalk, Conference } from '../../shared/bundle';
import type { TagId } from '../../shared/ids';
import {
  paths,
  readFilters,
  readTimelineOrder,
  type TimelineFilters,
  type TimelineOrder,
  type ViewPath,
} from '../../shared/paths';
import { describeDay, formatDate, TalkCard, trackLabel } from '../talks';
import { FilterBar } from './filter-bar';
import { FilteredTagCloud } from './filtered-tag-cloud';
import { buildFacetIndex, countActiveFilters, filterTalks } from './filters';
import {
  groupTimeline,
  limitTimeline,
  type TimelineConference,
  type TimelineDay,
} from './group-timeline';
import { useCardKeys } from './use-card-keys';
import { noun } from '../../shared/plural';
import { FOCUS_RING } from '../../components/focus-ring';

function DayNotes({ notes }: { notes: TimelineDay['notes'] }) {
  if (notes.length === 0) return null;
  return (
    <div className="mt-3 space-y-3">
      {notes.map((note) => (
        <div
          key={`${note.source.file}:${note.source.startLine}`}
          role="note"
          aria-label={note.heading ?? 'Day note'}
          className="rounded-lg border-l-4 border-amber-300 bg-amber-50/60 px-4 py-3 text-sm text-slate-800 dark:border-amber-700 dark:bg-amber-950/30 dark:text-slate-200"
        >
          {note.heading ? <p className="mb-1 font-semibold">{note.heading}</p> : null}
          {/* Sanitized by the compiler (rehype-sanitize allow-list). */}
          <div className="notes-html" dangerouslySetInnerHTML={{ __html: note.html }} />
        </div>
      ))}
    </div>
  );
}

/**
 * Notes written before the day's first talk (an introduction) go above the talks; the rest (a
 * wrap-up, things to look up) below them, as in the notes.
 */
function splitNotes(group: TimelineDay) {
  const firstTalkLine = new Map<string, number>();
  for (const track of group.tracks) {
    for (const talk of track.talks) {
      const { file, startLine } = talk.source;
      firstTalkLine.set(file, Math.min(startLine, firstTalkLine.get(file) ?? Infinity));
    }
  }
  const isBefore = (note: TimelineDay['notes'][number]) =>
    note.source.startLine < (firstTalkLine.get(note.source.file) ?? Infinity);
  return { before: group.notes.filter(isBefore), after: group.notes.filter((n) => !isBefore(n)) };
}

function DaySection({
  group,
  conference,
  tagNames,
}: {
  group: TimelineDay;
  conference: Conference;
  tagNames: ReadonlyMap<TagId, string>;
}) {
  const labelId = useId();
  const { label, date } = describeDay(group.day);
  const { before, after } = splitNotes(group);
  return (
    <section aria-labelledby={labelId} className="mt-5">
      <p
        id={labelId}
        className="sticky top-0 z-10 -mx-1 bg-white px-1 py-1 font-semibold print:static dark:bg-slate-950"
      >
        {label}
        {date ? (
          <>
            {' · '}
            <time dateTime={date} className="font-normal text-slate-600 dark:text-slate-400">
              {formatDate(date)}
            </time>
          </>
        ) : null}
      </p>
      <DayNotes notes={before} />
      {group.tracks.map((track) => (
        <TrackSection
          key={track.key}
          name={trackLabel(track, group)}
          talks={track.talks}
          conference={conference}
          tagNames={tagNames}
        />
      ))}
      <DayNotes notes={after} />
    </section>
  );
}

function TrackSection({
  name,
  talks,
  conference,
  tagNames,
}: {
  /** None for a day without named tracks: its talks sit under the day, unlabelled. */
  name: string | null;
  talks: TimelineDay['tracks'][number]['talks'];
  conference: Conference;
  tagNames: ReadonlyMap<TagId, string>;
}) {
  const labelId = useId();
  // A group, not a region: every conference has its "Keynote", and landmarks must be unique.
  return (
    <div
      role={name === null ? undefined : 'group'}
      aria-labelledby={name === null ? undefined : labelId}
      className="mt-4"
    >
      {name === null ? null : (
        <p
          id={labelId}
          className="text-xs font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400"
        >
          {name}
        </p>
      )}
      <ul
        className={`${name === null ? '' : 'mt-2 '}grid grid-cols-1 gap-3 md:grid-cols-2 print:mt-1 print:block print:space-y-1`}
      >
        {talks.map((talk) => (
          <li key={talk.id} className="min-w-0">
            <TalkCard talk={talk} conference={conference} tagNames={tagNames} showPlace={false} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function ConferenceSection({
  group,
  tagNames,
}: {
  group: TimelineConference;
  tagNames: ReadonlyMap<TagId, string>;
}) {
  const headingId = useId();
  const { conference } = group;
  return (
    <section aria-labelledby={headingId} className="mt-10 first:mt-0">
      <h2 id={headingId} className="text-2xl font-bold tracking-tight">
        {conference.name}
      </h2>
      {conference.location ? (
        <p className="text-slate-600 dark:text-slate-400">{conference.location}</p>
      ) : null}
      {group.days.map((day) => (
        <DaySection key={day.key} group={day} conference={conference} tagNames={tagNames} />
      ))}
    </section>
  );
}

function OrderToggle({
  filters,
  order,
  pathOf,
}: {
  filters: TimelineFilters;
  order: TimelineOrder;
  pathOf: ViewPath;
}) {
  const choices: Array<[TimelineOrder, string]> = [
    ['newest', 'Newest first'],
    ['oldest', 'Oldest first'],
  ];
  return (
    <nav
      aria-label="Order"
      className="flex rounded-md border border-slate-300 dark:border-slate-600"
    >
      {choices.map(([value, text]) => (
        <Link
          key={value}
          to={pathOf(filters, value)}
          aria-current={order === value ? 'true' : undefined}
          className={`px-3 py-1 text-sm first:rounded-l-md last:rounded-r-md ${
            order === value
              ? 'bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900'
              : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
          } ${FOCUS_RING}`}
        >
          {text}
        </Link>
      ))}
    </nav>
  );
}

/**
 * Talks rendered at first, and added by each "Show more" (whole days, so a few more): a few screens,
 * so a prerendered page of a large collection stays light to parse and hydrate.
 */
export const PAGE_SIZE = 50;

/** Loads the next page when it scrolls into view, or when pressed. */
function ShowMore({
  onShow,
  remaining,
  shown,
}: {
  onShow: () => void;
  remaining: number;
  shown: number;
}) {
  const button = useRef<HTMLButtonElement>(null);
  const onShowRef = useRef(onShow);
  useEffect(() => {
    onShowRef.current = onShow;
  });
  useEffect(() => {
    const element = button.current;
    if (!element || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onShowRef.current();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown]);
  return (
    <div className="mt-8 text-center">
      <button
        ref={button}
        type="button"
        onClick={onShow}
        className={`rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800 ${FOCUS_RING}`}
      >
        Show more talks ({remaining} more)
      </button>
    </div>
  );
}

/** What a page's tools act on: the talks the filters leave. */
export interface TimelineView {
  talks: readonly CatalogTalk[];
  /** Some filter is chosen: the view is a part of the page's talks. */
  filtered: boolean;
}

/**
 * The home page: every talk on one axis, filtered and ordered by the URL's query parameters. Other
 * pages list their own talks the same way (`scope`, at their own URL `pathOf`), e.g. the starred.
 */
export function Timeline({
  bundle,
  scope,
  pathOf = paths.home,
  heading = 'Talks',
  tools,
}: {
  bundle: Catalog;
  /** The talks the page lists before any filter (its day notes left out); every talk if absent. */
  scope?: readonly CatalogTalk[] | undefined;
  pathOf?: ViewPath;
  heading?: string;
  /** Controls for the talks the view shows (share, export, print), beside the order. */
  tools?: (view: TimelineView) => ReactNode;
}) {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const filters = useMemo(() => readFilters(searchParams), [searchParams]);
  const order = readTimelineOrder(searchParams);
  const source = useMemo(
    () => (scope ? { ...bundle, talks: [...scope], dayNotes: [] } : bundle),
    [bundle, scope],
  );
  // Built when first needed: the unfiltered timeline (the first screen) does without it.
  const facets = useMemo(() => () => buildFacetIndex(source), [source]);
  const tagNames = useMemo(
    () => new Map(bundle.tags.map((tag) => [tag.id, tag.name] as const)),
    [bundle],
  );
  const activeCount = countActiveFilters(filters);
  const talks = useMemo(
    () => (activeCount === 0 ? source.talks : filterTalks(facets(), filters)),
    [source, facets, filters, activeCount],
  );
  const groups = useMemo(
    () => groupTimeline(source, talks, { order, keepNoteOnlyDays: activeCount === 0 }),
    [source, talks, order, activeCount],
  );
  useCardKeys();

  // A page of days at a time; a new view (filters, order) starts again at the first page.
  const { search } = useLocation();
  const [page, setPage] = useState({ search, limit: PAGE_SIZE });
  const limit = page.search === search ? page.limit : PAGE_SIZE;
  const visible = useMemo(() => limitTimeline(groups, limit), [groups, limit]);
  const showMore = () => setPage({ search, limit: limit + PAGE_SIZE });

  const setFilters = (next: TimelineFilters) => void navigate(pathOf(next, order));
  const total = source.talks.length;
  const conferenceCount = new Set(talks.map((t) => t.conference)).size;
  const shown = activeCount > 0 ? `${talks.length} of ${total}` : total;

  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_14rem] lg:gap-x-10">
      <div className="lg:col-start-1">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-3xl font-bold tracking-tight">{heading}</h1>
            <p className="mt-1 text-slate-600 dark:text-slate-400" aria-live="polite">
              {shown} {noun(total, 'talk')} from {conferenceCount}{' '}
              {noun(conferenceCount, 'conference')}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {tools?.({ talks, filtered: activeCount > 0 })}
            <OrderToggle filters={filters} order={order} pathOf={pathOf} />
          </div>
        </div>
        <p className="mt-2 mb-4 hidden text-xs text-slate-500 sm:block print:hidden dark:text-slate-400">
          Press <kbd className="rounded border px-1 font-mono">j</kbd> /{' '}
          <kbd className="rounded border px-1 font-mono">k</kbd> to move between talks,{' '}
          <kbd className="rounded border px-1 font-mono">Enter</kbd> to open one.
        </p>
        <FilterBar
          facets={facets}
          filters={filters}
          onChange={setFilters}
          resultCount={talks.length}
        />
      </div>
      <div className="mb-6 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:mb-0">
        <FilteredTagCloud
          talks={talks}
          filters={filters}
          order={order}
          tagNames={tagNames}
          pathOf={pathOf}
        />
      </div>
      <div className="min-w-0 lg:col-start-1">
        {groups.length === 0 ? (
          <section className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
            <h2 className="text-lg font-semibold">No talks match these filters</h2>
            <button
              type="button"
              onClick={() => setFilters({})}
              className={`mt-3 rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white dark:bg-slate-200 dark:text-slate-900 ${FOCUS_RING}`}
            >
              Clear filters
            </button>
          </section>
        ) : (
          <>
            {visible.groups.map((group) => (
              <ConferenceSection key={group.conference.id} group={group} tagNames={tagNames} />
            ))}
            {visible.shown < visible.total ? (
              <ShowMore
                onShow={showMore}
                remaining={visible.total - visible.shown}
                shown={visible.shown}
              />
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}
