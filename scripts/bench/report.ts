/** The benchmark's results: their JSON shape and the table printed at the end. Pure. */
import type { BuildFigures } from './build';
import type { LoadFigures } from './browser';
import type { FileSize } from './file-sizes';
import type { LunrPeerFigures } from './lunr-peers';
import type { PagefindIndexFigures } from './pagefind';
import type { AppSearchFigures, PagefindSearchFigures } from './search-browser';

export interface Totals {
  raw: number;
  gzip: number;
  brotli: number;
}

/** What one search-benchmark stage gave: its figures, or why it has none. */
export type Stage<T> = { ok: true; figures: T; seconds: number } | { ok: false; error: string };

/**
 * Search figures, measured against the same built site and the same keystrokes (see
 * bench/queries.ts): the app end to end in Chromium, Pagefind in the same Chromium, and the
 * engines alone in Node (ours on the built shards, one monolithic lunr index). Ratios are the
 * peer's figure over ours: above 1, the peer is slower or bigger.
 */
export interface SearchFigures {
  queries: string[];
  /** The app in headless Chromium: typed into its search box, rendered results timed. */
  app: Stage<AppSearchFigures> | null;
  /** Pagefind's index of the prerendered talk pages, and its search in the same browser. */
  pagefind: Stage<{
    index: PagefindIndexFigures;
    browser: PagefindSearchFigures | null;
    /** Why the browser figures are missing, when measuring them failed. */
    browserError?: string;
  }> | null;
  /** Engine only, in Node: ours against a monolithic lunr index. */
  engines: Stage<LunrPeerFigures> | null;
  ratios: {
    pagefind: Record<string, number | null>;
    monolithicLunr: Record<string, number | null>;
  };
}

export interface SizeResult {
  talks: number;
  corpus: { files: number; megabytes: number; generateSeconds: number };
  build: BuildFigures;
  /** The rebuild after one note was edited, from the cache the cold build filled (--no-edit: null). */
  edit: BuildFigures | null;
  files: FileSize[];
  totals: { data: Totals; assets: Totals };
  /** First load of `/`; null when the build failed or --no-browser was given. */
  load: LoadFigures | null;
  /** Why the first load was not measured, when it failed. */
  loadError?: string;
  /** Null when the build failed or --no-browser was given without engines. */
  search: SearchFigures | null;
}

export interface BenchResult {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  seed: number;
  /** Wall time of the whole run so far, minutes. */
  wallMinutes?: number;
  sizes: SizeResult[];
}

