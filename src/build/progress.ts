/**
 * What `npm run build` tells as it goes: a line per stage (files read, talks parsed, data written,
 * pages rendered), with counts and time. On a terminal the stage's line is rewritten in place as
 * it counts up; in CI or a pipe only its last state is printed, once, so a log stays a few lines.
 */
import { plural } from '../shared/plural';

export interface ProgressOutput {
  /** A terminal: lines may be rewritten. */
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Nothing: for a build Vite was told to keep quiet. */
const SILENT: ProgressOutput = { write: () => true };

/** Standard output, or nothing when Vite's log level is `silent` or `error`. */
export const progressOutput = (logLevel: string | undefined): ProgressOutput =>
  logLevel === 'silent' || logLevel === 'error' ? SILENT : process.stdout;

/** One stage's line: `update` while it runs (a terminal only), `done` once. */
export interface StageLine {
  update(text: string): void;
  done(text: string): void;
}

/** Redraws at most this often: a terminal shows a counter, not every file. */
const REDRAW_MS = 100;

/** Seconds with one decimal: "2.4 s". */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** "23.7 MB", "412 kB", "950 B" (powers of 1,000, as the sizes Vite prints). */
export function size(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return `${bytes} B`;
}

/** "12,345": counts the way a reader reads them. */
export const count = (n: number): string => n.toLocaleString('en');

/** `plural` with the count grouped: "10,000 talks". */
export const counted = (n: number, one: string, other?: string): string =>
  plural(n, one, other).replace(/^\d+/, count(n));

/**
 * A stage's line, prefixed `lanyard: `, with the time since `start` appended. `now` is for tests.
 */
export function stageLine(
  out: ProgressOutput,
  now: () => number = () => performance.now(),
): StageLine {
  const started = now();
  let drawn = -Infinity;
  let shown = false;
  const line = (text: string) => `lanyard: ${text} · ${seconds(now() - started)}`;
  return {
    update(text) {
      if (!out.isTTY || now() - drawn < REDRAW_MS) return;
      drawn = now();
      shown = true;
      out.write(`\r\x1b[2K${line(text)}`);
    },
    done(text) {
      out.write(`${shown ? '\r\x1b[2K' : ''}${line(text)}\n`);
    },
  };
}
