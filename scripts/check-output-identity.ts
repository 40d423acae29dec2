/**
 * The compiled output, one hash per file, to diff before and after a change that should not
 * change it:
 *
 *   npm run check:identity -- [--talks 1000] [--seed 42] > before.txt
 *   (change something)
 *   npm run check:identity > after.txt && diff before.txt after.txt
 *
 * It compiles the sample notes (content/) and a generated corpus through the notes plugin of
 * vite.config.ts, as `vite build` does but without the app (into a temporary folder, without the
 * persistent cache), so it knows no compiler module by
 * name and survives them moving. Each set is compiled twice: without SITE_URL, and with SITE_URL
 * and BASE_PATH (absolute feed links, the sitemap). Every file the plugin emits is listed (bundle,
 * catalog, links, talk files, search shards, feeds, sitemap, robots.txt, schema).
 *
 * The build time (`generatedAt`) differs from run to run: every occurrence of this run's value
 * (the bundle's `generatedAt`, in the bundle, the catalog and the feeds) is replaced by
 * `<generatedAt>` before hashing.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build, loadConfigFromFile, type Plugin } from 'vite';
import { NOTES_PLUGIN_NAME } from '../src/shared/data-files';
import { generateCorpus } from './corpus/generate';
import { writeCorpus } from './corpus/write';
import { runMain } from './run-main';

const ROOT = path.resolve(import.meta.dirname, '..');
const ENTRY = 'virtual:lanyard-identity-entry';

interface Variant {
  name: string;
  env: { CONTENT_DIR: string; SITE_URL?: string; BASE_PATH?: string };
}

const isNotesPlugin = (option: unknown): option is Plugin =>
  typeof option === 'object' &&
  option !== null &&
  'name' in option &&
  option.name === NOTES_PLUGIN_NAME;

/** vite.config.ts (loaded under this process's environment), its notes plugin alone run as a build. */
async function emittedFiles(): Promise<Map<string, Uint8Array>> {
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    path.join(ROOT, 'vite.config.ts'),
    ROOT,
    'silent',
    undefined,
    'runner',
  );
  if (!loaded) throw new Error('vite.config.ts did not load');
  const notes = ((loaded.config.plugins ?? []) as unknown[]).flat(Infinity).filter(isNotesPlugin);
  if (notes.length !== 1) throw new Error(`vite.config.ts has no ${NOTES_PLUGIN_NAME} plugin`);
  const entry: Plugin = {
    name: 'identity-entry',
    resolveId: (id) => (id === ENTRY ? `\0${ENTRY}` : undefined),
    load: (id) => (id === `\0${ENTRY}` ? 'export {};' : undefined),
  };
  const outDir = await mkdtemp(path.join(tmpdir(), 'lanyard-identity-out-'));
  try {
    await build({
      configFile: false,
      root: ROOT,
      base: loaded.config.base ?? '/',
      logLevel: 'silent',
      // The app's static files are not the compiler's output.
      publicDir: false,
      plugins: [...notes, entry],
      build: { outDir, emptyOutDir: true, rollupOptions: { input: ENTRY } },
    });
    // What the plugin wrote: everything but the stand-in entry's chunk.
    const names = (await readdir(outDir, { recursive: true, withFileTypes: true }))
      .filter((item) => item.isFile())
      .map((item) => path.relative(outDir, path.join(item.parentPath, item.name)))
      .filter((name) => !name.startsWith(`assets${path.sep}`));
    const files = new Map<string, Uint8Array>();
    for (const name of names) {
      files.set(name.split(path.sep).join('/'), await readFile(path.join(outDir, name)));
    }
    return files;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/** `<variant> <file> <sha256>` lines, the build time replaced by a placeholder first. */
function hashLines(variant: string, files: ReadonlyMap<string, Uint8Array>): string[] {
  const bundle = files.get('data/bundle.json');
  if (!bundle) throw new Error(`${variant}: no data/bundle.json was emitted`);
  const { generatedAt } = JSON.parse(Buffer.from(bundle).toString('utf8')) as {
    generatedAt: string;
  };
  return [...files.keys()].sort().map((name) => {
    const text = Buffer.from(files.get(name)!).toString('latin1');
    const normalised = Buffer.from(text.split(generatedAt).join('<generatedAt>'), 'latin1');
    return `${variant} ${name} ${createHash('sha256').update(normalised).digest('hex').slice(0, 16)}`;
  });
}

/**
 * Each set is compiled in a child process of its own: vite.config.ts reads its environment when
 * it loads, and the compiler's modules (lunr's registered pipeline functions) load once.
 */
function runVariant(variant: Variant): Promise<string> {
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const env = { ...process.env, SITE_URL: '', BASE_PATH: '', LANYARD_CACHE: 'off', ...variant.env };
  return new Promise((resolve, reject) => {
    execFile(
      tsx,
      [import.meta.filename, '--variant', variant.name],
      { cwd: ROOT, env, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${variant.name}: ${stderr || error.message}`)) : resolve(stdout),
    );
  });
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      talks: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '42' },
      variant: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: npm run check:identity -- [--talks 1000] [--seed 42] > hashes.txt');
    return 0;
  }
  if (values.variant) {
    const lines = hashLines(values.variant, await emittedFiles()).join('\n');
    // Written out before exiting: stdout is a pipe to the parent, and exit() would cut it short.
    await new Promise((resolve) => process.stdout.write(`${lines}\n`, resolve));
    return 0;
  }
  const talks = Number(values.talks);
  const seed = Number(values.seed);
  if (!Number.isInteger(talks) || !Number.isInteger(seed)) {
    throw new Error(`--talks and --seed: expected integers, got ${values.talks}, ${values.seed}`);
  }
  const corpusDir = await mkdtemp(path.join(tmpdir(), 'lanyard-identity-'));
  try {
    await writeCorpus(generateCorpus({ talks, seed }), corpusDir, seed);
    const site = { SITE_URL: 'https://example.org/notes/', BASE_PATH: '/notes/' };
    const sample = path.join(ROOT, 'content');
    const corpus = `corpus-${talks}-${seed}`;
    const variants: Variant[] = [
      { name: 'sample', env: { CONTENT_DIR: sample } },
      { name: 'sample+site', env: { CONTENT_DIR: sample, ...site } },
      { name: corpus, env: { CONTENT_DIR: corpusDir } },
      { name: `${corpus}+site`, env: { CONTENT_DIR: corpusDir, ...site } },
    ];
    for (const variant of variants) {
      const lines = await runVariant(variant);
      process.stdout.write(lines);
      console.error(`${variant.name}: ${lines.trim().split('\n').length} files`);
    }
  } finally {
    await rm(corpusDir, { recursive: true, force: true });
  }
  return 0;
}

runMain(import.meta, main);
