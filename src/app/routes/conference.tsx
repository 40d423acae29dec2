import { useId } from 'react';
import { ExternalLink, TextLink } from '../../components/text-link';
import type { BundleIndex } from '../../features/talks/bundle-index';
import { conferenceDates, describeDay, formatDate } from '../../features/talks/format';
import { groupTalks, trackLabel, type DayGroup } from '../../features/talks/group-talks';
import { TalkSummaryList } from '../../features/talks/talk-summary-list';
import type { Conference } from '../../shared/bundle';
import type { ConferenceId } from '../../shared/ids';
import { paths, toDayFilterValue } from '../../shared/paths';
import { plural } from '../../shared/plural';
import { entityHead, EntityPage, type Find } from '../entity-page';
import { describePage, type PageRoute } from '../page-route';

const findConference: Find<Conference> = (index, params) =>
  index.conferencesById.get((params.id ?? '') as ConferenceId);

/** `/conferences/:id`: where and when, then every day and track with its talks. */
export const conferenceRoute: PageRoute = {
  path: 'conferences/:id',
  Component: () => <EntityPage find={findConference} Page={ConferencePage} />,
  head: entityHead(findConference, (conference) => {
    const place = conference.location ? ` in ${conference.location}` : '';
    return describePage(
      conference.name,
      `Notes from ${plural(conference.talkCount, 'talk')} at ${conference.name}${place}.`,
    );
  }),
  staticPaths: (catalog) => catalog.conferences.map((c) => paths.conference(c.id)),
};

function ConferencePage({ item: conference, index }: { item: Conference; index: BundleIndex }) {
  const days = groupTalks({
    conferences: [conference],
    talks: [...(index.talksByConference.get(conference.id) ?? [])],
  })[0]?.days;
  const when = conferenceDates(conference);
  return (
    <>
      <p className="text-sm text-slate-500 dark:text-slate-400">
        <TextLink to={paths.conferences()}>Conferences</TextLink> /
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">{conference.name}</h1>
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
              <ExternalLink href={conference.url}>{conference.url}</ExternalLink>
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
      {group.tracks.map((track) => {
        const label = trackLabel(track, group);
        return (
          <section key={track.key} className="mt-4">
            {label === null ? null : (
              <h3 className="text-sm font-medium tracking-wide text-slate-500 dark:text-slate-400 uppercase">
                {track.track ? (
                  <TextLink
                    to={paths.home({ conference: [conference.id], track: [track.track.id] })}
                  >
                    {label}
                  </TextLink>
                ) : (
                  label
                )}
              </h3>
            )}
            <TalkSummaryList talks={track.talks} index={index} place="none" />
          </section>
        );
      })}
    </section>
  );
}
