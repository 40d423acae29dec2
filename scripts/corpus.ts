/**
 * A seeded generator of realistic conference notes, for benchmarks and tests:
 *
 *   npm run corpus -- --talks 10000 --out DIR [--seed 42]
 *
 * Writes a folder per conference edition and a file per day (markdown or plain text, with or
 * without front matter), holding exactly --talks talks as the compiler counts them. The same seed
 * gives the same bytes. DIR must be empty or a corpus written before (it is then replaced).
 */
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus/generate';
import { writeCorpus } from './corpus/write';
import { runMain } from './run-main';

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      talks: { type: 'string', default: '1000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '42' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.out) {
    console.log('usage: npm run corpus -- --talks N --out DIR [--seed 42]');
    return values.help ? 0 : 2;
  }
  const talks = Number(values.talks);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed: expected an integer, got ${values.seed}`);
  const started = performance.now();
  const corpus = generateCorpus({ talks, seed });
  const bytes = await writeCorpus(corpus, values.out, seed);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${corpus.talks} talks, ${corpus.conferences} conference editions, ${corpus.files.length} files, ` +
      `${corpus.speakers} speakers, ${(bytes / 1e6).toFixed(1)} MB in ${values.out} (seed ${seed}, ${seconds} s)`,
  );
  return 0;
}

runMain(import.meta, main);
