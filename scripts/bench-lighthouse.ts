/**
 * Lighthouse scores of the built site:
 * `npx tsx scripts/bench-lighthouse.ts [--dist DIR] [--runs N] [--preset mobile|desktop|both]
 * [--page home --page talk …]`.
 *
 * Serves the built folder (default `dist/`) with the benchmark static server (gzip, no fallback)
 * and runs Lighthouse 12.8.2 through its CLI (`npx -y lighthouse@12.8.2`; it is not a dependency)
 * with Debian's Chromium against the home page, a talk page, /tags, /speakers and /starred, on the
 * mobile preset (Lighthouse's default; the issue's target) and, with `--preset both` or `desktop`,
 * the desktop one. Prints the four category scores, the key metrics, the page's JavaScript (bytes
 * transferred, and Lighthouse's estimate of the bytes of it the page never runs) and every failing
 * audit per page, and writes the summary as JSON to bench-results/, with the full Lighthouse
 * reports in a folder beside it. Mobile scores move by a few points from run to run (more on a
 * busy machine): each page is measured `--runs` times (default 3) and the run with the median
 * performance score is reported, with every run's score.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { startStaticServer } from './static-server';
import { runMain } from './run-main';

const LIGHTHOUSE = 'lighthouse@12.8.2';

/** As a static host serves them: a page is a folder, so its address ends in `/` (no redirect). */
const PAGES: readonly { name: string; path: string }[] = [
  { name: 'home', path: '' },
  { name: 'talk', path: 'talks/lca-2018/becoming-the-admiral-mastering-docker-orchestration/' },
  { name: 'tags', path: 'tags/' },
  { name: 'speakers', path: 'speakers/' },
  { name: 'starred', path: 'starred/' },
];

const PRESETS = ['mobile', 'desktop'] as const;
type Preset = (typeof PRESETS)[number];

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
  displayValue?: string;
  details?: { items?: unknown[] };
}

interface LighthouseResult {
  lighthouseVersion: string;
  finalDisplayedUrl: string;
  runtimeError?: { code: string; message: string };
  runWarnings: string[];
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
}

interface PageResult {
  page: string;
  url: string;
  preset: Preset;
  scores: Record<string, number | null>;
  metrics: {
    fcpMs: number;
    lcpMs: number;
    tbtMs: number;
    cls: number;
    speedIndexMs: number;
    jsTransferBytes: number;
    /** Lighthouse's `unused-javascript`: transfer bytes of script the page loaded and never ran. */
    jsUnusedBytes: number;
    totalTransferBytes: number;
  };
  failing: Record<string, { id: string; title: string; score: number | null }[]>;
  warnings: string[];
  /** With --runs N: every run's performance score (this result is the median run). */
  performanceRuns?: (number | null)[];
}

function readOptions(argv: string[]): {
  dist: string;
  runs: number;
  presets: readonly Preset[];
  pages: typeof PAGES;
} {
  const { values } = parseArgs({
    args: argv,
    options: {
      dist: { type: 'string', default: 'dist' },
      runs: { type: 'string', default: '3' },
      preset: { type: 'string', default: 'mobile' },
      page: { type: 'string', multiple: true },
    },
  });
  const pages = values.page ? PAGES.filter((p) => values.page!.includes(p.name)) : PAGES;
  if (pages.length === 0) throw new Error(`--page: one of ${PAGES.map((p) => p.name).join(', ')}`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs: expected a positive integer');
  const presets = values.preset === 'both' ? PRESETS : PRESETS.filter((p) => p === values.preset);
  if (presets.length === 0) throw new Error('--preset: expected mobile, desktop or both');
  return { dist: resolve(values.dist), runs, presets, pages };
}

/** The run with the median performance score (the lower middle one for an even count). */
function medianRun(runs: readonly PageResult[]): PageResult {
  const sorted = [...runs].sort(
    (a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0),
  );
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CHROME_PATH: CHROMIUM_PATH },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0
        ? done()
        : fail(new Error(`${command} exited with ${code}:\n${stderr.slice(-2000)}`)),
    );
  });
}

