/** The production build of a corpus, timed, with the peak memory of its biggest process. */
import { appendFile, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runChild } from './run-child';

export interface BuildFigures {
  ok: boolean;
  exitCode: number | null;
  wallSeconds: number;
  /** Peak resident set of the largest process in the build (GNU time's %M), in MB. */
  peakRssMb: number | null;
  /** CPU seconds (user + system) of the build and its children: steadier than wall time on a busy machine. */
  cpuSeconds: number | null;
  /** The V8 heap limit given to the build (`--max-old-space-size`), MB; null for Node's default. */
  heapLimitMb: number | null;
  /** The build's last lines of output, when it failed. */
  tail?: string;
}

const TIME = '/usr/bin/time';

/** `CONTENT_DIR=content npx vite build --configLoader runner --outDir out`, under GNU time. */
export async function runBuild(
  contentDir: string,
  outDir: string,
  cwd: string,
  /** V8 heap limit for the build, MB (`--max-old-space-size`); Node's default when undefined. */
  heapMb?: number,
  /**
   * The compile cache's folder (LANYARD_CACHE); none by default. An empty folder is a cold build
   * that fills it, for {@link runEditBuild} to rebuild from.
   */
  cacheDir?: string,
): Promise<BuildFigures> {
  await rm(outDir, { recursive: true, force: true });
  const timeFile = `${outDir}.time`;
  const vite = [join(cwd, 'node_modules/vite/bin/vite.js'), 'build', '--configLoader', 'runner'];
  const args = ['-f', '%e %M %U %S', '-o', timeFile, process.execPath, ...vite, '--outDir', outDir];
  const started = performance.now();
  const { exitCode, output } = await runChild(TIME, args, {
    cwd,
    env: {
      ...process.env,
      CONTENT_DIR: contentDir,
      // A cold build: the compile cache of an earlier run would make it a rebuild.
      LANYARD_CACHE: cacheDir ?? 'off',
      ...(heapMb
        ? {
            NODE_OPTIONS: [process.env.NODE_OPTIONS, `--max-old-space-size=${heapMb}`]
              .filter(Boolean)
              .join(' '),
          }
        : {}),
    },
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const timed = await readFile(timeFile, 'utf8').catch(() => '');
  await rm(timeFile, { force: true });
  // GNU time prints "<wall> <max RSS KB> <user> <system>" on its last line.
  const [, kb, user, system] = (timed.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  const figures: BuildFigures = {
    ok: exitCode === 0,
    exitCode,
    heapLimitMb: heapMb ?? null,
    wallSeconds: Math.round(wallSeconds * 10) / 10,
    peakRssMb: kb !== undefined && Number.isFinite(kb) ? Math.round(kb / 1024) : null,
    cpuSeconds:
      user !== undefined && system !== undefined && Number.isFinite(user + system)
        ? Math.round((user + system) * 10) / 10
        : null,
  };
  if (exitCode !== 0) {
    // The first error line says what went wrong; the stack trace after it rarely does.
    const lines = output.split('\n');
    const first = lines.findIndex((line) => /error/i.test(line));
    figures.tail = lines.slice(Math.max(0, first - 2), first + 8).join('\n');
  }
  return figures;
}

/** What the edit benchmark writes into a note: one more line of notes for its last talk. */
export const EDIT_LINE = '\nOne more thought, added after the talk (bench: one-note edit).\n';

/**
 * The rebuild after a one-note edit: `file` (a note of the corpus) gets {@link EDIT_LINE}, then
 * the corpus is built again with the cache a cold build filled (`cacheDir`), as a writer would.
 */
export async function runEditBuild(
  file: string,
  contentDir: string,
  outDir: string,
  cwd: string,
  cacheDir: string,
  heapMb?: number,
): Promise<BuildFigures> {
  await appendFile(file, EDIT_LINE);
  return runBuild(contentDir, outDir, cwd, heapMb, cacheDir);
}
