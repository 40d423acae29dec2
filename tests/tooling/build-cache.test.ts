/**
 * `npm run build` with the persistent compile cache: a cached build is the cold one, byte for byte,
 * and after a one-note edit it compiles that note alone and equals a cold build of the edited
 * notes. Its progress lines and summary, as a pipe (CI) sees them, are checked on the way.
 */
import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/corpus/generate';
import { writeCorpus } from '../../scripts/corpus/write';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

let work: string;
let notes: string;
let cache: string;

/** `npm run build` of `notes` into `out`, with the cache at `cacheDir` ('off' for none). */
async function build(out: string, cacheDir: string): Promise<string> {
  const { stdout, stderr } = await run(
    process.execPath,
    ['scripts/build.mjs', '--outDir', out, '--emptyOutDir'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        CONTENT_DIR: notes,
        LANYARD_CACHE: cacheDir,
        SOURCE_DATE_EPOCH: '1700000000',
        SITE_URL: '',
        BASE_PATH: '',
        NO_COLOR: '1',
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return stdout + stderr;
}

/** Every file under `dir`, by its path in it. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, Buffer>();
  for (const entry of entries.filter((item) => item.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), await readFile(file));
  }
  return files;
}

/** The files that differ between two builds (none when they are equal byte for byte). */
async function differences(a: string, b: string): Promise<string[]> {
  const [left, right] = await Promise.all([tree(a), tree(b)]);
  const names = new Set([...left.keys(), ...right.keys()]);
  return [...names].filter((name) => !left.get(name)?.equals(right.get(name) ?? Buffer.alloc(0)));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'lanyard-cache-'));
  notes = path.join(work, 'notes');
  cache = path.join(work, 'cache');
  await writeCorpus(generateCorpus({ talks: 120, seed: 7 }), notes, 7);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('npm run build with the compile cache', () => {
  it('builds the same site from the cache as without it, and after an edit compiles that note alone', async () => {
    const files = (await readdir(notes, { recursive: true })).filter((f) => /\.(md|txt)$/.test(f));
    const total = files.length;

    const cold = await build(path.join(work, 'cold'), cache);
    // A pipe: one plain line per stage, no carriage returns, then the summary.
    expect(cold).not.toContain('\r');
    expect(cold).toMatch(
      new RegExp(`^lanyard: read ${total} note files \\(.+\\) · \\d+\\.\\d s$`, 'm'),
    );
    expect(cold).toMatch(new RegExp(`^lanyard: parsed ${total} files · \\d+\\.\\d s$`, 'm'));
    expect(cold).toMatch(/^lanyard: rendered [\d,]+ pages and \d+ redirects? \(1 thread\) · /m);
    expect(cold).toMatch(/^lanyard: built \d+ conferences, 120 talks, 0 warnings$/m);
    expect(cold).toMatch(/^lanyard: a first visit downloads [\d.]+ [kM]B \([\d.]+ kB gzipped\)/m);
    expect(cold).toMatch(/^lanyard: done in \d+\.\d s$/m);
    // Vite lists the app's few files, not each data file.
    expect(cold).not.toMatch(/data\/talks\//);

    const warm = await build(path.join(work, 'warm'), cache);
    expect(warm).toContain(`lanyard: parsed ${total} files, ${total} from the cache`);
    expect(await differences(path.join(work, 'cold'), path.join(work, 'warm'))).toEqual([]);

    const edited = files.find((file) => file.endsWith('.md'))!;
    await appendFile(
      path.join(notes, edited),
      '\n## A talk added later - Ada Lovelace\n\nNew notes.\n',
    );
    const rebuilt = await build(path.join(work, 'rebuilt'), cache);
    expect(rebuilt).toContain(`lanyard: parsed ${total} files, ${total - 1} from the cache`);
    expect(rebuilt).toMatch(/^lanyard: built \d+ conferences, 121 talks/m);
    const reference = await build(path.join(work, 'reference'), 'off');
    expect(reference).toMatch(new RegExp(`^lanyard: parsed ${total} files · `, 'm'));
    expect(await differences(path.join(work, 'reference'), path.join(work, 'rebuilt'))).toEqual([]);
  }, 600_000);
});
