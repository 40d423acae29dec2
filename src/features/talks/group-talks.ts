import type { Catalog, Conference, Day, CatalogTalk, Track } from '../../shared/bundle';

export interface TrackGroup {
  /** Unique within its day; `''` for talks outside any track. */
  key: string;
  track: Track | null;
  talks: CatalogTalk[];
}

export interface DayGroup {
  key: string;
  day: Day;
  tracks: TrackGroup[];
}

export interface ConferenceGroup {
  conference: Conference;
  days: DayGroup[];
}

/**
 * The label over a day's group of talks: its track's name; "Other talks" for the talks outside any
 * track when the day has named tracks too; none when the day has no named track at all (a lone
 * "Other talks" would label nothing).
 */
export function trackLabel(group: TrackGroup, day: Pick<DayGroup, 'tracks'>): string | null {
  if (group.track) return group.track.name;
  return day.tracks.some((t) => t.track !== null) ? 'Other talks' : null;
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/**
 * Talks grouped conference → day → track. Conferences keep the bundle's order (newest first),
 * days the conference's order, tracks and talks the order they were written in.
 */
export function groupTalks(bundle: Pick<Catalog, 'conferences' | 'talks'>): ConferenceGroup[] {
  const conferenceRank = new Map(bundle.conferences.map((c, index) => [c.id as string, index]));
  const rank = (talk: CatalogTalk) =>
    conferenceRank.get(talk.conference) ?? bundle.conferences.length;
  const talks = [...bundle.talks].sort((a, b) => rank(a) - rank(b) || a.order - b.order);

  const groups = new Map<string, { conference: Conference; days: Map<string, DayGroup> }>();
  for (const conference of bundle.conferences) {
    const days = new Map<string, DayGroup>();
    for (const day of conference.days) days.set(day.id, { key: day.id, day, tracks: [] });
    groups.set(conference.id, { conference, days });
  }

  for (const talk of talks) {
    const group = getOrAdd(groups, talk.conference as string, () => ({
      // A talk whose conference is not listed still shows, under its id.
      conference: {
        id: talk.conference,
        name: talk.conference,
        days: [],
        tracks: [],
        talkCount: 0,
      },
      days: new Map<string, DayGroup>(),
    }));
    const day = getOrAdd(group.days, talk.day.id as string, () => ({
      key: talk.day.id,
      day: talk.day,
      tracks: [],
    }));
    const trackKey = talk.track?.id ?? '';
    let track = day.tracks.find((t) => t.key === trackKey);
    if (!track) {
      track = { key: trackKey, track: talk.track, talks: [] };
      day.tracks.push(track);
    }
    track.talks.push(talk);
  }

  return [...groups.values()]
    .map(({ conference, days }) => ({
      conference,
      days: [...days.values()].filter((d) => d.tracks.length > 0),
    }))
    .filter((group) => group.days.length > 0);
}
