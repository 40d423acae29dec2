/**
 * How well the compiler reads notes, against what a careful human reader expects: the scoring
 * half of `npm run bench:ingest` (scripts/bench-ingest.ts). Pure: expected and found talks in,
 * figures out. The matching rule is documented in tests/ingest/README.md; keep the two in step.
 */
import { z } from 'zod';

const expectedTalk = z
  .object({
    /** The title as a careful reader gives it: no time, no session label, no speaker. */
    title: z.string().min(1),
    /** Names only: no honorific, affiliation or handle. Empty when the notes name nobody. */
    speakers: z.array(z.string().min(1)).default([]),
  })
  .strict();

const expectedFile = z
  .object({
    /** The conference the file is about, without its year ("ODSC East"). */
    conference: z.string().min(1).optional(),
    year: z.number().int().optional(),
    /** Layout numbers of issue 14 the file exercises, for the per-layout table. */
    layouts: z.array(z.number().int().positive()).default([]),
    /** Every talk of the file, in order. An empty list: the file holds no talk at all. */
    talks: z.array(expectedTalk).default([]),
  })
  .strict();

/** The expected answers of a corpus: one entry per notes file, by path under the notes folder. */
export const expectedCorpus = z.object({ files: z.record(z.string(), expectedFile) }).strict();

export type ExpectedTalk = z.infer<typeof expectedTalk>;
export type ExpectedFile = z.infer<typeof expectedFile>;
export type ExpectedCorpus = z.infer<typeof expectedCorpus>;

/** A talk as the compiler read it. */
export interface FoundTalk {
  title: string;
  speakers: readonly string[];
}

/** What the compiler made of one file. */
export interface FoundFile {
  conference?: string;
  year?: number;
  talks: readonly FoundTalk[];
}

/** Counts; every ratio is derived from them (`ratiosOf`). */
export interface Counts {
  expected: number;
  found: number;
  matched: number;
  /** Matched talks whose title is exactly the expected one (ends trimmed). */
  exactTitles: number;
  /** Matched talks whose set of speaker names is the expected one. */
  speakersRight: number;
  /** Files whose conference was checked (the expected file names one). */
  conferences: number;
  conferencesRight: number;
}

export interface Ratios {
  precision: number;
  recall: number;
  f1: number;
  /** Of the matched talks. */
  exactTitles: number;
  /** Of the matched talks. */
  speakersRight: number;
}

/** One expected talk and what was found for it. */
export interface TalkDiff {
  expected: ExpectedTalk;
  found?: FoundTalk;
  titleExact: boolean;
  speakersRight: boolean;
}

export interface FileScore {
  file: string;
  layouts: number[];
  counts: Counts;
  /** In expected order. */
  talks: TalkDiff[];
  /** Found talks that match no expected talk: invented, or a title too far from any. */
  extra: FoundTalk[];
  conference?: { expected: string; found: string; right: boolean };
}

/** Markdown and punctuation out, case folded, runs of space made one: the words of a title. */
export function titleWords(title: string): string[] {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
}

/** Whether `long` holds the words of `short` one after another. */
function containsRun(short: readonly string[], long: readonly string[]): boolean {
  for (let start = 0; start + short.length <= long.length; start++) {
    if (short.every((word, index) => long[start + index] === word)) return true;
  }
  return false;
}

/** The least similarity at which a found title counts as the expected talk's. */
export const MATCH_THRESHOLD = 0.7;

/**
 * How alike two titles are, 0 to 1: 1 when their words are the same; the Dice coefficient of
 * their words otherwise; at least the threshold when one holds the other's words in a row and
 * those are at least two words and 40% of the longer (a time or label left in the title).
 */
export function titleSimilarity(a: string, b: string): number {
  const left = titleWords(a);
  const right = titleWords(b);
  if (left.length === 0 || right.length === 0) return 0;
  if (left.join(' ') === right.join(' ')) return 1;
  const counts = new Map<string, number>();
  for (const word of left) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of right) {
    const remaining = counts.get(word) ?? 0;
    if (remaining > 0) {
      shared++;
      counts.set(word, remaining - 1);
    }
  }
  const dice = (2 * shared) / (left.length + right.length);
  const [short, long] = left.length <= right.length ? [left, right] : [right, left];
  const contained =
    short.length >= 2 && short.length >= 0.4 * long.length && containsRun(short, long);
  return contained ? Math.max(dice, MATCH_THRESHOLD) : dice;
}

/**
 * Pairs found talks with expected ones, one to one: the most similar pair first, then the next,
 * while the similarity reaches the threshold. Ties go to the earlier talks. Returns, for each
 * expected talk, the index of its found talk or -1.
 */
export function matchTalks(
  expected: readonly { title: string }[],
  found: readonly { title: string }[],
): number[] {
  const candidates: { e: number; f: number; similarity: number }[] = [];
  expected.forEach((want, e) =>
    found.forEach((got, f) => {
      const similarity = titleSimilarity(want.title, got.title);
      if (similarity >= MATCH_THRESHOLD) candidates.push({ e, f, similarity });
    }),
  );
  candidates.sort((x, y) => y.similarity - x.similarity || x.e - y.e || x.f - y.f);
  const pairOf = expected.map(() => -1);
  const taken = new Set<number>();
  for (const { e, f } of candidates) {
    if (pairOf[e] !== -1 || taken.has(f)) continue;
    pairOf[e] = f;
    taken.add(f);
  }
  return pairOf;
}

