/**
 * Runs the notes compiler inside Vite.
 * - `vite build`: compiles once, fails the build listing every error, emits the bundle and index
 *   and the open data beside them (JSON Schema, feeds, robots.txt: open-data.ts; the prerenderer writes the sitemap).
 * - `vite` (dev): serves all of them from memory, recompiles when a note changes and tells the open
 *   page (custom HMR event) so it refetches without a reload. Errors go to Vite's overlay while the
 *   last good bundle keeps being served.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Connect, Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import {
  ATOM_FEED_FILE,
  BUNDLE_FILE,
  BUNDLE_SCHEMA_FILE,
  CATALOG_FILE,
  isTalkFile,
  JSON_FEED_FILE,
  LINKS_FILE,
  NOTES_PLUGIN_NAME,
  NOTES_UPDATED_EVENT,
  ROBOTS_FILE,
  SITEMAP_FILE,
  type NotesUpdated,
} from '../shared/data-files';
import { compileNotes, type CompileProgress, type CompileResult } from '../pipeline/compile';
import { formatOfFile } from '../pipeline/formats/index';
import { USER_VOCABULARY_FILE } from '../pipeline/read/files';
import { toOpenDataFiles } from '../pipeline/emit/open-data';
import { imageType, MEDIA_FOLDER } from '../pipeline/enrich/images';
import { toDataFiles, type DataFile } from '../pipeline/emit/site-data';
import { toSearchFiles } from '../pipeline/emit/search-shards';
import { toCatalog } from '../shared/catalog';
import { compileCache, compilerVersion, memoryCache } from './compile-cache';
import { fileWriter, isInside } from './output-path';
import {
  count,
  counted,
  progressOutput,
  size,
  stageLine,
  type ProgressOutput,
  type StageLine,
} from './progress';
import { describeIssues, formatIssue, NotesError, summarizeIssues } from './report';
import { SEARCH_MANIFEST_FILE } from '../shared/search/shards';
import { toSiteRoot } from '../shared/site-url';
import type { ContentIssue } from '../pipeline/issues';

export interface LanyardNotesOptions {
  /** Folder of notes, relative to the Vite root or absolute. */
  contentDir: string;
  /**
   * Where the site is published (`https://example.org/notes/`; the base path is added when
   * missing), for the absolute URLs of the feeds, sitemap and robots.txt. Default: the `SITE_URL`
   * environment variable. Unset: feeds with relative links, and no sitemap.
   */
  siteUrl: string | undefined;
  /**
   * The persistent cache (compile-cache.ts), relative to the Vite root or absolute; false for
   * none. Default: the `LANYARD_CACHE` environment variable (a folder, or `off`), else
   * `node_modules/.cache/lanyard`.
   */
  cacheDir: string | false;
}

/** The cache folder `LANYARD_CACHE` names: `off` for none, unset for the default. */
export function cacheDirOf(setting: string | undefined): string | false {
  if (setting === 'off') return false;
  return setting || 'node_modules/.cache/lanyard';
}

const defaults = (): LanyardNotesOptions => ({
  contentDir: 'content',
  siteUrl: process.env.SITE_URL || undefined,
  cacheDir: cacheDirOf(process.env.LANYARD_CACHE),
});

/** Warnings printed by a build; the rest are in the warnings file. */
export const WARNINGS_SHOWN = 10;

/** Every warning of the last build, in the cache folder. */
export const WARNINGS_FILE = 'warnings.txt';

/** What the notes plugin tells the build summary (summary-plugin.ts), through its `api`. */
export interface NotesSummary {
  conferences: number;
  talks: number;
  warnings: number;
  /** Where every warning is listed, when not all were printed. */
  warningsFile: string | undefined;
  dataFiles: number;
  dataBytes: number;
}

/**
 * The build time stamped into the bundle: now, or `SOURCE_DATE_EPOCH` (seconds, the reproducible
 * builds convention) so two builds of the same notes are equal byte for byte.
 */
