import { useId } from 'react';
import type { Conference } from '../../shared/bundle';
import { describeDay, formatDate } from './format';
import type { ConferenceGroup, DayGroup, TrackGroup } from './group-talks';
import { TalkCard } from './talk-card';

function TrackSection({ group, conference }: { group: TrackGroup; conference: Conference }) {
  const labelId = useId();
  return (
    <section aria-labelledby={labelId} className="mt-3">
      <p id={labelId} className="text-sm font-medium tracking-wide text-slate-500 uppercase">
        {group.track?.name ?? 'Other talks'}
      </p>
      <ul className="mt-2 space-y-2">
        {group.talks.map((talk) => (
          <li key={talk.id}>
            <TalkCard talk={talk} conference={conference} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function DaySection({ group, conference }: { group: DayGroup; conference: Conference }) {
  const labelId = useId();
  const { label, date } = describeDay(group.day);
  return (
    <section aria-labelledby={labelId} className="mt-4">
      <p id={labelId} className="font-medium">
        {label}
        {date ? (
          <>
            {' · '}
            <time dateTime={date} className="font-normal text-slate-600">
              {formatDate(date)}
            </time>
          </>
        ) : null}
      </p>
      {group.tracks.map((track) => (
        <TrackSection key={track.key} group={track} conference={conference} />
      ))}
    </section>
  );
}

export function ConferenceSection({ group }: { group: ConferenceGroup }) {
  const headingId = useId();
  const { conference } = group;
  return (
    <section aria-labelledby={headingId} className="mt-8 first:mt-0">
      <h2 id={headingId} className="text-xl font-bold">
        {conference.name}
      </h2>
      {conference.location ? <p className="text-slate-600">{conference.location}</p> : null}
      {group.days.map((day) => (
        <DaySection key={day.key} group={day} conference={conference} />
      ))}
    </section>
  );
}
