/**
 * Known-item relevance, Lanyard and Pagefind side by side on one generated corpus:
 *
 *   npm run bench:relevance -- [--talks 1000] [--seed 42] [--queries 200] [--out result.json]
 *
 * Generates the corpus, builds the site, indexes its talk pages with Pagefind 1.6 (each talk's
 * own notes: scripts/bench/pagefind.ts), then asks both the same queries (scripts/bench/relevance.ts):
 * Lanyard through the engine the app's worker runs, over the built shards; Pagefind in Chromium.
 * Prints MRR@10 and success@1/@3 per kind of query, and the share of false hits (results holding
 * neither the word nor a word starting with it) among the first 20 results for common words.
 */
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createSearchEngine } from '../src/features/search/engine';
import type { Bundle } from '../src/shared/bundle';
import { BUNDLE_FILE, talkFile } from '../src/shared/data-files';
import type { TalkId } from '../src/shared/ids';
import { isDayNoteSearchId } from '../src/shared/search/day-notes';
import {
  SEARCH_MANIFEST_FILE,
  searchShardFile,
  type SearchManifest,
  type SearchShard,
} from '../src/shared/search/shards';
import { runBuild } from './bench/build';
import { launchChromium } from './bench/browser';
import { PAGEFIND_SUBDIR, runPagefind } from './bench/pagefind';
import {
  commonWords,
  documentFrequencies,
  isFalseHit,
  knownItemQueries,
  QUERY_KINDS,
  scoreKnownItems,
  wordsOf,
  type KindScores,
  type QueryKind,
  type TalkText,
} from './bench/relevance';
import { PAGEFIND_PAGE } from './bench/search-browser';
import { startStaticServer } from './static-server';
import { generateCorpus } from './corpus/generate';
import { writeCorpus } from './corpus/write';
import { runMain } from './run-main';

/** Results read per common word for the false-hit share. */
const FALSE_HIT_DEPTH = 20;
const COMMON_WORDS = 20;

interface EngineFigures {
  knownItem: Record<QueryKind, KindScores>;
  /** False hits / results read, over the common words. */
  falseHitShare: number;
  falseHits: number;
  /** A few of them, `word → talk`, to look at. */
  falseHitExamples: string[];
  resultsRead: number;
}

/** Everything a talk page shows of the talk, as one text. */
function talkText(bundle: Bundle): TalkText[] {
  const names = new Map(bundle.conferences.map((c) => [c.id, c.name]));
  return bundle.talks.map((talk) => ({
    id: talk.id,
    text: [
      talk.title,
      ...talk.speakers.map((s) => `${s.name} ${s.affiliation ?? ''} ${s.handle ?? ''}`),
      talk.tags.join(' '),
      talk.track?.name ?? '',
      names.get(talk.conference) ?? '',
      talk.text,
    ].join('\n'),
  }));
}

async function lanyardSearch(outDir: string, bundle: Bundle) {
  const read = async (file: string): Promise<unknown> =>
    JSON.parse(await readFile(join(outDir, file), 'utf8')) as unknown;
  const manifest = (await read(SEARCH_MANIFEST_FILE)) as SearchManifest;
  const byId = new Map(bundle.talks.map((talk) => [talk.id, talk]));
  const engine = createSearchEngine(
    manifest,
    async (n) => (await read(searchShardFile(n))) as SearchShard,
    async (id: TalkId) => {
      const talk = byId.get(id) ?? ((await read(talkFile(id))) as { title: string; text: string });
      return { title: talk.title, text: talk.text };
    },
  );
  return async (input: string): Promise<string[]> =>
    (await engine.search(input)).ids
      .map((id) => id as string)
      .filter((id) => !isDayNoteSearchId(id));
}