export function buildTime(epoch = process.env.SOURCE_DATE_EPOCH): Date {
  if (epoch === undefined || epoch === '') return new Date();
  const seconds = Number(epoch);
  if (!Number.isInteger(seconds) || seconds < 0) {
    throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds; got "${epoch}"`);
  }
  return new Date(seconds * 1000);
}

/** A progress line per compile stage (progress.ts). */
function compileProgress(out: ProgressOutput): (progress: CompileProgress) => void {
  let parsing: StageLine | undefined;
  return (progress) => {
    if (progress.stage === 'read') {
      stageLine(out).done(`read ${counted(progress.files, 'note file')} (${size(progress.bytes)})`);
      parsing = stageLine(out);
      return;
    }
    const { done, total, cached } = progress;
    const fromCache = cached > 0 ? `, ${count(cached)} from the cache` : '';
    if (done < total) parsing?.update(`parsing ${count(done)}/${count(total)} files${fromCache}`);
    else parsing?.done(`parsed ${counted(total, 'file')}${fromCache}`);
  };
}

/** Files whose change means the notes must be recompiled. */
const isCompilerInput = (file: string): boolean =>
  formatOfFile(file) !== undefined ||
  imageType(file) !== undefined ||
  path.basename(file) === USER_VOCABULARY_FILE;

/** Wait this long after a change so a burst of saves (an editor, a git checkout) compiles once. */
const DEBOUNCE_MS = 60;

/** Every file the plugin publishes for one compile, serialized once, not per request. */
function toPublishedFiles(result: CompileResult, siteRoot: URL | undefined): DataFile[] {
  const json = 'application/json; charset=utf-8';
  const catalog = toCatalog(result.bundle);
  return [
    ...toDataFiles(result.bundle, catalog),
    ...toSearchFiles(result.searchIndex, catalog).map((file) => ({ ...file, contentType: json })),
    ...toOpenDataFiles(result.bundle, siteRoot),
    ...result.media.map(({ fileName, bytes, contentType }) => ({
      fileName,
      source: bytes,
      contentType,
    })),
  ];
}

/** What the browser gets, by file name relative to the base path. */
type Served = ReadonlyMap<string, DataFile>;

/** Every problem once, then the summary; with errors, the message of the build's failure. */
export function describeErrors(contentDir: string, result: CompileResult): string {
  return describeIssues(contentDir, result.issues, result.skipped, 'the build stopped');
}

const splitIssues = (issues: readonly ContentIssue[]) => ({
  errors: issues.filter((issue) => issue.severity === 'error'),
  warnings: issues.filter((issue) => issue.severity === 'warning'),
});

const summarize = ({ bundle }: CompileResult): string =>
  `${bundle.talks.length} talks from ${bundle.conferences.length} conferences`;

export function lanyardNotes(options: Partial<LanyardNotesOptions> = {}): Plugin {
  const opts: LanyardNotesOptions = defaults();
  if (options.contentDir) opts.contentDir = options.contentDir;
  if ('siteUrl' in options) opts.siteUrl = options.siteUrl;

  let config: ResolvedConfig;
  let contentDir = path.resolve(opts.contentDir);
  let siteRoot: URL | undefined;
  let cacheDir: string | undefined;
  let out: ProgressOutput = progressOutput('silent');
  /** Compiled in buildStart, written in writeBundle (after Vite has emptied the output folder). */
  let pending: DataFile[] = [];
  /** The compile of this build, from buildStart to renderStart. */
  let compiling: Promise<void> | undefined;
  const summary: NotesSummary = {
    conferences: 0,
    talks: 0,
    warnings: 0,
    warningsFile: undefined,
    dataFiles: 0,
    dataBytes: 0,
  };

  /** Compiles the notes, prints their warnings and keeps the data files for writeBundle. */
  async function compileForBuild(): Promise<void> {
    const cache = cacheDir
      ? compileCache(
          path.join(cacheDir, 'compiled', hashOf(contentDir)),
          await compilerVersion(config.root),
        )
      : undefined;
    const result = await compileNotes({
      contentDir,
      now: buildTime(),
      // Vite bundles the app on the main thread meanwhile.
      mainThreadBusy: true,
      base: config.base,
      ...(cache ? { cache } : {}),
      onProgress: compileProgress(out),
    });
    const { errors, warnings } = splitIssues(result.issues);
    // Thrown as is: Vite prints a NotesError's message alone, every problem and the summary.
    if (errors.length > 0) throw new NotesError(describeErrors(contentDir, result));
    for (const warning of warnings.slice(0, WARNINGS_SHOWN)) {
      config.logger.warn(formatIssue(contentDir, warning));
    }
    summary.warningsFile = await writeWarnings(cacheDir, contentDir, warnings);
    if (warnings.length > 0 || result.skipped.length > 0) {
      config.logger.info(`lanyard: ${summarizeIssues(result.issues, result.skipped, contentDir)}`);
    }
    summary.conferences = result.bundle.conferences.length;
    summary.talks = result.bundle.talks.length;
    summary.warnings = warnings.length;
    const indexed = stageLine(out);
    pending = toPublishedFiles(result, siteRoot);
    indexed.done(`${summarize(result)}: related talks, search index and data files`);
    if (!siteRoot) {
      config.logger.info(
        `lanyard: no ${SITEMAP_FILE} and relative feed links: set SITE_URL (e.g. https://example.org/notes/) for absolute URLs`,
      );
    }
  }

  return {
    name: NOTES_PLUGIN_NAME,
    api: { summary },

    configResolved(resolved) {
      config = resolved;
      contentDir = path.resolve(resolved.root, opts.contentDir);
      siteRoot = toSiteRoot(opts.siteUrl, resolved.base);
      cacheDir = opts.cacheDir ? path.resolve(resolved.root, opts.cacheDir) : undefined;
      out = progressOutput(resolved.logLevel);
    },

    // The notes compile while Vite bundles the app (neither needs the other): started here,
    // awaited when the bundle is about to be written (renderStart), so a build takes the longer of
    // the two rather than their sum. Awaiting it in buildStart held the bundler back for the whole
    // compile (at 10,000 talks, minutes). A failed compile fails the build there, and the steps
    // after the bundle see it (renderError, build-failure.ts).
    buildStart() {
      if (config.command !== 'build') return;
      compiling = compileForBuild();
      // Its failure is reported by renderStart; until then it is not an unhandled rejection.
      compiling.catch(() => {});
    },

    async buildEnd(error) {
      // A bundle that failed never renders: the compile still ends before Vite does.
      if (error) await compiling?.catch(() => {});
    },

    renderStart: {
      order: 'pre',
      async handler() {
        if (config.command !== 'build') return;
        await compiling;
      },
    },

    // Written here, not emitted as Vite assets: Vite would list (and gzip, to tell the size of)
    // each of thousands of data files, and hold them all until the end of the build.
    writeBundle: {
      order: 'pre',
      sequential: true,
      async handler() {
        if (config.command !== 'build') return;
        const line = stageLine(out);
        const outDir = path.resolve(config.root, config.build.outDir);
        const { write, flush } = fileWriter(outDir);
        const files = pending;
        pending = [];
        let bytes = 0;
        for (const { fileName, source } of files) {
          bytes += Buffer.byteLength(source);
          await write(fileName, source);
        }
        await flush();
        summary.dataFiles = files.length;
        summary.dataBytes = bytes;
        const talkFiles = files.filter((file) => isTalkFile(file.fileName)).length;
        const shards = files.filter((file) => isSearchShard(file.fileName)).length;
        line.done(
          `wrote ${counted(files.length, 'data file')} (${size(bytes)}: ${counted(talkFiles, 'talk file')}, ${counted(shards, 'search shard')})`,
        );
      },
    },

    configureServer(server) {
      const notes = new DevNotes(server, contentDir, siteRoot);
      server.middlewares.use(notes.middleware);
      server.watcher.add(contentDir);
      server.watcher.on('all', (event, file) => {
        if (!isInside(contentDir, file)) return;
        const isDir = event === 'addDir' || event === 'unlinkDir';
        if (isDir || isCompilerInput(file)) notes.schedule();
      });
      notes.schedule(0);
    },
  };
}

