/** The benchmark's results: their JSON shape and the table printed at the end. Pure. */
import type { BuildFigures } from './build';
import type { LoadFigures } from './browser';
import type { FileSize } from './file-sizes';

export interface Totals {
  raw: number;
  gzip: number;
  brotli: number;
}

/**
 * Search figures, measured against the same built site: filled in by the search benchmark
 * (see scripts/bench-search.ts) once it is wired in; null until then.
 */
export interface SearchFigures {
  /** Navigation → first search answer, ms. */
  timeToFirstAnswerMs: number;
  /** Bytes transferred before the first search result is on screen. */
  bytesBeforeFirstResult: number;
  /** Keystroke → results rendered, over realistic queries typed letter by letter. */
  keystroke: {
    p50: number;
    p95: number;
    max: number;
    byPrefixLength: Record<string, { p50: number; p95: number }>;
  };
  /** Longest main-thread task while typing, ms. */
  longestTaskWhileTypingMs: number;
  /** The same queries against Pagefind and a monolithic lunr index: their figure over ours. */
  ratios?: { pagefind?: Record<string, number>; monolithicLunr?: Record<string, number> };
}

export interface SizeResult {
  talks: number;
  corpus: { files: number; megabytes: number; generateSeconds: number };
  build: BuildFigures;
  files: FileSize[];
  totals: { data: Totals; assets: Totals };
  /** First load of `/`; null when the build failed or --no-browser was given. */
  load: LoadFigures | null;
  search: SearchFigures | null;
}

export interface BenchResult {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  seed: number;
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

/** One column per corpus size, one row per figure. */
export function formatTable(result: BenchResult): string {
  const rows: [string, (size: SizeResult) => string][] = [
    ['build ok', (s) => (s.build.ok ? 'yes' : `NO (exit ${s.build.exitCode})`)],
    ['build wall time', (s) => `${s.build.wallSeconds} s`],
    ['build CPU time', (s) => show(s.build.cpuSeconds, ' s')],
    ['build peak RSS', (s) => show(s.build.peakRssMb, ' MB')],
    ['data raw/gz/br', (s) => bytesTriple(s.totals.data)],
    ['assets raw/gz/br', (s) => bytesTriple(s.totals.assets)],
    ['first card', (s) => show(s.load?.firstCardMs, ' ms')],
    ['bytes before card', (s) => formatBytes(s.load?.bytesBeforeFirstCard)],
    ['requests before card', (s) => show(s.load?.requestsBeforeFirstCard)],
    ['bytes after load', (s) => formatBytes(s.load?.bytesAfterLoad)],
    ['longest task (load)', (s) => show(s.load?.longestTaskMs, ' ms')],
    ['JS heap after load', (s) => show(s.load?.jsHeapMb, ' MB')],
    ['search', (s) => (s.search ? `p95 ${s.search.keystroke.p95} ms` : 'not measured yet')],
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
  return [line(header), ...body.map(line), '', 'largest data files:', ...big].join('\n');
}
