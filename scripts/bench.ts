/**
 * The performance benchmark (issue 6):
 *
 *   npm run bench [-- --sizes 1000,10000,50000] [--seed 42] [--work bench-results/work]
 *                 [--no-browser] [--no-pagefind] [--no-lunr] [--no-edit] [--build-heap-mb 12000]
 *                 [--keep]
 *
 * For each size: generates a corpus (scripts/corpus), runs the production build on it under GNU
 * time (cold: with an empty compile cache), then again after one note was edited (from the cache
 * the cold build filled, as a writer's rebuild), measures every file emitted under data/ and assets/ (raw, gzip, brotli), serves the build
 * with a plain static server and, in headless Chromium, loads `/` (first card, bytes before it,
 * longest task, JS heap) and searches (the same keystrokes typed into the app; bytes before the
 * first result, keystroke → results, longest task while typing). Then the peers, on the same
 * corpus and keystrokes: Pagefind over the prerendered talk pages, in the same browser, and, in
 * Node, one monolithic lunr index against our engine alone. Each stage fails on its own: a failure
 * is reported and the run goes on. Prints a table and writes bench-results/bench-<date>.json.
 */
import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SEARCH_MANIFEST_FILE } from '../src/shared/search/shards';
import { runBuild, runEditBuild, type BuildFigures } from './bench/build';
import { launchChromium, measureFirstLoad } from './bench/browser';
import { measureFiles, type FileSize } from './bench/file-sizes';
import type { LunrPeerFigures } from './bench/lunr-peers';
import { PAGEFIND_SUBDIR, runPagefind } from './bench/pagefind';
import { corpusQueries } from './bench/queries';
import {
  computeRatios,
  formatTable,
  searchIndexPrefix,
  totalOf,
  type BenchResult,
  type SearchFigures,
  type SizeResult,
  type Stage,
} from './bench/report';
import { measureAppSearch, measurePagefindSearch, PAGEFIND_PAGE } from './bench/search-browser';
import { startStaticServer } from './static-server';
import { generateCorpus } from './corpus/generate';
import { writeCorpus } from './corpus/write';
import { runMain } from './run-main';

interface BenchOptions {
  sizes: number[];
  seed: number;
  work: string;
  results: string;
  browser: boolean;
  pagefind: boolean;
  lunr: boolean;
  /** Rebuild after a one-note edit and time it. */
  edit: boolean;
  /** Heap limit of the build from `bigBuild` talks up, MB: the compiler holds the corpus in memory. */
  buildHeapMb: number;
  bigBuild: number;
  /** Heap limit of the Node engines' process (a monolithic 50,000-talk index needs gigabytes). */
  enginesHeapMb: number;
  keep: boolean;
}

const defaults: BenchOptions = {
  sizes: [1000, 10000, 50000],
  seed: 42,
  work: 'bench-results/work',
  results: 'bench-results',
  browser: true,
  pagefind: true,
  lunr: true,
  edit: true,
  buildHeapMb: 12_000,
  bigBuild: 20_000,
  enginesHeapMb: 16_000,
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
      'no-pagefind': { type: 'boolean' },
      'no-lunr': { type: 'boolean' },
      'no-edit': { type: 'boolean' },
      'build-heap-mb': { type: 'string' },
      keep: { type: 'boolean' },
    },
  });
  const sizes = values.sizes?.split(',').map((size) => Number(size.replace(/_/g, '')));
  if (sizes?.some((size) => !Number.isInteger(size) || size < 1)) {
    throw new Error(`--sizes: expected talk counts like 1000,10000, got ${values.sizes}`);
  }
  const heap = values['build-heap-mb'] === undefined ? undefined : Number(values['build-heap-mb']);
  if (heap !== undefined && !(heap > 0)) {
    throw new Error(`--build-heap-mb: expected megabytes, got ${values['build-heap-mb']}`);
  }
  return {
    ...defaults,
    ...(sizes ? { sizes } : {}),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    ...(values.work ? { work: values.work } : {}),
    ...(values['no-browser'] ? { browser: false } : {}),
    ...(values['no-pagefind'] ? { pagefind: false } : {}),
    ...(values['no-lunr'] ? { lunr: false } : {}),
    ...(values['no-edit'] ? { edit: false } : {}),
    // Given explicitly, the limit applies at every size.
    ...(heap ? { buildHeapMb: heap, bigBuild: 0 } : {}),
    ...(values.keep ? { keep: true } : {}),
  };
}