/** A short stable name for a folder, for its own corner of the cache. */
const hashOf = (text: string): string =>
  createHash('sha256').update(text).digest('hex').slice(0, 12);

/**
 * Every warning, one a line, into the cache folder, when there are more than a build prints;
 * its path as typed from the project root, else undefined.
 */
async function writeWarnings(
  cacheDir: string | undefined,
  contentDir: string,
  warnings: readonly ContentIssue[],
): Promise<string | undefined> {
  if (!cacheDir || warnings.length <= WARNINGS_SHOWN) return undefined;
  await mkdir(cacheDir, { recursive: true });
  const file = path.join(cacheDir, WARNINGS_FILE);
  await writeFile(file, `${warnings.map((w) => formatIssue(contentDir, w)).join('\n')}\n`);
  return path.relative(process.cwd(), file).split(path.sep).join('/');
}

/** Files the dev server answers for. The sitemap lists prerendered pages: `vite build` only. */
const DEV_FILES = new Set([
  BUNDLE_FILE,
  CATALOG_FILE,
  LINKS_FILE,
  SEARCH_MANIFEST_FILE,
  BUNDLE_SCHEMA_FILE,
  ATOM_FEED_FILE,
  JSON_FEED_FILE,
  SITEMAP_FILE,
  ROBOTS_FILE,
]);

const isSearchShard = (fileName: string): boolean => /^data\/search\/\d+\.json$/.test(fileName);
/** A term shard or a result-cards file (result-cards.ts). */
const isSearchFile = (fileName: string): boolean =>
  /^data\/search\/(?:cards\/)?\d+\.json$/.test(fileName);

