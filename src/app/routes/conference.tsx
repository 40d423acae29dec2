import { useId } from 'react';
import { useParams } from 'react-router-dom';
import { QueryGate } from '../../components/bundle-gate';
import { TextLink } from '../../components/text-link';
import type { BundleIndex } from '../../features/talks/bundle-index';
import { describeDay, formatDate } from '../../features/talks/format';
import { groupTalks, type DayGroup } from '../../features/talks/group-talks';
import { TalkSummaryList } from '../../features/talks/talk-summary-list';
import { useBundleIndex } from '../../features/talks/use-bundle-index';
import { useDocumentTitle } from '../../features/talks/use-document-title';
import type { Conference } from '../../shared/bundle';
import type { ConferenceId } from '../../shared/ids';
import { paths, toDayFilterValue } from '../../shared/paths';
import { NotFoundRoute } from './not-found';

/** `/conferences/:id`: where and when, then every day and track with its talks. */
export function ConferenceRoute() {
  const id = (useParams().id ?? '') as ConferenceId;
  return (
    <QueryGate query={useBundleIndex()}>
      {(index) => {
        const conference = index.conferencesById.get(id);
        return conference ? (
          <ConferencePage conference={conference} index={index} />
        ) : (
          <NotFoundRoute />
        );
      }}
    </QueryGate>
  );
}

/** "Monday, 22 January 2018 – Tuesday, 23 January 2018", or one date, or nothing. */
function dateRange(conference: Conference): string {
  const dates = conference.days.flatMap((day) => (day.date ? [day.date] : [])).sort();
  const first = dates[0];
  const last = dates.at(-1);
  if (!first || !last) return '';
  return first === last ? formatDate(first) : `${formatDate(first)} – ${formatDate(last)}`;
}

function ConferencePage({ conference, index }: { conference: Conference; index: BundleIndex }) {
  useDocumentTitle(conference.name);
  const days = groupTalks({
    conferences: [conference],
    talks: index.bundle.talks.filter((talk) => talk.conference === conference.id),
  })[0]?.days;
  const when = dateRange(conference);
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{conference.name}</h1>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {conference.location ? (
          <>
            <dt className="text-slate-500 dark:text-slate-400">Where</dt>
            <dd>{conference.location}</dd>
          </>
        ) : null}
        {when ? (
          <>
            <dt className="text-slate-500 dark:text-slate-400">When</dt>
            <dd>{when}</dd>
          </>
        ) : null}
        <dt className="text-slate-500 dark:text-slate-400">Talks</dt>
        <dd>
          {conference.talkCount} ·{' '}
          <TextLink to={paths.home({ conference: [conference.id] })}>Show on the timeline</TextLink>
        </dd>
        {conference.url ? (
          <>
            <dt className="text-slate-500 dark:text-slate-400">Website</dt>
            <dd className="break-all">
              <a
                href={conference.url}
                rel="noopener noreferrer"
                className="text-indigo-700 dark:text-indigo-300 underline"
              >
                {conference.url}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {days?.map((day) => (
        <ConferenceDay key={day.key} group={day} conference={conference} index={index} />
      ))}
    </>
  );
}

function ConferenceDay({
  group,
  conference,
  index,
}: {
  group: DayGroup;
  conference: Conference;
  index: BundleIndex;
}) {
  const headingId = useId();
  const { label, date } = describeDay(group.day);
  return (
    <section
      aria-labelledby={headingId}
      className="mt-8 border-t border-slate-200 dark:border-slate-800 pt-6"
    >
      <h2 id={headingId} className="text-xl font-semibold">
        <TextLink
          to={paths.home({
            conference: [conference.id],
            day: [toDayFilterValue(conference.id, group.day.id)],
          })}
        >
          {label}
        </TextLink>
        {date ? (
          <time
            dateTime={date}
            className="ml-2 text-base font-normal text-slate-600 dark:text-slate-400"
          >
            {formatDate(date)}
          </time>
        ) : null}
      </h2>
      {group.tracks.map((track) => (
        <section key={track.key} className="mt-4">
          <h3 className="text-sm font-medium tracking-wide text-slate-500 dark:text-slate-400 uppercase">
            {track.track ? (
              <TextLink to={paths.home({ conference: [conference.id], track: [track.track.id] })}>
                {track.track.name}
              </TextLink>
            ) : (
              'Other talks'
            )}
          </h3>
          <TalkSummaryList talks={track.talks} index={index} showPlace={false} />
        </section>
      ))}
    </section>
  );
}
