/**
 * Runs the notes compiler inside Vite.
 * - `vite build`: compiles once, fails the build listing every error, emits the bundle and index.
 * - `vite` (dev): serves both files from memory, recompiles when a note changes and tells the open
 *   page (custom HMR event) so it refetches without a reload. Errors go to Vite's overlay while the
 *   last good bundle keeps being served.
 */
import path from 'node:path';
import type { Connect, Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import {
  BUNDLE_FILE,
  NOTES_PLUGIN_NAME,
  NOTES_UPDATED_EVENT,
  SEARCH_INDEX_FILE,
  type NotesUpdated,
} from '../shared/data-files';
import { compileNotes, type CompileResult } from './compile';
import type { ContentIssue } from './types';

export interface LanyardNotesOptions {
  /** Folder of notes, relative to the Vite root or absolute. */
  contentDir: string;
}

const defaults: LanyardNotesOptions = { contentDir: 'content' };

/** Files whose change means the notes must be recompiled. */
const NOTE_FILE = /\.(?:md|markdown|txt)$/i;
const isCompilerInput = (file: string): boolean =>
  NOTE_FILE.test(file) || path.basename(file) === 'tags.yaml';

/** Wait this long after a change so a burst of saves (an editor, a git checkout) compiles once. */
const DEBOUNCE_MS = 60;

/** What the browser gets: serialized once per compile, not per request. */
interface Served {
  bundle: string;
  searchIndex: string;
}

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
    `${errors.length} ${errors.length === 1 ? 'error' : 'errors'} in the notes under ${where}:`,
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
  const opts: LanyardNotesOptions = { ...defaults };
  if (options.contentDir) opts.contentDir = options.contentDir;

  let config: ResolvedConfig;
  let contentDir = path.resolve(opts.contentDir);

  return {
    name: NOTES_PLUGIN_NAME,

    configResolved(resolved) {
      config = resolved;
      contentDir = path.resolve(resolved.root, opts.contentDir);
    },

    async buildStart() {
      if (config.command !== 'build') return;
      const result = await compileNotes({ contentDir });
      const { errors, warnings } = splitIssues(result.issues);
      for (const warning of warnings) this.warn(formatIssue(contentDir, warning));
      if (errors.length > 0) this.error(describeErrors(contentDir, errors));

      this.emitFile({
        type: 'asset',
        fileName: BUNDLE_FILE,
        source: JSON.stringify(result.bundle),
      });
      this.emitFile({
        type: 'asset',
        fileName: SEARCH_INDEX_FILE,
        source: JSON.stringify(result.searchIndex),
      });
      config.logger.info(`lanyard: ${summarize(result)} → ${BUNDLE_FILE}, ${SEARCH_INDEX_FILE}`);
    },

    configureServer(server) {
      const notes = new DevNotes(server, contentDir);
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
    this.served = {
      bundle: JSON.stringify(result.bundle),
      searchIndex: JSON.stringify(result.searchIndex),
    };
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
    const file =
      pathname === `${base}${BUNDLE_FILE}`
        ? 'bundle'
        : pathname === `${base}${SEARCH_INDEX_FILE}`
          ? 'searchIndex'
          : undefined;
    if (!file) {
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
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(this.served[file]);
    });
  };
}