const message = (error: unknown) =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

/** Runs one stage; a failure is logged and returned, never thrown. */
async function stage<T>(label: string, run: () => Promise<T>): Promise<Stage<T>> {
  const started = performance.now();
  try {
    const figures = await run();
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    console.error(`${label}: ok in ${seconds} s`);
    return { ok: true, figures, seconds };
  } catch (error) {
    console.error(`${label}: FAILED\n${message(error)}`);
    return { ok: false, error: message(error) };
  }
}

const ENGINES_TIMEOUT_MS = 30 * 60_000;

/** The Node engines (ours and a monolithic lunr index) in their own process and heap. */
async function runEngines(
  contentDir: string,
  outDir: string,
  root: string,
  heapMb: number,
): Promise<LunrPeerFigures> {
  const out = `${outDir}.engines.json`;
  const output: string[] = [];
  const code = await new Promise<number | null>((done) => {
    const child = spawn(
      process.execPath,
      [
        `--max-old-space-size=${heapMb}`,
        '--import',
        'tsx',
        join(root, 'scripts/bench/lunr-peers.ts'),
        contentDir,
        outDir,
        out,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const keep = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 200) output.splice(0, output.length - 200);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    // A stage must not hold up the run for ever: stop this child (and only it) past the limit.
    const timer = setTimeout(() => {
      output.push(`\n(stopped after ${ENGINES_TIMEOUT_MS / 60_000} min)`);
      child.kill('SIGKILL');
    }, ENGINES_TIMEOUT_MS);
    child.on('close', (exit) => {
      clearTimeout(timer);
      done(exit);
    });
    child.on('error', () => done(null));
  });
  if (code !== 0) {
    throw new Error(`engines process exited with ${code}:\n${output.join('').slice(-2000)}`);
  }
  const figures = JSON.parse(await readFile(out, 'utf8')) as LunrPeerFigures;
  await rm(out, { force: true });
  return figures;
}

async function benchSearch(
  talks: number,
  options: BenchOptions,
  root: string,
  contentDir: string,
  outDir: string,
  serverUrl: string | null,
  files: readonly FileSize[],
): Promise<SearchFigures> {
  const queries = corpusQueries();
  const tag = `[${talks}]`;
  let app: SearchFigures['app'] = null;
  let pagefind: SearchFigures['pagefind'] = null;
  let engines: SearchFigures['engines'] = null;
  if (serverUrl) {
    app = await stage(`${tag} app search (Chromium)`, async () => {
      const browser = await launchChromium();
      try {
        return await measureAppSearch(browser, serverUrl, queries);
      } finally {
        await browser.close();
      }
    });
  }
  if (options.pagefind) {
    pagefind = await stage(`${tag} pagefind`, async () => {
      const index = await runPagefind(outDir, root);
      if (!index.ok) throw new Error(`pagefind failed:\n${index.tail ?? ''}`);
      if (!serverUrl) return { index, browser: null };
      await mkdir(join(outDir, '_bench'), { recursive: true });
      await writeFile(join(outDir, '_bench/pagefind.html'), PAGEFIND_PAGE);
      const browser = await launchChromium();
      try {
        const figures = await measurePagefindSearch(
          browser,
          `${serverUrl}_bench/pagefind.html`,
          `${serverUrl}${PAGEFIND_SUBDIR}/pagefind.js`,
          queries,
        );
        return { index, browser: figures };
      } catch (error) {
        // The index figures stand without the browser's.
        console.error(`${tag} pagefind in Chromium: FAILED\n${message(error)}`);
        return { index, browser: null, browserError: message(error) };
      } finally {
        await browser.close();
      }
    });
  }
  if (options.lunr) {
    engines = await stage(`${tag} engines (Node: ours, monolithic lunr)`, () =>
      runEngines(contentDir, outDir, root, options.enginesHeapMb),
    );
  }
  const ourIndex = totalOf(files, searchIndexPrefix(SEARCH_MANIFEST_FILE));
  const search = { queries, app, pagefind, engines };
  return { ...search, ratios: computeRatios(search, ourIndex) };
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
  const heapMb = talks >= options.bigBuild ? options.buildHeapMb : undefined;
  const cacheDir = join(dir, 'cache');
  await rm(cacheDir, { recursive: true, force: true });
  const build = await runBuild(contentDir, outDir, root, heapMb, cacheDir);
  console.error(`[${talks}] build: ${build.ok ? 'ok' : 'FAILED'} in ${build.wallSeconds} s`);
  if (!build.ok) console.error(build.tail);
  let edit: BuildFigures | null = null;
  const edited = corpus.files.find((file) => file.path.endsWith('.md'));
  if (build.ok && options.edit && edited) {
    edit = await runEditBuild(
      join(contentDir, edited.path),
      contentDir,
      outDir,
      root,
      cacheDir,
      heapMb,
    );
    console.error(
      `[${talks}] rebuild after editing ${edited.path}: ${edit.ok ? 'ok' : 'FAILED'} in ${edit.wallSeconds} s`,
    );
    if (!edit.ok) console.error(edit.tail);
  }
  const files = build.ok ? await measureFiles(outDir, ['data', 'assets']) : [];
  let load: SizeResult['load'] = null;
  let loadError: string | undefined;
  let search: SearchFigures | null = null;
  if (build.ok) {
    const server = options.browser ? await startStaticServer({ root: outDir }) : null;
    try {
      if (server) {
        const loaded = await stage(`[${talks}] first load (Chromium)`, async () => {
          const browser = await launchChromium();
          try {
            return await measureFirstLoad(browser, server.url);
          } finally {
            await browser.close();
          }
        });
        if (loaded.ok) load = loaded.figures;
        else loadError = loaded.error;
        console.error(`[${talks}] first card: ${load?.firstCardMs ?? 'never'} ms`);
      }
      if (server || options.pagefind || options.lunr) {
        search = await benchSearch(
          talks,
          options,
          root,
          contentDir,
          outDir,
          server?.url ?? null,
          files,
        );
      }
    } finally {
      await server?.close();
    }
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
    edit,
    files,
    totals: { data: totalOf(files, 'data/'), assets: totalOf(files, 'assets/') },
    load,
    ...(loadError ? { loadError } : {}),
    search,
  };
}

async function main(argv: string[]): Promise<number> {
  const options = readOptions(argv);
  const root = process.cwd();
  const started = performance.now();
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
  await mkdir(options.results, { recursive: true });
  const file = join(options.results, `bench-${result.date.replace(/[:.]/g, '-')}.json`);
  for (const talks of options.sizes) {
    try {
      result.sizes.push(await benchSize(talks, options, root));
    } catch (error) {
      // Corpus or file system trouble: say so, keep the sizes already measured, go on.
      console.error(`[${talks}] FAILED\n${message(error)}`);
    }
    result.wallMinutes = Math.round((performance.now() - started) / 6000) / 10;
    // Written after each size, so a long run that dies late keeps what it measured.
    await writeFile(file, JSON.stringify(result, null, 2) + '\n');
  }
  console.log(formatTable(result));
  console.log(`\n${result.wallMinutes} min; written to ${file}`);
  return result.sizes.length === options.sizes.length && result.sizes.every((size) => size.build.ok)
    ? 0
    : 1;
}

runMain(import.meta, main);
