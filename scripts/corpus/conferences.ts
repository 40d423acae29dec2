/**
 * Conference series and their editions, and how N talks are spread over editions, days and
 * tracks. Pure: the plan depends only on the seed and N.
 */
import type { Rng } from './prng';
import type { Language, NoteFormat } from './talk';

export interface Series {
  slug: string;
  name: string;
  locations: readonly string[];
  /** Month (1–12) the conference usually runs in. */
  month: number;
  language: Language;
  /** Share of editions whose notes were taken in plain text. */
  textShare: number;
  tracks: readonly string[];
}

export const SERIES: readonly Series[] = [
  {
    slug: 'lca',
    name: 'linux.conf.au',
    locations: ['Hobart, Australia', 'Sydney, Australia', 'Christchurch, New Zealand'],
    month: 1,
    language: 'en',
    textShare: 0.1,
    tracks: [
      'Main hall',
      'Sysadmin miniconf',
      'Kernel miniconf',
      'Open hardware miniconf',
      'Security track',
    ],
  },
  {
    slug: 'pycon',
    name: 'PyCon',
    locations: ['Montréal, Canada', 'Portland, USA', 'Cleveland, USA'],
    month: 4,
    language: 'en',
    textShare: 0.5,
    tracks: ['Ballroom A', 'Room 710', 'Room 520', 'Data track'],
  },
  {
    slug: 'pycon-au',
    name: 'PyCon AU',
    locations: ['Brisbane, Australia', 'Melbourne, Australia'],
    month: 8,
    language: 'en',
    textShare: 0.2,
    tracks: ['Main stage', 'Science and data miniconf', 'Education track'],
  },
  {
    slug: 'fosdem',
    name: 'FOSDEM',
    locations: ['Brussels, Belgium'],
    month: 2,
    language: 'en',
    textShare: 0.2,
    tracks: [
      'Janson',
      'Go devroom track',
      'Rust devroom track',
      'Databases track',
      'Containers track',
      'Monitoring track',
    ],
  },
  {
    slug: 'devopsdays',
    name: 'DevOpsDays',
    locations: ['Amsterdam, Netherlands', 'Ghent, Belgium', 'Chicago, USA'],
    month: 6,
    language: 'en',
    textShare: 0.3,
    tracks: ['Main stage', 'Workshops room'],
  },
  {
    slug: 'kubecon',
    name: 'KubeCon',
    locations: ['Barcelona, Spain', 'San Diego, USA', 'Paris, France'],
    month: 5,
    language: 'en',
    textShare: 0.1,
    tracks: [
      'Keynote hall',
      'Observability track',
      'Security track',
      'Storage track',
      'Networking track',
      'Operations track',
    ],
  },
  {
    slug: 'srecon',
    name: 'SREcon',
    locations: ['Dublin, Ireland', 'Santa Clara, USA'],
    month: 3,
    language: 'en',
    textShare: 0.2,
    tracks: ['Room 1', 'Room 2', 'Room 3'],
  },
  {
    slug: 'jsconf',
    name: 'JSConf',
    locations: ['Berlin, Germany', 'Budapest, Hungary'],
    month: 6,
    language: 'en',
    textShare: 0.2,
    tracks: ['Main stage', 'Side stage'],
  },
  {
    slug: 'strange-loop',
    name: 'Strange Loop',
    locations: ['St. Louis, USA'],
    month: 9,
    language: 'en',
    textShare: 0.3,
    tracks: ['Grand ballroom', 'Peabody room', 'Theater stage'],
  },
  {
    slug: 'rustconf',
    name: 'RustConf',
    locations: ['Portland, USA', 'Montréal, Canada'],
    month: 9,
    language: 'en',
    textShare: 0.2,
    tracks: ['Main hall', 'Workshop room'],
  },
  {
    slug: 'gophercon',
    name: 'GopherCon',
    locations: ['Denver, USA', 'San Diego, USA'],
    month: 7,
    language: 'en',
    textShare: 0.2,
    tracks: ['Main stage', 'Lightning talks session'],
  },
  {
    slug: 'qcon',
    name: 'QCon',
    locations: ['London, UK', 'San Francisco, USA'],
    month: 3,
    language: 'en',
    textShare: 0.2,
    tracks: ['Architecture track', 'Data track', 'Culture track', 'Performance track'],
  },
  {
    slug: 'monitorama',
    name: 'Monitorama',
    locations: ['Portland, USA', 'Amsterdam, Netherlands'],
    month: 6,
    language: 'en',
    textShare: 0.4,
    tracks: ['Main stage'],
  },
  {
    slug: 'velocity',
    name: 'Velocity',
    locations: ['Santa Clara, USA', 'London, UK'],
    month: 6,
    language: 'en',
    textShare: 0.2,
    tracks: ['Ballroom', 'Room 201', 'Room 202'],
  },
  {
    slug: 'devoxx-fr',
    name: 'Devoxx France',
    locations: ['Paris, France'],
    month: 4,
    language: 'fr',
    textShare: 0.3,
    tracks: ['Amphi bleu', 'Salle Maillot', 'Salle Neuilly'],
  },
  {
    slug: 'mixit',
    name: 'MiXiT',
    locations: ['Lyon, France'],
    month: 4,
    language: 'fr',
    textShare: 0.3,
    tracks: ['Grand amphi', 'Salle 1'],
  },
  {
    slug: 'froscon',
    name: 'FrOSCon',
    locations: ['Sankt Augustin, Germany'],
    month: 8,
    language: 'de',
    textShare: 0.3,
    tracks: ['Hörsaal 1', 'Hörsaal 2', 'Raum C116'],
  },
  {
    slug: 'chemnitzer-linux-tage',
    name: 'Chemnitzer Linux-Tage',
    locations: ['Chemnitz, Germany'],
    month: 3,
    language: 'de',
    textShare: 0.3,
    tracks: ['Saal 1', 'Saal 2', 'Saal 3'],
  },
  {
    slug: 'pycon-jp',
    name: 'PyCon JP',
    locations: ['Tokyo, Japan'],
    month: 9,
    language: 'ja',
    textShare: 0.2,
    tracks: ['Room A', 'Room B', 'Room C'],
  },
  {
    slug: 'osc-tokyo',
    name: 'Open Source Conference Tokyo',
    locations: ['Tokyo, Japan'],
    month: 10,
    language: 'ja',
    textShare: 0.2,
    tracks: ['Hall A', 'Hall B'],
  },
];

