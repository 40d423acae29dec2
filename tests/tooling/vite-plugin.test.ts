import { access, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, createServer, type ViteDevServer } from 'vite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSION, type Bundle } from '../../src/shared/bundle';
import { NOTES_UPDATED_EVENT } from '../../src/shared/data-files';
import type { CompileOptions, CompileResult } from '../../src/pipeline/compile';
import type { ContentIssue } from '../../src/pipeline/issues';
import { indexDocuments } from '../../src/pipeline/enrich/search-index';
import { shardSearchIndex } from '../../src/pipeline/emit/search-shards';

// The compiler has its own tests; here it is a stand-in so the plugin's wiring is what is tested.
const compileNotes = vi.hoisted(() => vi.fn<(options: CompileOptions) => Promise<CompileResult>>());
vi.mock('../../src/pipeline/compile', () => ({ compileNotes }));
const { lanyardNotes } = await import('../../src/build/notes-plugin');

/** A real index of two talks, so the plugin's shards can be checked against the sharder. */
const searchIndex = indexDocuments(
  ['Puppet in the cloud', 'Docker orchestration'].map((title, i) => ({
    id: `conf/talk-${i}`,
    title,
    speakers: '',
    tags: '',
    track: '',
    conference: 'Conf',
    text: 'notes',
  })),
);

function result(generatedAt: string, issues: ContentIssue[] = []): CompileResult {
  const bundle: Bundle = {
    schemaVersion: SCHEMA_VERSION,
    generatedAt,
    conferences: [],
    talks: [],
    dayNotes: [],
    tags: [],
    speakers: [],
  };
  return {
    bundle,
    searchIndex,
    issues,
    skipped: [],
    media: [],
  };
}

const issue = (severity: ContentIssue['severity'], file: string, line: number, message: string) =>
  ({ severity, file, line, message }) satisfies ContentIssue;

let root: string;
let contentDir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'lanyard-plugin-'));
  contentDir = path.join(root, 'notes');
  await mkdir(contentDir);
  await writeFile(
    path.join(root, 'index.html'),
    '<!doctype html><html><body><script type="module" src="/main.js"></script></body></html>',
  );
  await writeFile(path.join(root, 'main.js'), 'document.body.append("hi");');
  compileNotes.mockReset();
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('vite build', () => {
  const runBuild = () =>
    build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [lanyardNotes({ contentDir: 'notes' })],
      build: { outDir: 'dist' },
    });

  it('emits data/bundle.json and the search manifest and shards from the compiled notes', async () => {
    compileNotes.mockResolvedValue(
      result('2024-01-01T00:00:00Z', [issue('warning', 'a.md', 2, 'mojibake repaired')]),
    );
    await runBuild();

    expect(compileNotes).toHaveBeenCalledWith(expect.objectContaining({ contentDir }));
    const bundle: unknown = JSON.parse(
      await readFile(path.join(root, 'dist/data/bundle.json'), 'utf8'),
    );
    expect(bundle).toEqual(result('2024-01-01T00:00:00Z').bundle);
    const expected = JSON.parse(JSON.stringify(shardSearchIndex(searchIndex))) as ReturnType<
      typeof shardSearchIndex
    >;
    const read = async (file: string): Promise<unknown> =>
      JSON.parse(await readFile(path.join(root, 'dist', file), 'utf8'));
    expect(await read('data/search/manifest.json')).toEqual(expected.manifest);
    for (const [n, shard] of expected.shards.entries()) {
      expect(await read(`data/search/${n}.json`)).toEqual(shard);
    }
    await expect(access(path.join(root, 'dist/data/search-index.json'))).rejects.toThrow();
  });

  it.each([
    ['with', 'https://example.org/notes/'],
    ['without', undefined],
  ])('emits the open data beside them, %s SITE_URL', async (_, siteUrl) => {
    compileNotes.mockResolvedValue(result('2024-01-01T00:00:00Z'));
    await build({
      root,
      base: '/notes/',
      configFile: false,
      logLevel: 'silent',
      plugins: [lanyardNotes({ contentDir: 'notes', siteUrl })],
      build: { outDir: 'dist' },
    });
    const read = (file: string) => readFile(path.join(root, 'dist', file), 'utf8');
    const exists = (file: string) =>
      access(path.join(root, 'dist', file)).then(
        () => true,
        () => false,
      );

    const schema = JSON.parse(await read('data/bundle.schema.json')) as Record<string, unknown>;
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: siteUrl ? `${siteUrl}data/bundle.schema.json` : `urn:lanyard:bundle:v${SCHEMA_VERSION}`,
    });
    const atom = await read('feed.xml');
    expect(atom).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/,
    );
    expect(atom).toContain('<updated>2024-01-01T00:00:00Z</updated>');
    expect(JSON.parse(await read('feed.json'))).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      items: [],
      ...(siteUrl ? { feed_url: `${siteUrl}feed.json` } : {}),
    });
    // The sitemap lists the prerendered pages: the prerenderer writes it (tests/e2e/static-host).
    expect(await exists('sitemap.xml')).toBe(false);
    expect(await read('robots.txt')).toBe(
      siteUrl
        ? `User-agent: *\nAllow: /\n\nSitemap: ${siteUrl}sitemap.xml\n`
        : 'User-agent: *\nAllow: /\n',
    );
  });

  it('fails the build on a SITE_URL that is not an absolute http(s) URL', async () => {
    compileNotes.mockResolvedValue(result('x'));
    const error = await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [lanyardNotes({ contentDir: 'notes', siteUrl: 'example.org/notes' })],
      build: { outDir: 'dist' },
    }).then(
      () => new Error('the build should have failed'),
      (e: unknown) => e,
    );
    expect(error instanceof Error ? error.message : String(error)).toContain(
      'SITE_URL must be an absolute URL',
    );
  });

  it('fails listing every problem once, as file:line: message, then the summary', async () => {
    compileNotes.mockResolvedValue(
      result('x', [
        issue('error', 'lca/day-2.md', 3, 'date: expected YYYY-MM-DD'),
        issue('warning', 'lca/day-2.md', 9, 'unknown key "colour"'),
        issue('error', 'pycon/day-2.txt', 1, 'binary file'),
      ]),
    );
    const error = await runBuild().then(
      () => new Error('the build should have failed'),
      (e: unknown) => e,
    );
    // The bundler wraps it ("Build failed with 1 error"); scripts/build.mjs prints the NotesError.
    const [notesError] = (error as { errors?: Error[] }).errors ?? [];
    expect(notesError?.name).toBe('NotesError');
    const shown = (file: string) => path.relative(process.cwd(), path.join(contentDir, file));
    expect(notesError?.message).toBe(
      [
        `${shown('lca/day-2.md')}:3: date: expected YYYY-MM-DD`,
        `${shown('lca/day-2.md')}:9: warning: unknown key "colour"`,
        `${shown('pycon/day-2.txt')}:1: binary file`,
        `lanyard: the build stopped: 2 errors, 1 warning in ${shown('')}`,
      ].join('\n'),
    );
  });
});

