/** Bundles for the page tests (talk, tags, speakers, conference, links), built the compiler's way. */
import { buildBundle } from '../../src/pipeline/emit/build-bundle';
import { withRelatedTalks } from '../../src/pipeline/enrich/related';
import type { ConferenceFacts } from '../../src/pipeline/parse/talks';
import type { Bundle, Talk } from '../../src/shared/bundle';
import {
  toConferenceId,
  toDayId,
  toSlug,
  toTalkId,
  toTagId,
  toTrackId,
  type ConferenceId,
  type TalkId,
} from '../../src/shared/ids';

export const lca = toConferenceId('lca-2018');
export const pycon = toConferenceId('pycon-2015');

export const conferenceFacts: ConferenceFacts[] = [
  { id: lca, name: 'linux.conf.au 2018', year: 2018, location: 'Sydney, Australia' },
  { id: pycon, name: 'PyCon 2015', year: 2015, location: 'Montréal, Canada' },
];

const DATES: Record<string, string> = {
  'lca-2018/Day 1': '2018-01-22',
  'lca-2018/Day 2': '2018-01-23',
  'pycon-2015/Day 2': '2015-04-10',
};

export interface TalkSpec {
  conference?: ConferenceId;
  title: string;
  speakers?: Talk['speakers'];
  day?: string;
  track?: string | null;
  tags?: string[];
  links?: Talk['links'];
  html?: string;
  text?: string;
  aliases?: string[];
  /** Ids of related talks; `withRelated` computes them the compiler's way instead. */
  related?: TalkId[];
}

/** Talks in the order given; `order` counts within each conference, like the compiler's. */
export function makeTalks(specs: readonly TalkSpec[]): Talk[] {
  const orders = new Map<string, number>();
  return specs.map((spec) => {
    const conference = spec.conference ?? lca;
    const order = orders.get(conference) ?? 0;
    orders.set(conference, order + 1);
    const dayLabel = spec.day ?? 'Day 2';
    const date = DATES[`${conference}/${dayLabel}`];
    const number = Number(/\d+/.exec(dayLabel)?.[0]);
    return {
      id: toTalkId(conference, toSlug(spec.title)),
      title: spec.title,
      speakers: spec.speakers ?? [],
      conference,
      day: {
        id: toDayId(dayLabel),
        label: dayLabel,
        ...(Number.isNaN(number) ? {} : { number }),
        ...(date ? { date } : {}),
      },
      track: spec.track ? { id: toTrackId(spec.track), name: spec.track } : null,
      order,
      tags: (spec.tags ?? []).map(toTagId),
      links: spec.links ?? [],
      html: spec.html ?? '',
      text: spec.text ?? '',
      aliases: spec.aliases ?? [],
      related: spec.related ?? [],
      source: { file: `${conference}/day.md`, startLine: order + 1, endLine: order + 1 },
    };
  });
}

const TAG_NAMES: Record<string, string> = { aws: 'AWS', docker: 'Docker' };
const tagNameOf = (id: string) =>
  TAG_NAMES[id] ??
  id.replace(/(^|-)(\w)/g, (_m, dash: string, c: string) => `${dash ? ' ' : ''}${c.toUpperCase()}`);

/** Related talks as the compiler finds them, unless the specs say which. */
function withRelated(talks: Talk[], specs: readonly TalkSpec[]): Talk[] {
  return specs.some((spec) => spec.related) ? talks : withRelatedTalks(talks);
}

/** A bundle as `buildBundle` makes it: conferences, tags and speakers derived from the talks. */
export function makeBundle(specs: readonly TalkSpec[]): Bundle {
  return buildBundle({
    conferences: conferenceFacts,
    talks: withRelated(makeTalks(specs), specs),
    dayNotes: [],
    tagName: tagNameOf,
    now: new Date('2024-01-01T00:00:00Z'),
  });
}

/** The sample notes, shortened: enough for every page to have something to show. */
export const pageSpecs: TalkSpec[] = [
  {
    title: 'Opensoure drug discovery',
    speakers: [{ name: 'Matthew Todd' }],
    track: 'Keynote',
    tags: ['open-science'],
  },
  {
    title: 'Migrating to the cloud',
    speakers: [{ name: 'Devdas Bhagat' }],
    track: 'Sysadmin miniconf',
    tags: ['cloud', 'aws'],
    text: 'moving servers to the cloud with aws',
  },
  {
    title: 'Becoming the Admiral: mastering Docker orchestration',
    speakers: [{ name: 'Alistair Chapman' }, { name: 'Jess Frazelle', handle: 'jessfraz' }],
    track: 'Sysadmin miniconf',
    tags: ['docker', 'containers', 'logging'],
    links: [
      { url: 'https://github.com/lirantal/dockly', text: 'https://github.com/lirantal/dockly' },
      { url: 'https://www.sysdig.org/falco/', text: 'Falco' },
    ],
    html: '<h2>Why</h2><p>Need to manage <a href="https://github.com/lirantal/dockly">dockly</a></p><ul><li>docker top</li></ul><script>alert(1)</script>',
    text: 'Need to manage container sprawl docker logging',
    aliases: ['lca-2018/becoming-the-admiral'],
  },
  {
    title: 'Puppet in the cloud',
    speakers: [{ name: 'Jethro Carr', affiliation: 'Fairfax' }],
    track: 'Sysadmin miniconf',
    tags: ['cloud', 'aws', 'automation'],
    links: [
      { url: 'https://www.youtube.com/watch?v=abc', text: 'Recording' },
      { url: 'https://arxiv.org/abs/1234.5678', text: 'Paper' },
    ],
  },
  {
    conference: pycon,
    title: 'Building Secure Systems',
    speakers: [{ name: '@lvh', handle: 'lvh' }],
    tags: ['security', 'docker'],
    links: [{ url: 'https://speakerdeck.com/lvh/secure', text: 'Slides' }],
  },
  {
    conference: pycon,
    title: 'Smart Services: Microservices',
    speakers: [{ name: 'Frank Stratton', affiliation: 'Runscope' }],
    tags: ['microservices'],
    text: 'containers and docker for services',
  },
];

export const pageBundle = (): Bundle => makeBundle(pageSpecs);

export { serveBundle } from './serve-data';