export const FIRST_YEAR = 2010;
export const LAST_YEAR = 2026;

export interface TrackPlan {
  name: string;
  talks: number;
}

export interface DayPlan {
  number: number;
  date: string;
  tracks: TrackPlan[];
}

export interface EditionPlan {
  series: Series;
  year: number;
  /** The folder: `<series>-<year>`. */
  id: string;
  location: string;
  format: NoteFormat;
  /** Whether the day files carry YAML front matter (otherwise the path says it all). */
  frontMatter: boolean;
  days: DayPlan[];
}

/** Split `total` into `parts` positive integers, randomly but each near `total / parts`. */
export function splitCount(rng: Rng, total: number, parts: number): number[] {
  const count = Math.max(1, Math.min(parts, total));
  const weights = Array.from({ length: count }, () => 0.5 + rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((weight) => 1 + Math.floor(((total - count) * weight) / sum));
  let left = total - shares.reduce((a, b) => a + b, 0);
  for (let index = 0; left > 0; index = (index + 1) % count, left--) shares[index]!++;
  return shares;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Editions, days and tracks holding exactly `talks` talks in all. */
export function planCorpus(rng: Rng, talks: number): EditionPlan[] {
  const all = SERIES.flatMap((series) =>
    Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, index) => ({
      series,
      year: FIRST_YEAR + index,
    })),
  );
  // About 60 talks an edition while there are editions to spare; bigger conferences beyond.
  const editionCount = Math.max(1, Math.min(all.length, Math.ceil(talks / 60)));
  const chosen = rng
    .shuffle(all)
    .slice(0, editionCount)
    .sort((a, b) => a.series.slug.localeCompare(b.series.slug) || a.year - b.year);
  const perEdition = splitCount(rng, talks, chosen.length);
  return chosen.map(({ series, year }, index) => {
    const editionTalks = perEdition[index]!;
    const dayCount = Math.min(5, Math.max(1, Math.round(editionTalks / rng.int(20, 40))));
    const startDay = rng.int(1, 24);
    const days = splitCount(rng, editionTalks, dayCount).map((dayTalks, dayIndex) => {
      const trackCount = Math.min(dayTalks, Math.max(1, Math.ceil(dayTalks / rng.int(5, 9))));
      const names = Array.from({ length: trackCount }, (_, trackIndex) =>
        trackIndex < series.tracks.length
          ? series.tracks[trackIndex]!
          : `Room ${String.fromCharCode(65 + trackIndex)}${Math.floor(trackIndex / 26) || ''} track`,
      );
      return {
        number: dayIndex + 1,
        date: `${year}-${pad(series.month)}-${pad(startDay + dayIndex)}`,
        tracks: splitCount(rng, dayTalks, trackCount).map((count, trackIndex) => ({
          name: names[trackIndex]!,
          talks: count,
        })),
      };
    });
    return {
      series,
      year,
      id: `${series.slug}-${year}`,
      location: rng.pick(series.locations),
      format: rng.chance(series.textShare) ? 'text' : 'markdown',
      frontMatter: rng.chance(0.85),
      days,
    };
  });
}
