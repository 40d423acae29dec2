/**
 * The last lines of `vite build`: what was built (conferences, talks, warnings, pages), what a
 * first visit downloads and how long it all took. It reads what the notes plugin and the
 * prerenderer tell (their `api.summary`) and the built home page, after the service worker is
 * written.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';
import { CATALOG_FILE, NOTES_PLUGIN_NAME } from '../shared/data-files';
import { skipWhenBuildFailed } from './build-failure';
import { WARNINGS_SHOWN, type NotesSummary } from './notes-plugin';
import { outputPath } from './output-path';
import { PRERENDER_PLUGIN_NAME, type PrerenderSummary } from './prerender';
import { counted, seconds, size } from './progress';

/** The files a page's HTML loads before it is usable: its scripts, preloads and stylesheets. */
export function pageAssets(html: string, base: string): string[] {
  const found = new Set<string>();
  const tags = html.match(/<(?:script|link)\b[^>]*>/gi) ?? [];
  for (const tag of tags) {
    const isLink = /^<link/i.test(tag);
    if (isLink && !/\brel="(?:stylesheet|modulepreload)"/i.test(tag)) continue;
    const url = /\b(?:src|href)="([^"]+)"/i.exec(tag)?.[1];
    if (!url || /^[a-z]+:|^\/\//i.test(url)) continue;
    found.add(url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, ''));
  }
  return [...found];
}

/** What the home page, its scripts and styles and the catalog weigh: raw and gzipped. */
export async function firstVisitBytes(
  outDir: string,
  base: string,
): Promise<{ raw: number; gzip: number }> {
  const html = await readFile(outputPath(outDir, 'index.html'));
  const files = [...pageAssets(html.toString('utf8'), base), CATALOG_FILE];
  const sizes = [html, ...(await Promise.all(files.map((f) => readFile(outputPath(outDir, f)))))];
  return {
    raw: sizes.reduce((sum, bytes) => sum + bytes.length, 0),
    gzip: sizes.reduce((sum, bytes) => sum + gzipSync(bytes).length, 0),
  };
}

/** The summary's lines, from the figures. */
export function summaryLines(figures: {
  notes: NotesSummary;
  pages: PrerenderSummary;
  firstVisit: { raw: number; gzip: number };
  ms: number;
}): string[] {
  const { notes, pages, firstVisit } = figures;
  const shown = Math.min(notes.warnings, WARNINGS_SHOWN);
  const where =
    notes.warnings === 0
      ? ''
      : notes.warningsFile
        ? ` (the first ${shown} above; all of them in ${notes.warningsFile})`
        : ' (above)';
  return [
    `lanyard: built ${counted(notes.conferences, 'conference')}, ${counted(notes.talks, 'talk')}, ${counted(notes.warnings, 'warning')}${where}`,
    `lanyard: ${counted(pages.pages, 'page')}, ${counted(pages.redirects, 'redirect')}, ${counted(notes.dataFiles, 'data file')} (${size(notes.dataBytes)})`,
    `lanyard: a first visit downloads ${size(firstVisit.raw)} (${size(firstVisit.gzip)} gzipped): the page, the app and the catalog`,
    `lanyard: done in ${seconds(figures.ms)}`,
  ];
}

const summaryOf = <T>(config: ResolvedConfig, name: string): T | undefined =>
  (config.plugins.find((plugin) => plugin.name === name)?.api as { summary?: T } | undefined)
    ?.summary;

export function lanyardSummary(): Plugin {
  let config: ResolvedConfig;
  return skipWhenBuildFailed({
    name: 'lanyard-summary',
    // After every other plugin's closeBundle, the service worker's (vite-plugin-pwa's is `post`).
    enforce: 'post',
    apply: (userConfig, env) => env.command === 'build' && !userConfig.build?.ssr,
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      // After the prerenderer and the service worker: the last thing the build prints.
      order: 'post',
      sequential: true,
      async handler() {
        const notes = summaryOf<NotesSummary>(config, NOTES_PLUGIN_NAME);
        const pages = summaryOf<PrerenderSummary>(config, PRERENDER_PLUGIN_NAME);
        if (!notes || !pages) return;
        const outDir = path.resolve(config.root, config.build.outDir);
        const firstVisit = await firstVisitBytes(outDir, config.base);
        // Node's clock starts with the process: the time `npm run build` took, start-up included.
        const lines = summaryLines({ notes, pages, firstVisit, ms: performance.now() });
        for (const line of lines) config.logger.info(line);
      },
    },
  });
}
