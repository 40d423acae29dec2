/**
 * Runs the notes compiler inside Vite.
 * - `vite build`: compiles once, fails the build listing every error, emits the bundle and index
 *   and the open data beside them (JSON Schema, feeds, robots.txt: open-data.ts; the prerenderer writes the sitemap).
 * - `vite` (dev): serves all of them from memory, recompiles when a note changes and tells the open
 *   page (custom HMR event) so it refetches without a reload. Errors go to Vite's overlay while the
 *   last good bundle keeps being served.
 */
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
import { compileNotes, type CompileResult } from '../pipeline/compile';
import { formatOfFile } from '../pipeline/formats/index';
import { USER_VOCABULARY_FILE } from '../pipeline/read/files';
import { toOpenDataFiles } from '../pipeline/emit/open-data';
import { toDataFiles, type DataFile } from '../pipeline/emit/site-data';
import { toSearchFiles } from '../pipeline/emit/search-shards';
import { SEARCH_MANIFEST_FILE } from '../shared/search/shards';
import { toSiteRoot } from '../shared/site-url';
import type { ContentIssue } from '../pipeline/issues';
import { plural } from '../shared/plural';

export interface LanyardNotesOptions {
  /** Folder of notes, relative to the Vite root or absolute. */
  contentDir: string;
  /**
   * Where the site is published (`https://example.org/notes/`; the base path is added when
   * missing), for the absolute URLs of the feeds, sitemap and robots.txt. Default: the `SITE_URL`
   * environment variable. Unset: feeds with relative links, and no sitemap.
   */
  siteUrl: string | undefined;
}

const defaults = (): LanyardNotesOptions => ({
  contentDir: 'content',
  siteUrl: process.env.SITE_URL || undefined,
});

/** Files whose change means the notes must be recompiled. */
const isCompilerInput = (file: string): boolean =>
  formatOfFile(file) !== undefined || path.basename(file) === USER_VOCABULARY_FILE;

/** Wait this long after a change so a burst of saves (an editor, a git checkout) compiles once. */
const DEBOUNCE_MS = 60;

/** Every file the plugin publishes for one compile, serialized once, not per request. */
function toPublishedFiles(result: CompileResult, siteRoot: URL | undefined): DataFile[] {
  const json = 'application/json; charset=utf-8';
  return [
    ...toDataFiles(result.bundle),
    ...toSearchFiles(result.searchIndex).map((file) => ({ ...file, contentType: json })),
    ...toOpenDataFiles(result.bundle, siteRoot),
  ];
}

/** What the browser gets, by file name relative to the base path. */
type Served = ReadonlyMap<string, DataFile>;

const isInside = (dir: string, file: string): boolean => {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/** `content/lca-2018/day-2.md:3: message`: the path as typed from the project root, so it is clickable. */
export function formatIssue(contentDir: string, issue: ContentIssue): string {
  const file = path.relative(process.cwd(), path.resolve(contentDir, issue.file));
  return `${file.split(path.sep).join('/')}:${issue.line}: ${issue.message}`;
}

/** Every error at once, one per line, under a count. */
export function describeErrors(contentDir: string, errors: readonly ContentIssue[]): string {
  const where = path.relative(process.cwd(), contentDir) || '.';
  return [
    `${plural(errors.length, 'error')} in the notes under ${where}:`,
    ...errors.map((issue) => `  ${formatIssue(contentDir, issue)}`),
  ].join('\n');
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

  return {
    name: NOTES_PLUGIN_NAME,

    configResolved(resolved) {
      config = resolved;
      contentDir = path.resolve(resolved.root, opts.contentDir);
      siteRoot = toSiteRoot(opts.siteUrl, resolved.base);
    },

    async buildStart() {
      if (config.command !== 'build') return;
      const result = await compileNotes({ contentDir });
      const { errors, warnings } = splitIssues(result.issues);
      for (const warning of warnings) this.warn(formatIssue(contentDir, warning));
      if (errors.length > 0) this.error(describeErrors(contentDir, errors));

      const files = toPublishedFiles(result, siteRoot);
      for (const { fileName, source } of files) this.emitFile({ type: 'asset', fileName, source });
      const count = (test: (name: string) => boolean) =>
        files.filter((file) => test(file.fileName)).length;
      const shards = count(isSearchShard);
      const talks = count(isTalkFile);
      const names = [
        ...files
          .filter((file) => !isSearchShard(file.fileName) && !isTalkFile(file.fileName))
          .map((file) => file.fileName),
        plural(talks, 'talk file'),
        plural(shards, 'search shard'),
      ].join(', ');
      config.logger.info(`lanyard: ${summarize(result)} → ${names}`);
      if (!siteRoot) {
        config.logger.info(
          `lanyard: no ${SITEMAP_FILE} and relative feed links: set SITE_URL (e.g. https://example.org/notes/) for absolute URLs`,
        );
      }
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
      result = await compileNotes({ contentDir: this.contentDir });
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
        describeErrors(this.contentDir, errors),
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
      !(DEV_FILES.has(fileName) || isSearchShard(fileName) || isTalkFile(fileName))
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
