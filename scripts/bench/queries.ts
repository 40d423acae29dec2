/**
 * What the search benchmark types, and how its timings are summed up. Pure. The queries are words
 * of the generated corpus (scripts/corpus): popular technologies, two-word queries, a speaker's
 * surname and rarer made-up names from the long tail, each typed letter by letter, so one- and
 * two-letter prefixes are measured too. No field syntax (`speaker:`): every peer must understand
 * the same input.
 */
import { rareWordList } from '../corpus/words';

export function corpusQueries(): string[] {
  const rare = rareWordList();
  return [
    'kubernetes',
    'postgresql',
    'grafana dashboard',
    'incident response',
    'rust',
    'observability',
    'andersson',
    rare[100]!.toLowerCase(),
    rare[2000]!.toLowerCase(),
    'aws',
    'docker',
  ];
}

/** `"aws"` → `["a", "aw", "aws"]`: the input after each keystroke (a trailing space is skipped). */
export const keystrokesOf = (query: string): string[] =>
  [...query].map((_, index) => query.slice(0, index + 1)).filter((input) => !input.endsWith(' '));

/** The prefix-length bucket of an input: 1, 2, 3 or 4+ letters (of all its words). */
export function lengthKey(input: string): string {
  const n = input.trim().length;
  return n >= 4 ? '4+' : String(n);
}

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

export const round1 = (n: number): number => Math.round(n * 10) / 10;

export interface Timings {
  samples: number;
  p50: number;
  p95: number;
  max: number;
  /** By prefix length: 1, 2, 3 and "4+" letters. */
  byLength: Record<string, { samples: number; p50: number; p95: number }>;
}

function summarize(ms: readonly number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: round1(percentile(sorted, 0.5)),
    p95: round1(percentile(sorted, 0.95)),
    max: round1(sorted.at(-1) ?? NaN),
  };
}

/** p50/p95/max over all samples and per prefix length. */
export function summarizeTimings(samples: ReadonlyArray<{ input: string; ms: number }>): Timings {
  const byLength: Timings['byLength'] = {};
  for (const key of ['1', '2', '3', '4+']) {
    const group = samples.filter((sample) => lengthKey(sample.input) === key);
    if (group.length > 0) {
      const { samples: count, p50, p95 } = summarize(group.map((sample) => sample.ms));
      byLength[key] = { samples: count, p50, p95 };
    }
  }
  return { ...summarize(samples.map((sample) => sample.ms)), byLength };
}