export function totalOf(files: readonly FileSize[], prefix: string): Totals {
  const chosen = files.filter((file) => file.file.startsWith(prefix));
  return {
    raw: chosen.reduce((sum, file) => sum + file.raw, 0),
    gzip: chosen.reduce((sum, file) => sum + file.gzip, 0),
    brotli: chosen.reduce((sum, file) => sum + file.brotli, 0),
  };
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '–';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const show = (value: number | null | undefined, unit = '') =>
  value === null || value === undefined ? '–' : `${value}${unit}`;

const bytesTriple = (totals: Totals) =>
  `${formatBytes(totals.raw)} / ${formatBytes(totals.gzip)} / ${formatBytes(totals.brotli)}`;

const figuresOf = <T>(stage: Stage<T> | null | undefined): T | null =>
  stage?.ok ? stage.figures : null;

const ratio = (peer: number | null | undefined, ours: number | null | undefined) =>
  peer === null || peer === undefined || ours === null || ours === undefined || ours <= 0
    ? null
    : Math.round((peer / ours) * 100) / 100;

/** Our search index files: the folder of the manifest (data/search/). */
export const searchIndexPrefix = (manifestFile: string): string =>
  manifestFile.slice(0, manifestFile.lastIndexOf('/') + 1);

const ourKeystrokes = (app: AppSearchFigures | null, p: 'p50' | 'p95') =>
  app ? (app.typing.withMissed ? app.typing.withMissed[p] : app.typing[p]) : null;

/** Peer over ours for each figure both have (null when either is missing). */
export function computeRatios(
  search: Omit<SearchFigures, 'ratios'>,
  ourIndex: Totals,
): SearchFigures['ratios'] {
  const app = figuresOf(search.app);
  const pagefind = figuresOf(search.pagefind);
  const engines = figuresOf(search.engines);
  const pf = pagefind?.browser;
  const mono = engines?.monolithic;
  return {
    pagefind: {
      timeToFirstAnswer: ratio(pf?.timeToFirstAnswerMs, app?.timeToFirstAnswerMs),
      bytesBeforeFirstResult: ratio(pf?.bytesBeforeFirstResult, app?.bytesBeforeFirstResult),
      // Pagefind's bytes (its page is ~300 B) over ours once the app's page had loaded.
      searchBytesBeforeFirstResult: ratio(
        pf?.bytesBeforeFirstResult,
        app?.searchBytesBeforeFirstResult,
      ),
      // Ours counting superseded keystrokes (null, so no ratio, when a percentile falls on one):
      // Pagefind is awaited at each key, so all of its keystrokes are timed.
      keystrokeP50: ratio(pf?.typing.p50, ourKeystrokes(app, 'p50')),
      keystrokeP95: ratio(pf?.typing.p95, ourKeystrokes(app, 'p95')),
      indexBytesGzip: ratio(pagefind?.index.totals.gzip, ourIndex.gzip),
      indexBytesRaw: ratio(pagefind?.index.totals.raw, ourIndex.raw),
    },
    monolithicLunr: {
      indexBytesGzip: ratio(mono?.bytes?.gzip, ourIndex.gzip),
      bytesForFirstQueryRaw: ratio(mono?.bytes?.raw, engines?.ours.bytesForFirstQuery),
      loadTime: ratio(mono?.timings?.loadMs, engines?.ours.loadMs),
      keystrokeP50Cold: ratio(mono?.timings?.cold.p50, engines?.ours.cold.p50),
      keystrokeP95Cold: ratio(mono?.timings?.cold.p95, engines?.ours.cold.p95),
      keystrokeP50Warm: ratio(mono?.timings?.warm.p50, engines?.ours.warm.p50),
      keystrokeP95Warm: ratio(mono?.timings?.warm.p95, engines?.ours.warm.p95),
    },
  };
}

const ms = (value: number | null | undefined) => show(value, ' ms');
const pair = (timings: { p50: number; p95: number } | null | undefined) =>
  timings ? `${timings.p50} / ${timings.p95} ms` : '–';
const byLength = (timings: { byLength: Record<string, { p95: number }> } | null | undefined) =>
  timings
    ? ['1', '2', '3', '4+'].map((key) => timings.byLength[key]?.p95 ?? '–').join(' / ') + ' ms'
    : '–';
const times = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${value}×`;
const stageNote = (stage: Stage<unknown> | null | undefined) =>
  stage === null || stage === undefined ? 'not run' : stage.ok ? `${stage.seconds} s` : 'FAILED';

type Row = [string, (size: SizeResult) => string];

/** Long tasks are reported from 50 ms up: 0 means none. */
const longTask = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : value === 0 ? '< 50 ms' : `${value} ms`;

const app = (s: SizeResult) => figuresOf(s.search?.app);
const pf = (s: SizeResult) => figuresOf(s.search?.pagefind);
const engines = (s: SizeResult) => figuresOf(s.search?.engines);
const mono = (s: SizeResult) => engines(s)?.monolithic;

const SEARCH_ROWS: Row[] = [
  ['— search, app in Chromium', (s) => stageNote(s.search?.app)],
  ['search box takes keys', (s) => ms(app(s)?.searchBoxReadyMs)],
  ['first answer', (s) => ms(app(s)?.timeToFirstAnswerMs)],
  ['bytes before 1st result', (s) => formatBytes(app(s)?.bytesBeforeFirstResult)],
  ['  of which after box shown', (s) => formatBytes(app(s)?.searchBytesBeforeFirstResult)],
  ['keystroke p50 / p95', (s) => pair(app(s)?.typing)],
  ['p95 by prefix 1/2/3/4+', (s) => byLength(app(s)?.typing)],
  ['keystrokes superseded', (s) => show(app(s)?.typing.missed)],
  [
    'p50 / p95 with superseded',
    (s) => {
      const all = app(s)?.typing.withMissed;
      const cell = (n: number | null) => (n === null ? 'superseded' : `${n} ms`);
      return all ? `${cell(all.p50)} / ${cell(all.p95)}` : '–';
    },
  ],
  ['longest task typing', (s) => longTask(app(s)?.longestTaskWhileTypingMs)],
  ['JS heap after typing', (s) => show(app(s)?.jsHeapMb, ' MB')],
  ['— Pagefind', (s) => stageNote(s.search?.pagefind)],
  ['pagefind index time', (s) => show(pf(s)?.index.wallSeconds, ' s')],
  ['pf files raw/gz/br (pre-gz)', (s) => (pf(s) ? bytesTriple(pf(s)!.index.totals) : '–')],
  ['pagefind first answer', (s) => ms(pf(s)?.browser?.timeToFirstAnswerMs)],
  ['pf bytes before result', (s) => formatBytes(pf(s)?.browser?.bytesBeforeFirstResult)],
  ['pf keystroke p50 / p95', (s) => pair(pf(s)?.browser?.typing)],
  ['pf p95 by prefix', (s) => byLength(pf(s)?.browser?.typing)],
  ['pf search() only p50/p95', (s) => pair(pf(s)?.browser?.searchOnly)],
  ['pf longest task typing', (s) => longTask(pf(s)?.browser?.longestTaskWhileTypingMs)],
  ['— engines in Node', (s) => stageNote(s.search?.engines)],
  ['ours: load', (s) => ms(engines(s)?.ours.loadMs)],
  ['ours: cold p50 / p95', (s) => pair(engines(s)?.ours.cold)],
  ['ours: warm p50 / p95', (s) => pair(engines(s)?.ours.warm)],
  ['ours: p95 by prefix cold', (s) => byLength(engines(s)?.ours.cold)],
  [
    'ours = lunr top 20 (worst)',
    (s) => {
      const agreement = Object.values(engines(s)?.top20Agreement ?? {});
      return agreement.length > 0 ? `${Math.round(Math.min(...agreement) * 100)}%` : '–';
    },
  ],
  ['lunr: build', (s) => show(mono(s)?.buildSeconds, ' s')],
  [
    'lunr: raw/gz/br',
    (s) => (mono(s)?.bytes ? bytesTriple(mono(s)!.bytes!) : (mono(s)?.skipped ?? '–')),
  ],
  ['lunr: parse + load', (s) => ms(mono(s)?.timings?.loadMs)],
  ['lunr: cold p50 / p95', (s) => pair(mono(s)?.timings?.cold)],
  ['lunr: warm p50 / p95', (s) => pair(mono(s)?.timings?.warm)],
  ['lunr: p95 by prefix cold', (s) => byLength(mono(s)?.timings?.cold)],
  ['— ratios (peer / ours)', () => ''],
  ['pf/ours first answer', (s) => times(s.search?.ratios.pagefind['timeToFirstAnswer'])],
  ['pf/ours bytes to result', (s) => times(s.search?.ratios.pagefind['bytesBeforeFirstResult'])],
  [
    'pf/ours bytes, search only',
    (s) => times(s.search?.ratios.pagefind['searchBytesBeforeFirstResult']),
  ],
  ['pf/ours keystroke p50', (s) => times(s.search?.ratios.pagefind['keystrokeP50'])],
  ['pf/ours keystroke p95', (s) => times(s.search?.ratios.pagefind['keystrokeP95'])],
  ['pf/ours index gzip', (s) => times(s.search?.ratios.pagefind['indexBytesGzip'])],
  ['lunr/ours index gzip', (s) => times(s.search?.ratios.monolithicLunr['indexBytesGzip'])],
  [
    'lunr/ours bytes 1st query',
    (s) => times(s.search?.ratios.monolithicLunr['bytesForFirstQueryRaw']),
  ],
  ['lunr/ours load', (s) => times(s.search?.ratios.monolithicLunr['loadTime'])],
  [
    'lunr/ours p50 / p95 cold',
    (s) =>
      `${times(s.search?.ratios.monolithicLunr['keystrokeP50Cold'])} / ${times(s.search?.ratios.monolithicLunr['keystrokeP95Cold'])}`,
  ],
  [
    'lunr/ours p50 / p95 warm',
    (s) =>
      `${times(s.search?.ratios.monolithicLunr['keystrokeP50Warm'])} / ${times(s.search?.ratios.monolithicLunr['keystrokeP95Warm'])}`,
  ],
];

/** One column per corpus size, one row per figure. */
export function formatTable(result: BenchResult): string {
  const rows: Row[] = [
    ['build ok', (s) => (s.build.ok ? 'yes' : `NO (exit ${s.build.exitCode})`)],
    ['build wall time', (s) => `${s.build.wallSeconds} s`],
    ['build CPU time', (s) => show(s.build.cpuSeconds, ' s')],
    ['build peak RSS', (s) => show(s.build.peakRssMb, ' MB')],
    ['one-note edit: wall', (s) => show(s.edit?.wallSeconds, ' s')],
    ['one-note edit: CPU', (s) => show(s.edit?.cpuSeconds, ' s')],
    ['one-note edit: RSS', (s) => show(s.edit?.peakRssMb, ' MB')],
    ['data raw/gz/br', (s) => bytesTriple(s.totals.data)],
    ['assets raw/gz/br', (s) => bytesTriple(s.totals.assets)],
    ['first card', (s) => show(s.load?.firstCardMs, ' ms')],
    ['bytes before card', (s) => formatBytes(s.load?.bytesBeforeFirstCard)],
    ['requests before card', (s) => show(s.load?.requestsBeforeFirstCard)],
    ['bytes after load', (s) => formatBytes(s.load?.bytesAfterLoad)],
    ['longest task (load)', (s) => show(s.load?.longestTaskMs, ' ms')],
    ['JS heap after load', (s) => show(s.load?.jsHeapMb, ' MB')],
    ...SEARCH_ROWS,
  ];
  const header = ['talks', ...result.sizes.map((size) => size.talks.toLocaleString('en'))];
  const body = rows.map(([label, cell]) => [label, ...result.sizes.map(cell)]);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...body].map((row) => row[column]!.length)),
  );
  const line = (row: string[]) =>
    row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  const big = result.sizes.flatMap((size) =>
    size.files
      .filter((file) => file.file.startsWith('data/'))
      .sort((a, b) => b.raw - a.raw)
      .slice(0, 5)
      .map(
        (file) =>
          `  ${size.talks}: ${file.file} ${formatBytes(file.raw)} raw, ${formatBytes(file.gzip)} gzip, ${formatBytes(file.brotli)} brotli`,
      ),
  );
  const failures = result.sizes.flatMap((size) =>
    [
      ['load', size.loadError],
      ['app search', size.search?.app],
      ['pagefind', size.search?.pagefind],
      ['engines', size.search?.engines],
    ].flatMap(([name, stage]) => {
      if (typeof stage === 'string') return [`  ${size.talks}: ${name as string}: ${stage}`];
      if (stage && typeof stage === 'object' && !stage.ok) {
        return [`  ${size.talks}: ${name as string}: ${stage.error.split('\n')[0]}`];
      }
      return [];
    }),
  );
  return [
    line(header),
    ...body.map(line),
    '',
    'largest data files:',
    ...big,
    ...(failures.length > 0 ? ['', 'failed stages:', ...failures] : []),
  ].join('\n');
}