async function lighthouse(url: string, preset: Preset, out: string): Promise<LighthouseResult> {
  const chromeFlags = [...CHROMIUM_ARGS, '--headless'].join(' ');
  await run('npx', [
    '-y',
    LIGHTHOUSE,
    url,
    '--quiet',
    '--output=json',
    `--output-path=${out}`,
    `--chrome-flags=${chromeFlags}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ]);
  return JSON.parse(await readFile(out, 'utf8')) as LighthouseResult;
}

function summarize(
  page: string,
  url: string,
  preset: Preset,
  result: LighthouseResult,
): PageResult {
  const audit = (id: string) => result.audits[id];
  const numeric = (id: string) => audit(id)?.numericValue ?? Number.NaN;
  const resources = (audit('resource-summary')?.details?.items ?? []) as {
    resourceType: string;
    transferSize: number;
  }[];
  const transfer = (type: string) => resources.find((r) => r.resourceType === type)?.transferSize;
  const scores: Record<string, number | null> = {};
  const failing: PageResult['failing'] = {};
  for (const category of CATEGORIES) {
    const entry = result.categories[category];
    scores[category] = entry?.score == null ? null : Math.round(entry.score * 100);
    failing[category] = (entry?.auditRefs ?? [])
      .map((ref) => audit(ref.id))
      .filter(
        (a): a is Audit =>
          a !== undefined &&
          (a.scoreDisplayMode === 'binary' || a.scoreDisplayMode === 'numeric'
            ? a.score !== null && a.score < (category === 'performance' ? 0.9 : 1)
            : false),
      )
      .map((a) => ({ id: a.id, title: a.title, score: a.score }));
  }
  return {
    page,
    url,
    preset,
    scores,
    metrics: {
      fcpMs: Math.round(numeric('first-contentful-paint')),
      lcpMs: Math.round(numeric('largest-contentful-paint')),
      tbtMs: Math.round(numeric('total-blocking-time')),
      cls: Number(numeric('cumulative-layout-shift').toFixed(3)),
      speedIndexMs: Math.round(numeric('speed-index')),
      jsTransferBytes: transfer('script') ?? 0,
      jsUnusedBytes: (
        (audit('unused-javascript')?.details?.items ?? []) as { wastedBytes?: number }[]
      ).reduce((sum, item) => sum + (item.wastedBytes ?? 0), 0),
      totalTransferBytes: transfer('total') ?? 0,
    },
    failing,
    warnings: [
      ...result.runWarnings,
      ...(result.runtimeError
        ? [`${result.runtimeError.code}: ${result.runtimeError.message}`]
        : []),
    ],
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pad = (text: string, width: number) => text.padEnd(width);

function printTable(results: readonly PageResult[]) {
  const header = [
    pad('page', 8),
    pad('preset', 8),
    'perf',
    'a11y',
    ' bp',
    'seo',
    '   FCP',
    '   LCP',
    '  TBT',
    '   CLS',
    '      JS',
    '  unused',
    '   total',
  ].join('  ');
  console.log(header);
  for (const r of results) {
    const score = (c: string) => String(r.scores[c] ?? '-').padStart(4);
    console.log(
      [
        pad(r.page, 8),
        pad(r.preset, 8),
        score('performance'),
        score('accessibility'),
        score('best-practices').slice(1),
        score('seo').slice(1),
        `${r.metrics.fcpMs}ms`.padStart(6),
        `${r.metrics.lcpMs}ms`.padStart(6),
        `${r.metrics.tbtMs}ms`.padStart(5),
        String(r.metrics.cls).padStart(6),
        kb(r.metrics.jsTransferBytes).padStart(8),
        kb(r.metrics.jsUnusedBytes).padStart(8),
        kb(r.metrics.totalTransferBytes).padStart(8),
      ].join('  '),
    );
  }
  for (const r of results) {
    const lines = Object.entries(r.failing).flatMap(([category, audits]) =>
      audits.map((a) => `    ${category}: ${a.id} (${a.score}) ${a.title}`),
    );
    if (r.performanceRuns) lines.unshift(`    performance by run: ${r.performanceRuns.join(', ')}`);
    for (const warning of r.warnings) lines.push(`    warning: ${warning}`);
    if (lines.length) console.log(`\n  ${r.page} / ${r.preset}:\n${lines.join('\n')}`);
  }
}

async function main() {
  const { dist, runs, presets, pages } = readOptions(process.argv.slice(2));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const work = join('bench-results', `lighthouse-${stamp}`);
  await mkdir(work, { recursive: true });
  const server = await startStaticServer({ root: dist });
  const results: PageResult[] = [];
  try {
    for (const preset of presets) {
      for (const { name, path } of pages) {
        const url = server.url + path;
        const pageRuns: PageResult[] = [];
        for (let run = 1; run <= runs; run++) {
          console.error(`lighthouse ${preset} ${url} (run ${run}/${runs})`);
          const out = join(work, `${name}-${preset}${runs > 1 ? `-${run}` : ''}.json`);
          pageRuns.push(summarize(name, url, preset, await lighthouse(url, preset, out)));
        }
        const median = medianRun(pageRuns);
        if (runs > 1) median.performanceRuns = pageRuns.map((r) => r.scores.performance ?? null);
        results.push(median);
      }
    }
  } finally {
    await server.close();
  }
  printTable(results);
  const file = join('bench-results', `lighthouse-${stamp}.json`);
  await writeFile(
    file,
    JSON.stringify({ lighthouse: LIGHTHOUSE, chromium: CHROMIUM_PATH, dist, results }, null, 2) +
      '\n',
  );
  console.log(`\nwrote ${file} (full reports in ${work}/)`);
}

runMain(import.meta, main);