/** The dev server's copy of the notes: compiles one at a time, keeps the last good result. */
class DevNotes {
  private served: Served | undefined;
  /** Why there is nothing to serve yet (the first compile failed). */
  private failure: string | undefined;
  private overlayShown = false;
  private running: Promise<void> | undefined;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Settles after the first compile, good or bad; requests wait for it. */
  private readonly ready: Promise<void>;
  private markReady: () => void = () => {};
  /** Each file's last compile: a save recompiles that file alone. */
  private readonly cache = memoryCache();

  constructor(
    private readonly server: ViteDevServer,
    private readonly contentDir: string,
    private readonly siteRoot: URL | undefined,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    server.httpServer?.on('close', () => clearTimeout(this.timer));
  }

  schedule(delay = DEBOUNCE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delay);
  }

  /** Compiles now, or once more after the compile in progress, so the last change always lands. */
  private run(): Promise<void> {
    if (this.running) {
      this.dirty = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.dirty = false;
        await this.compileOnce();
      } while (this.dirty);
    })().finally(() => {
      this.running = undefined;
      this.markReady();
    });
    return this.running;
  }

  private async compileOnce(): Promise<void> {
    const { logger } = this.server.config;
    let result: CompileResult;
    try {
      result = await compileNotes({
        contentDir: this.contentDir,
        cache: this.cache,
        base: this.server.config.base,
      });
    } catch (error) {
      const message = `lanyard: the notes compiler failed: ${error instanceof Error ? error.message : String(error)}`;
      this.fail(message, error instanceof Error ? (error.stack ?? '') : '');
      return;
    }
    const { errors, warnings } = splitIssues(result.issues);
    for (const warning of warnings) {
      logger.warn(`lanyard: ${formatIssue(this.contentDir, warning)}`, { timestamp: true });
    }
    if (errors.length > 0) {
      const first = errors[0];
      this.fail(
        describeErrors(this.contentDir, result),
        '',
        first ? { file: path.resolve(this.contentDir, first.file), line: first.line } : undefined,
      );
      return;
    }

    const first = this.served === undefined;
    this.served = new Map(
      toPublishedFiles(result, this.siteRoot).map((file) => [file.fileName, file] as const),
    );
    this.failure = undefined;
    logger.info(`lanyard: ${first ? 'compiled' : 'recompiled'} ${summarize(result)}`, {
      timestamp: true,
    });
    const data: NotesUpdated = {
      generatedAt: result.bundle.generatedAt,
      recovered: this.overlayShown,
    };
    // The page refetches, and closes the overlay of the errors just fixed (use-hot-notes.ts).
    this.server.ws.send({ type: 'custom', event: NOTES_UPDATED_EVENT, data });
    if (this.overlayShown) {
      // Fallback for a page that did not close it: an empty update is how Vite's client clears
      // its overlay (it reloads instead when nothing was hot-updated since the page loaded).
      this.server.ws.send({ type: 'update', updates: [] });
      this.overlayShown = false;
    }
  }

  private fail(message: string, stack: string, loc?: { file: string; line: number }): void {
    this.server.config.logger.error(message, { timestamp: true });
    if (this.served === undefined) this.failure = message;
    this.server.ws.send({
      type: 'error',
      err: {
        message,
        stack,
        plugin: NOTES_PLUGIN_NAME,
        ...(loc ? { id: loc.file, loc: { file: loc.file, line: loc.line, column: 1 } } : {}),
      },
    });
    this.overlayShown = true;
  }

  readonly middleware: Connect.NextHandleFunction = (req, res, next) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const base = this.server.config.base;
    const fileName = pathname.startsWith(base) ? pathname.slice(base.length) : undefined;
    // Known names only: the sitemap may not exist, but its name must not fall through to the app.
    if (
      !fileName ||
      !(
        DEV_FILES.has(fileName) ||
        isSearchFile(fileName) ||
        isTalkFile(fileName) ||
        fileName.startsWith(`${MEDIA_FOLDER}/`)
      )
    ) {
      next();
      return;
    }
    void this.ready.then(() => {
      res.setHeader('Cache-Control', 'no-store');
      if (!this.served) {
        res.statusCode = 503;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(this.failure ?? 'lanyard: the notes are not compiled yet');
        return;
      }
      const file = this.served.get(fileName);
      if (!file) {
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(
          `lanyard: no ${fileName} (the sitemap is written by "npm run build", with SITE_URL)`,
        );
        return;
      }
      res.setHeader('Content-Type', file.contentType);
      res.end(file.source);
    });
  };
}
