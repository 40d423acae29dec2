/**
 * The cases about writing files, through the real `npm run build` (CONTENT_DIR set, a temporary
 * outDir): long titles give short file names; path-traversing ids and aliases stop the build with
 * their file:line errors, nothing is written outside the output folder, and a stale dist/ from
 * the good build neither masks the error nor gets a fresh sw.js. Every other content error (bad
 * YAML of each kind, YAML bombs, binary, NUL bytes, a 30 MB note, a bad front-matter id) stops
 * the build with its one file:line line and the summary.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const FIXTURES = 'tests/fixtures/hostile';
const RULE = 'an id may use letters, digits, "-", "_" and "." (not first), up to 100 bytes';
const ALIAS_RULE = `${RULE}, and one "/" between a conference and a talk ("lca-2018/old-title")`;

let parent: string;
let outDir: string;

async function build(contentDir: string, out = outDir): Promise<{ code: number; output: string }> {
  return promisify(execFile)(
    'npm',
    ['run', '-s', 'build', '--', '--outDir', out, '--emptyOutDir'],
    {
      env: { ...process.env, CONTENT_DIR: contentDir, PRERENDER_THREADS: '1' },
      maxBuffer: 64 * 1024 * 1024,
    },
  ).then(
    // Colours off: Vite colours its lines whenever CI is set, as it is in CI.
    ({ stdout, stderr }) => ({ code: 0, output: stripVTControlCharacters(`${stdout}${stderr}`) }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: stripVTControlCharacters(`${error.stdout}${error.stderr}`),
    }),
  );
}

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

beforeAll(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'lanyard-hostile-'));
  outDir = path.join(parent, 'out');
});
afterAll(() => rm(parent, { recursive: true, force: true }));

describe('npm run build on hostile notes', () => {
  it('long titles build, with file names cut to 100 bytes and a hash', async () => {
    const { code, output } = await build(`${FIXTURES}/long-titles`);
    expect(code, output).toBe(0);
    const talks = (await readdir(path.join(outDir, 'data/talks/conf-2020'))).sort();
    expect(talks).toHaveLength(2);
    for (const name of talks) {
      expect(Buffer.byteLength(name.replace(/\.json$/, ''))).toBeLessThanOrEqual(100);
      expect(name).toMatch(/-[0-9a-z]{6}\.json$/);
    }
    expect(existsSync(path.join(outDir, 'sw.js'))).toBe(true);
  });

  it('path-traversing ids and aliases: every error once, exit 1, nothing written anywhere', async () => {
    const swBefore = (await stat(path.join(outDir, 'sw.js'))).mtimeMs;
    const filesBefore = await filesUnder(outDir);
    const dir = `${FIXTURES}/path-traversal`;
    const { code, output } = await build(dir);
    expect(code).toBe(1);
    const afterProgress = output.slice(output.indexOf('✗ Build failed')).split('\n').slice(1);
    expect(afterProgress).toEqual([
      `${dir}/conf-2020/day-1.md:4: alias "../../../../../../../../tmp/lanyard-escape-front" is not allowed: ${ALIAS_RULE}`,
      `${dir}/conf-2020/day-1.md:8: alias "../../../../../../../../tmp/lanyard-escape" is not allowed: ${ALIAS_RULE}`,
      `${dir}/conf-2020/day-1.md:8: alias "x/../.." is not allowed: ${ALIAS_RULE}`,
      `${dir}/conf-2020/day-1.md:13: id "../../escape" is not allowed: ${RULE}`,
      `${dir}/conf-2020/day-1.md:18: id "q?x=1#frag" is not allowed: ${RULE}`,
      `${dir}/conf-2020/day-1.md:23: alias ".." is not allowed: ${ALIAS_RULE}`,
      `lanyard: the build stopped: 6 errors, 0 warnings in ${dir}`,
      '',
    ]);
    expect(output).not.toContain('prerender');
    expect(output).not.toMatch(/^\s+at /m);
    // The stale dist/ of the good build is as it was: no fresh sw.js, no page added.
    expect((await stat(path.join(outDir, 'sw.js'))).mtimeMs).toBe(swBefore);
    expect(await filesUnder(outDir)).toEqual(filesBefore);
    expect(await readdir(parent)).toEqual(['out']);
    expect(existsSync('/tmp/lanyard-escape')).toBe(false);
    expect(existsSync('/tmp/lanyard-escape-front')).toBe(false);
  });

  /** A note that is a content error, and the one line the build gives for it. */
  const YAML_BOMB =
    'too many aliases (*name) to expand: more than 100, as in a "billion laughs" YAML bomb';
  it.each<[string, string]>([
    ['binary', 'conf-2020/photo.md:3: binary file, not a note'],
    ['nul-bytes', 'conf-2020/day-1.md:6: binary file, not a note'],
    ['front-matter-id', `conf-2020/one-talk.md:3: id "../../../outside" is not allowed: ${RULE}`],
    [
      'yaml-syntax',
      'conf-2020/day-1.md:3: front matter: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    [
      'yaml-bad-indent',
      'conf-2020/day-1.md:2: front matter: Nested mappings are not allowed in compact mappings',
    ],
    ['yaml-duplicate-key', 'conf-2020/day-1.md:4: front matter: Map keys must be unique'],
    ['yaml-bomb', `conf-2020/day-1.md:6: front matter: ${YAML_BOMB}`],
    ['tags-bomb', `tags.yaml:1: YAML: ${YAML_BOMB}`],
    ['unclosed-front-matter', 'conf-2020/day-1.md:1: front matter: no closing `---` line'],
    [
      'huge',
      'conf-2020/day-1.md:1: the file is 30.0 MB; a note may be at most 10.0 MB (split it, one file per day)',
    ],
  ])(
    '%s: the build stops with its file:line error and a summary, exit 1, nothing written',
    async (name, message) => {
      const dir = name === 'huge' ? path.join(parent, 'huge') : `${FIXTURES}/${name}`;
      if (name === 'huge') {
        await mkdir(path.join(dir, 'conf-2020'), { recursive: true });
        await writeFile(
          path.join(dir, 'conf-2020/day-1.md'),
          new Uint8Array(30 * 1024 * 1024).fill(0x61),
        );
      }
      const fresh = path.join(parent, `${name}-out`);
      const { code, output } = await build(dir, fresh);
      expect(code, output).toBe(1);
      expect(output.slice(output.indexOf('✗ Build failed')).split('\n').slice(1)).toEqual([
        // Paths are said relative to where the build runs.
        `${path.relative('.', dir)}/${message}`,
        `lanyard: the build stopped: 1 error, 0 warnings in ${path.relative('.', dir)}`,
        '',
      ]);
      expect(output).not.toMatch(/^\s+at /m);
      expect(existsSync(fresh)).toBe(false);
    },
    120_000,
  );
});
