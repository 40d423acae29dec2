/**
 * Pagefind 1.6 (devDependencies) as a peer: indexes the prerendered talk pages of a build, the
 * same talks our index holds. Only `talks/**` is indexed, from each page's `main article`, without
 * its "same day" navigation, buttons and related-talks list (titles of other talks), and as one language (`en`), as
 * our index is one index whatever the notes' language.
 */
import { runChild } from './run-child';
import { join } from 'node:path';
import { measureFiles, type FileSize } from './file-sizes';
import { totalOf, type Totals } from './report';

export interface PagefindIndexFigures {
  ok: boolean;
  wallSeconds: number;
  /** Pages indexed, as Pagefind reports. */
  pages: number | null;
  /**
   * What searching can fetch: pagefind.js, its WebAssembly, metadata, index chunks and fragments
   * (not its optional UI scripts and styles).
   */
  totals: Totals;
  files: number;
  /** Pagefind's last lines of output, when it failed. */
  tail?: string;
}

/** Where the bundle is written, relative to the site: outside data/, so our totals stay ours. */
export const PAGEFIND_SUBDIR = '_pagefind';

export async function runPagefind(dist: string, root: string): Promise<PagefindIndexFigures> {
  const bin = join(root, 'node_modules/pagefind/lib/runner/bin.cjs');
  const args = [
    bin,
    '--site',
    dist,
    '--output-subdir',
    PAGEFIND_SUBDIR,
    '--glob',
    'talks/**/*.html',
    '--root-selector',
    'main article',
    '--exclude-selectors',
    'nav, button, [data-other-talks]',
    '--force-language',
    'en',
  ];
  const started = performance.now();
  const { exitCode, output: text } = await runChild(process.execPath, args, { cwd: root }, 500);
  const wallSeconds = Math.round((performance.now() - started) / 100) / 10;
  const pages = /Indexed (\d+) pages?/.exec(text)?.[1];
  const files: FileSize[] = (
    exitCode === 0 ? await measureFiles(dist, [PAGEFIND_SUBDIR]) : []
  ).filter((file) => !/-ui\.(?:js|css)$|highlight/.test(file.file));
  return {
    ok: exitCode === 0,
    wallSeconds,
    pages: pages === undefined ? null : Number(pages),
    totals: totalOf(files, `${PAGEFIND_SUBDIR}/`),
    files: files.length,
    ...(exitCode === 0 ? {} : { tail: text.split('\n').slice(-15).join('\n') }),
  };
}