const nameKey = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Same people: the same set of names, in any order, case and spacing aside. */
export function sameSpeakers(expected: readonly string[], found: readonly string[]): boolean {
  const want = new Set(expected.map(nameKey));
  const got = new Set(found.map(nameKey));
  return want.size === got.size && [...want].every((name) => got.has(name));
}

/** Exact: the same characters, leading and trailing space aside. */
export const isExactTitle = (expected: string, found: string) => expected.trim() === found.trim();

/** A conference name to compare: case, punctuation and any year aside. */
export const conferenceKey = (name: string) =>
  titleWords(name)
    .filter((word) => !/^(?:19|20)\d\d$/.test(word))
    .join(' ');

function conferenceOf(expected: ExpectedFile, found: FoundFile): FileScore['conference'] {
  if (expected.conference === undefined) return undefined;
  const label = (name: string | undefined, year: number | undefined) =>
    [name ?? '(none)', year].filter((part) => part !== undefined).join(' ');
  const right =
    found.conference !== undefined &&
    conferenceKey(found.conference) === conferenceKey(expected.conference) &&
    (expected.year === undefined || found.year === expected.year);
  return {
    expected: label(expected.conference, expected.year),
    found: label(found.conference, found.year),
    right,
  };
}

/** One file scored. */
export function scoreFile(file: string, expected: ExpectedFile, found: FoundFile): FileScore {
  const pairOf = matchTalks(expected.talks, found.talks);
  const talks = expected.talks.map((want, index): TalkDiff => {
    const got = found.talks[pairOf[index] ?? -1];
    if (!got) return { expected: want, titleExact: false, speakersRight: false };
    return {
      expected: want,
      found: got,
      titleExact: isExactTitle(want.title, got.title),
      speakersRight: sameSpeakers(want.speakers, got.speakers),
    };
  });
  const taken = new Set(pairOf);
  const conference = conferenceOf(expected, found);
  return {
    file,
    layouts: expected.layouts,
    counts: {
      expected: expected.talks.length,
      found: found.talks.length,
      matched: talks.filter((talk) => talk.found).length,
      exactTitles: talks.filter((talk) => talk.titleExact).length,
      speakersRight: talks.filter((talk) => talk.speakersRight).length,
      conferences: conference ? 1 : 0,
      conferencesRight: conference?.right ? 1 : 0,
    },
    talks,
    extra: found.talks.filter((_, index) => !taken.has(index)),
    ...(conference ? { conference } : {}),
  };
}

export const EMPTY_COUNTS: Counts = {
  expected: 0,
  found: 0,
  matched: 0,
  exactTitles: 0,
  speakersRight: 0,
  conferences: 0,
  conferencesRight: 0,
};

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    expected: a.expected + b.expected,
    found: a.found + b.found,
    matched: a.matched + b.matched,
    exactTitles: a.exactTitles + b.exactTitles,
    speakersRight: a.speakersRight + b.speakersRight,
    conferences: a.conferences + b.conferences,
    conferencesRight: a.conferencesRight + b.conferencesRight,
  };
}

/** 0/0 is 1: nothing expected and nothing found is a perfect reading. */
const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

export function ratiosOf(counts: Counts): Ratios {
  const precision = ratio(counts.matched, counts.found);
  const recall = ratio(counts.matched, counts.expected);
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    exactTitles: ratio(counts.exactTitles, counts.matched),
    speakersRight: ratio(counts.speakersRight, counts.matched),
  };
}

export interface CorpusScore {
  files: FileScore[];
  total: Counts;
  /** Counts over the files tagged with each layout, by layout number. */
  byLayout: Map<number, Counts>;
}

/**
 * Every expected file scored against what was found for it. A file found but not expected, or
 * expected but not in the notes, is a mistake in the corpus: it is reported, not scored.
 */
export function scoreCorpus(
  expected: ExpectedCorpus,
  found: ReadonlyMap<string, FoundFile>,
  notesFiles: readonly string[],
): { score: CorpusScore; problems: string[] } {
  const problems = [
    ...notesFiles
      .filter((file) => !(file in expected.files))
      .map((file) => `${file}: a notes file with no entry in the expected answers`),
    ...Object.keys(expected.files)
      .filter((file) => !notesFiles.includes(file))
      .map((file) => `${file}: expected, but there is no such notes file`),
  ];
  const files = Object.entries(expected.files)
    .filter(([file]) => notesFiles.includes(file))
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .map(([file, want]) => scoreFile(file, want, found.get(file) ?? { talks: [] }));
  const byLayout = new Map<number, Counts>();
  for (const score of files) {
    for (const layout of score.layouts) {
      byLayout.set(layout, addCounts(byLayout.get(layout) ?? EMPTY_COUNTS, score.counts));
    }
  }
  return {
    score: {
      files,
      total: files.reduce((sum, score) => addCounts(sum, score.counts), EMPTY_COUNTS),
      byLayout: new Map([...byLayout].sort(([a], [b]) => a - b)),
    },
    problems,
  };
}
