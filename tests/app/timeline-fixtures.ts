/** A small, hand-made bundle for the timeline tests: two conferences, three days, tags, speakers. */
import {
  SCHEMA_VERSION,
  type Bundle,
  type Conference,
  type Day,
  type DayNote,
  type Talk,
} from '../../src/shared/bundle';
import {
  toConferenceId,
  toDayId,
  toSpeakerId,
  toTagId,
  toTalkId,
  toTrackId,
  type ConferenceId,
} from '../../src/shared/ids';

export const lca = toConferenceId('lca-2018');
export const pycon = toConferenceId('pycon-2015');

export const lcaDay1: Day = { id: toDayId('Day 1'), label: 'Day 1', number: 1, date: '2018-01-22' };
export const lcaDay2: Day = { id: toDayId('Day 2'), label: 'Day 2', number: 2, date: '2018-01-23' };
export const pyconDay2: Day = {
  id: toDayId('Day 2'),
  label: 'Day 2',
  number: 2,
  date: '2015-04-10',
};

interface TalkSpec {
  conference: ConferenceId;
  day: Day;
  title: string;
  speakers?: Talk['speakers'];
  track?: string | null;
  tags?: string[];
  links?: number;
  text?: string;
}

const orders = new Map<string, number>();

export function makeTalk(spec: TalkSpec): Talk {
  const slug = spec.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const order = orders.get(spec.conference) ?? 0;
  orders.set(spec.conference, order + 1);
  const text = spec.text ?? `Notes on ${spec.title}.`;
  return {
    id: toTalkId(spec.conference, slug),
    title: spec.title,
    speakers: spec.speakers ?? [],
    conference: spec.conference,
    day: spec.day,
    track: spec.track ? { id: toTrackId(spec.track), name: spec.track } : null,
    order,
    tags: (spec.tags ?? []).map(toTagId),
    links: Array.from({ length: spec.links ?? 0 }, (_, i) => ({
      url: `https://example.com/${slug}/${i}`,
      text: `link ${i}`,
    })),
    html: text ? `<p>${text}</p>` : '',
    text,
    aliases: [],
    related: [],
    source: {
      file: `${spec.conference}/${spec.day.id}.md`,
      startLine: 10 + order * 10,
      endLine: 18 + order * 10,
    },
  };
}

/** Derives the bundle's lists (conferences' days and tracks, tags, speakers) from its talks. */
export function makeBundle(
  conferences: Array<Omit<Conference, 'days' | 'tracks' | 'talkCount'>>,
  talks: Talk[],
  dayNotes: DayNote[] = [],
): Bundle {
  const tagCounts = new Map<string, number>();
  for (const talk of talks)
    for (const tag of talk.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  const speakers = new Map<string, Bundle['speakers'][number]>();
  for (const talk of talks) {
    for (const s of talk.speakers) {
      const id = toSpeakerId(s.handle ?? s.name);
      const entry = speakers.get(id) ?? { id, name: s.name, talks: [] };
      entry.talks.push(talk.id);
      speakers.set(id, entry);
    }
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    generatedAt: '2024-01-01T00:00:00.000Z',
    conferences: conferences.map((c) => {
      const own = talks.filter((t) => t.conference === c.id);
      const days = new Map<string, Day>();
      for (const d of [
        ...own.map((t) => t.day),
        ...dayNotes.filter((n) => n.conference === c.id).map((n) => n.day),
      ])
        days.set(d.id, d);
      const tracks = new Map(own.flatMap((t) => (t.track ? [[t.track.id, t.track] as const] : [])));
      return {
        ...c,
        days: [...days.values()].sort((a, b) => (a.number ?? 0) - (b.number ?? 0)),
        tracks: [...tracks.values()],
        talkCount: own.length,
      };
    }),
    talks,
    dayNotes,
    tags: [...tagCounts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([id, count]) => ({ id: toTagId(id), name: id === 'aws' ? 'AWS' : id, count })),
    speakers: [...speakers.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export const timelineTalks: Talk[] = [
  makeTalk({
    conference: lca,
    day: lcaDay1,
    title: 'Opening keynote',
    speakers: [{ name: 'Matthew Todd', affiliation: 'University of Sydney' }],
    track: 'Keynote',
    tags: ['science'],
  }),
  makeTalk({
    conference: lca,
    day: lcaDay2,
    title: 'Becoming the Admiral',
    speakers: [{ name: 'Alistair Chapman' }],
    track: 'Sysadmin miniconf',
    tags: ['containers', 'docker', 'logging', 'debugging', 'security', 'monitoring'],
    links: 3,
  }),
  makeTalk({
    conference: lca,
    day: lcaDay2,
    title: 'Puppet in the cloud',
    speakers: [{ name: 'Jethro Carr' }],
    track: 'Sysadmin miniconf',
    tags: ['aws', 'docker'],
    links: 1,
  }),
  makeTalk({
    conference: lca,
    day: lcaDay2,
    title: 'Lightning talks',
    track: 'Sysadmin miniconf',
    text: '',
  }),
  makeTalk({
    conference: pycon,
    day: pyconDay2,
    title: 'Civic tech keynote',
    speakers: [{ name: 'Catherine Bracy', affiliation: 'Code for America' }],
    track: 'Keynote',
    tags: ['civic'],
  }),
  makeTalk({
    conference: pycon,
    day: pyconDay2,
    title: 'Building Secure Systems',
    speakers: [{ name: 'Laurens Van Houtven', handle: 'lvh' }],
    tags: ['security', 'docker'],
  }),
];

export const timelineDayNotes: DayNote[] = [
  {
    conference: pycon,
    day: pyconDay2,
    heading: 'Breakfast',
    html: '<p>Show floor walking, <strong>coffee</strong>.</p>',
    text: 'Show floor walking, coffee.',
    source: { file: 'pycon-2015/day-2.md', startLine: 1, endLine: 3 },
  },
  {
    conference: pycon,
    day: pyconDay2,
    heading: 'Wrap up',
    html: '<p>Dinner, then <a href="https://example.com/">a walk</a>.</p>',
    text: 'Dinner, then a walk.',
    source: { file: 'pycon-2015/day-2.md', startLine: 200, endLine: 202 },
  },
];

export const timelineBundle: Bundle = makeBundle(
  [
    { id: lca, name: 'linux.conf.au 2018', year: 2018, location: 'Sydney, Australia' },
    { id: pycon, name: 'PyCon 2015', year: 2015, location: 'Montréal, Canada' },
  ],
  timelineTalks,
  timelineDayNotes,
);

export { serveBundle } from './serve-data';