describe('vite dev server', () => {
  let server: ViteDevServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('serves the notes under the base path, pushes updates and keeps the last good bundle', async () => {
    compileNotes.mockResolvedValue(result('first'));
    server = await createServer({
      root,
      base: '/notes/',
      configFile: false,
      logLevel: 'silent',
      plugins: [lanyardNotes({ contentDir: 'notes', siteUrl: 'https://example.org' })],
      server: { port: 0, host: '127.0.0.1', hmr: false, watch: { usePolling: true, interval: 20 } },
    });
    const sent = vi.spyOn(server.ws, 'send');
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    const url = (p: string) => `http://127.0.0.1:${address.port}${p}`;
    const generatedAt = async () => {
      const response = await fetch(url('/notes/data/bundle.json'));
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      return ((await response.json()) as Bundle).generatedAt;
    };

    expect(await generatedAt()).toBe('first');
    expect((await fetch(url('/notes/data/search/manifest.json'))).status).toBe(200);
    expect((await fetch(url('/notes/data/search/0.json'))).status).toBe(200);

    // The open data, from memory, with their content types.
    for (const [file, type] of [
      ['data/bundle.schema.json', 'application/schema+json; charset=utf-8'],
      ['feed.xml', 'application/atom+xml; charset=utf-8'],
      ['feed.json', 'application/feed+json; charset=utf-8'],
      ['robots.txt', 'text/plain; charset=utf-8'],
    ] as const) {
      const response = await fetch(url(`/notes/${file}`));
      expect([file, response.status, response.headers.get('content-type')]).toEqual([
        file,
        200,
        type,
      ]);
    }
    expect(await (await fetch(url('/notes/robots.txt'))).text()).toContain(
      'Sitemap: https://example.org/notes/sitemap.xml',
    );
    // The sitemap is the build's (it lists prerendered pages): a 404 that says so, not the app.
    const sitemap = await fetch(url('/notes/sitemap.xml'));
    expect([sitemap.status, await sitemap.text()]).toEqual([
      404,
      'lanyard: no sitemap.xml (the sitemap is written by "npm run build", with SITE_URL)',
    ]);

    // A note changes: recompile, tell the page.
    compileNotes.mockResolvedValue(result('second'));
    await writeFile(path.join(contentDir, 'talk.md'), '# Hello - Jane');
    await vi.waitFor(
      () =>
        expect(sent).toHaveBeenCalledWith({
          type: 'custom',
          event: NOTES_UPDATED_EVENT,
          data: { generatedAt: 'second', recovered: false },
        }),
      { timeout: 5000 },
    );
    expect(await generatedAt()).toBe('second');

    // A broken note: the overlay shows the errors, the last good bundle is still served.
    compileNotes.mockResolvedValue(
      result('broken', [issue('error', 'talk.md', 1, 'bad front matter')]),
    );
    await writeFile(path.join(contentDir, 'talk.md'), '---\n: :\n');
    await vi.waitFor(
      () =>
        expect(sent).toHaveBeenCalledWith(
          expect.objectContaining({
            type: 'error',
            err: expect.objectContaining({
              message: expect.stringContaining('talk.md:1: bad front matter') as unknown,
            }) as unknown,
          }),
        ),
      { timeout: 5000 },
    );
    expect(await generatedAt()).toBe('second');

    // Fixed: the overlay is cleared and the page told again.
    compileNotes.mockResolvedValue(result('third'));
    await writeFile(path.join(contentDir, 'talk.md'), '# Hello - Jane\n');
    await vi.waitFor(
      () =>
        expect(sent).toHaveBeenCalledWith({
          type: 'custom',
          event: NOTES_UPDATED_EVENT,
          data: { generatedAt: 'third', recovered: true },
        }),
      { timeout: 5000 },
    );
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith({ type: 'update', updates: [] }), {
      timeout: 5000,
    });
    expect(await generatedAt()).toBe('third');

    // Files that are neither notes nor images do not trigger a compile; an image (a note may show it) does.
    const calls = compileNotes.mock.calls.length;
    await writeFile(path.join(contentDir, 'slides.pdf'), 'x');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(compileNotes.mock.calls.length).toBe(calls);
    await writeFile(path.join(contentDir, 'image.png'), 'x');
    await vi.waitFor(() => expect(compileNotes.mock.calls.length).toBe(calls + 1), {
      timeout: 5000,
    });
  });
});
