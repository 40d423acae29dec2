/**
 * How long tagging takes per talk on the sample notes: `npx tsx scripts/bench-tags.ts`.
 * Tagging runs every vocabulary term over every talk, so it is the part of the compile that grows
 * with both the notes and the vocabulary.
 */
import { readFile } from 'node:fs/promises';
import { compileNotes } from '../src/pipeline/compile';
import { BUILT_IN_VOCABULARY_URL, findTags, parseVocabulary } from '../src/pipeline/enrich/tags';
import { runMain } from './run-main';

const ROUNDS = 20;

async function main() {
  const { bundle } = await compileNotes({ contentDir: process.env.CONTENT_DIR ?? 'content' });
  const vocabulary = parseVocabulary(
    await readFile(BUILT_IN_VOCABULARY_URL, 'utf8'),
    'tag-vocabulary.yaml',
  ).vocabulary;
  findTags({ text: 'warm up', title: '', explicit: [] }, vocabulary);
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const talk of bundle.talks)
      findTags({ text: talk.text, title: talk.title, explicit: [] }, vocabulary);
  }
  const perTalk = (performance.now() - started) / (ROUNDS * bundle.talks.length);
  console.log(
    JSON.stringify({
      talks: bundle.talks.length,
      rounds: ROUNDS,
      msPerTalk: Number(perTalk.toFixed(2)),
    }),
  );
}

runMain(import.meta, main);