/** Pagefind in Chromium, on the same build: each query → talk ids of its first `depth` results. */
async function pagefindSearch(outDir: string) {
  await mkdir(join(outDir, '_bench'), { recursive: true });
  await writeFile(join(outDir, '_bench/pagefind.html'), PAGEFIND_PAGE);
  const server = await startStaticServer({ root: outDir });
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(`${server.url}_bench/pagefind.html`);
  const moduleUrl = `${server.url}${PAGEFIND_SUBDIR}/pagefind.js`;
  await page.evaluate(async (url) => {
    (window as unknown as { __pagefind: unknown }).__pagefind = await import(url);
  }, moduleUrl);
  const search = async (inputs: string[], depth: number): Promise<string[][]> =>
    page.evaluate(
      async ({ inputs, depth }) => {
        type Result = { data(): Promise<{ url: string }> };
        const pagefind = (
          window as unknown as {
            __pagefind: { search(q: string): Promise<{ results: Result[] }> };
          }
        ).__pagefind;
        const out: string[][] = [];
        for (const input of inputs) {
          const { results } = await pagefind.search(input);
          const data = await Promise.all(results.slice(0, depth).map((r) => r.data()));
          out.push(data.map((d) => d.url));
        }
        return out;
      },
      { inputs, depth },
    );
  const toId = (url: string) =>
    decodeURI(url)
      .replace(/^.*?\/talks\//, '')
      .replace(/\/(index\.html)?$/, '');
  return {
    search: async (inputs: string[], depth: number) =>
      (await search(inputs, depth)).map((urls) => urls.map(toId)),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

function falseHitFigures(
  words: readonly string[],
  results: readonly (readonly string[])[],
  wordsByTalk: ReadonlyMap<string, ReadonlySet<string>>,
) {
  let read = 0;
  let falseHits = 0;
  const examples: string[] = [];
  words.forEach((word, i) => {
    for (const id of results[i]!.slice(0, FALSE_HIT_DEPTH)) {
      read++;
      if (isFalseHit(word, wordsByTalk.get(id) ?? new Set())) {
        falseHits++;
        if (examples.length < 5) examples.push(`${word} → ${id}`);
      }
    }
  });
  return {
    falseHits,
    falseHitExamples: examples,
    resultsRead: read,
    falseHitShare: read === 0 ? 0 : Math.round((falseHits / read) * 1000) / 1000,
  };
}

function table(figures: Record<string, EngineFigures>): string {
  const engines = Object.keys(figures);
  const rows = [
    `| kind | queries | ${engines.map((e) => `${e} MRR@10 | ${e} s@1 | ${e} s@3`).join(' | ')} |`,
    `|---|---|${engines.map(() => '---|---|---').join('|')}|`,
  ];
  for (const kind of QUERY_KINDS) {
    const cells = engines.map((e) => {
      const k = figures[e]!.knownItem[kind];
      return `${k.mrr10} | ${k.success1} | ${k.success3}`;
    });
    rows.push(
      `| ${kind} | ${figures[engines[0]!]!.knownItem[kind].queries} | ${cells.join(' | ')} |`,
    );
  }
  rows.push('');
  for (const e of engines) {
    const f = figures[e]!;
    rows.push(
      `${e}: false hits on ${COMMON_WORDS} common words: ${f.falseHits} of ${f.resultsRead} results read (${(f.falseHitShare * 100).toFixed(1)}%)${f.falseHitExamples.length > 0 ? `, e.g. ${f.falseHitExamples.join(', ')}` : ''}`,
    );
  }
  return rows.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      talks: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '42' },
      queries: { type: 'string', default: '200' },
      out: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const talks = Number(values.talks);
  const seed = Number(values.seed);
  const count = Number(values.queries);
  const root = process.cwd();
  const work = await mkdtemp(join(tmpdir(), 'lanyard-relevance-'));
  const contentDir = join(work, 'content');
  const outDir = join(work, 'dist');
  try {
    console.log(`corpus: ${talks} talks (seed ${seed}) in ${contentDir}`);
    await writeCorpus(generateCorpus({ talks, seed }), contentDir, seed);
    const build = await runBuild(contentDir, outDir, root);
    if (!build.ok) throw new Error(`build failed:\n${build.tail ?? ''}`);
    console.log(`built in ${build.wallSeconds} s`);
    const indexed = await runPagefind(outDir, root);
    if (!indexed.ok) throw new Error(`pagefind failed:\n${indexed.tail ?? ''}`);
    console.log(`pagefind indexed ${indexed.pages} pages in ${indexed.wallSeconds} s`);

    const bundle = JSON.parse(await readFile(join(outDir, BUNDLE_FILE), 'utf8')) as Bundle;
    const texts = talkText(bundle);
    const df = documentFrequencies(texts);
    const queries = knownItemQueries(texts, count, df);
    const common = commonWords(df, COMMON_WORDS);
    const wordsByTalk = new Map(texts.map((t) => [t.id, new Set(wordsOf(t.text))]));

    const lanyard = await lanyardSearch(outDir, bundle);
    const lanyardKnown = [];
    for (const query of queries) lanyardKnown.push({ query, results: await lanyard(query.input) });
    const lanyardCommon = [];
    for (const word of common) lanyardCommon.push(await lanyard(word));

    const pagefind = await pagefindSearch(outDir);
    let pagefindKnown;
    let pagefindCommon;
    try {
      const answers = await pagefind.search(
        queries.map((q) => q.input),
        10,
      );
      pagefindKnown = queries.map((query, i) => ({ query, results: answers[i]! }));
      pagefindCommon = await pagefind.search(common, FALSE_HIT_DEPTH);
    } finally {
      await pagefind.close();
    }

    const figures: Record<string, EngineFigures> = {
      Lanyard: {
        knownItem: scoreKnownItems(lanyardKnown),
        ...falseHitFigures(common, lanyardCommon, wordsByTalk),
      },
      Pagefind: {
        knownItem: scoreKnownItems(pagefindKnown),
        ...falseHitFigures(common, pagefindCommon, wordsByTalk),
      },
    };
    console.log(
      `\n${talks} talks, ${queries.length} known-item queries, common words: ${common.join(' ')}\n`,
    );
    console.log(table(figures));
    if (values.out) {
      await writeFile(
        values.out,
        JSON.stringify({ talks, seed, common, figures, queries: queries.slice(0, 30) }, null, 2),
      );
    }
    return 0;
  } finally {
    if (!values.keep) await rm(work, { recursive: true, force: true });
    else console.log(`kept ${work}`);
  }
}

runMain(import.meta, main);
