/**
 * The performance benchmark (issue 6):
 *
 *   npm run bench [-- --sizes 1000,10000,50000] [--seed 42] [--work bench-results/work]
 *                 [--no-browser] [--keep]
 *
 * For each size: generates a corpus (scripts/corpus), runs the production build on it under GNU
 * time, measures every file emitted under data/ and assets/ (raw, gzip, brotli), serves the build
 * with a plain static server and loads `/` in headless Chromium (first card, bytes before it,
 * longest task, JS heap). Prints a table and writes bench-results/bench-<date>.json.
 * Search figures (`search` in the JSON) are left null here: the search benchmark fills them.
 */
import { cpus, totalmem } from 'node:os';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runBuild } from './bench/build';
import { launchChromium, measureFirstLoad } from './bench/browser';
import { measureFiles } from './bench/file-sizes';
import { formatTable, totalOf, type BenchResult, type SizeResult } from './bench/report';
import { serveStatic } from './bench/serve';
import { generateCorpus } from './corpus/generate';
import { writeCorpus } from './corpus/write';

interface BenchOptions {
  sizes: number[];
  seed: number;
  work: string;
  results: string;
  browser: boolean;
  keep: boolean;
}

const defaults: BenchOptions = {
  sizes: [1000, 10000, 50000],
  seed: 42,
  work: 'bench-results/work',
  results: 'bench-results',
  browser: true,
  keep: false,
};

function readOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      seed: { type: 'string' },
      work: { type: 'string' },
      'no-browser': { type: 'boolean' },
      keep: { type: 'boolean' },
    },
  });
  const sizes = values.sizes?.split(',').map((size) => Number(size.replace(/_/g, '')));
  if (sizes?.some((size) => !Number.isInteger(size) || size < 1)) {
    throw new Error(`--sizes: expected talk counts like 1000,10000, got ${values.sizes}`);
  }
  return {
    ...defaults,
    ...(sizes ? { sizes } : {}),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    ...(values.work ? { work: values.work } : {}),
    ...(values['no-browser'] ? { browser: false } : {}),
    ...(values.keep ? { keep: true } : {}),
  };
}

async function benchSize(talks: number, options: BenchOptions, root: string): Promise<SizeResult> {
  const dir = resolve(options.work, String(talks));
  const contentDir = join(dir, 'content');
  const outDir = join(dir, 'dist');
  const started = performance.now();
  const corpus = generateCorpus({ talks, seed: options.seed });
  const bytes = await writeCorpus(corpus, contentDir, options.seed);
  const generateSeconds = Math.round((performance.now() - started) / 100) / 10;
  console.error(
    `[${talks}] corpus: ${corpus.files.length} files in ${generateSeconds} s; building…`,
  );
  const build = await runBuild(contentDir, outDir, root);
  console.error(`[${talks}] build: ${build.ok ? 'ok' : 'FAILED'} in ${build.wallSeconds} s`);
  if (!build.ok) console.error(build.tail);
  const files = build.ok ? await measureFiles(outDir, ['data', 'assets']) : [];
  let load = null;
  if (build.ok && options.browser) {
    const server = await serveStatic(outDir);
    const browser = await launchChromium();
    try {
      load = await measureFirstLoad(browser, server.url);
    } finally {
      await browser.close();
      await server.close();
    }
    console.error(`[${talks}] first card: ${load.firstCardMs ?? 'never'} ms`);
  }
  if (!options.keep) await rm(dir, { recursive: true, force: true });
  return {
    talks,
    corpus: {
      files: corpus.files.length,
      megabytes: Math.round(bytes / 1e5) / 10,
      generateSeconds,
    },
    build,
    files,
    totals: { data: totalOf(files, 'data/'), assets: totalOf(files, 'assets/') },
    load,
    // Filled in by the search benchmark (scripts/bench-search.ts) when it joins this run.
    search: null,
  };
}

async function main(argv: string[]): Promise<number> {
  const options = readOptions(argv);
  const root = process.cwd();
  const result: BenchResult = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
      platform: process.platform,
    },
    seed: options.seed,
    sizes: [],
  };
  for (const talks of options.sizes) result.sizes.push(await benchSize(talks, options, root));
  await mkdir(options.results, { recursive: true });
  const file = join(options.results, `bench-${result.date.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify(result, null, 2) + '\n');
  console.log(formatTable(result));
  console.log(`\nwritten to ${file}`);
  return result.sizes.every((size) => size.build.ok) ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
