/** The whole corpus in memory: a plan, a population of speakers, and one file per day. Pure. */
import { planCorpus } from './conferences';
import { makeDayFile, type DayFile } from './day-file';
import { createRng } from './prng';
import { makeSpeakers } from './speakers';

export interface CorpusOptions {
  talks: number;
  seed: number;
}

export interface Corpus {
  files: DayFile[];
  talks: number;
  conferences: number;
  speakers: number;
}

export const defaultCorpusOptions: CorpusOptions = { talks: 1000, seed: 42 };

export function generateCorpus(options: Partial<CorpusOptions> = {}): Corpus {
  const { talks, seed } = { ...defaultCorpusOptions, ...options };
  if (!Number.isInteger(talks) || talks < 1)
    throw new Error(`talks: expected a positive integer, got ${talks}`);
  const rng = createRng(seed);
  const plan = planCorpus(rng.fork('plan'), talks);
  const population = makeSpeakers(rng.fork('speakers'), Math.max(20, Math.round(talks / 2)));
  const files = plan.flatMap((edition) =>
    edition.days.map((day) =>
      // Each day draws from its own stream, so one day's text never shifts another's.
      makeDayFile(rng.fork(`${edition.id}/${day.number}`), edition, day, (draw) =>
        draw.pickZipf(population, 0.7),
      ),
    ),
  );
  return {
    files,
    talks: files.reduce((sum, file) => sum + file.talks, 0),
    conferences: plan.length,
    speakers: population.length,
  };
}
