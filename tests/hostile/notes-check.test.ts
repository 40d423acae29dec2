/**
 * Broken and hostile notes through `npm run notes -- check` (in-process: the CLI's own entry, with
 * CONTENT_DIR set as a user would), each asserting the exact messages and the exit code.
 * Fixtures: tests/fixtures/hostile/<case>; the big and strange ones are made here.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNotesCli } from '../../src/build/cli';

const FIXTURES = 'tests/fixtures/hostile';
const GENERATED = `${FIXTURES}/.generated`;

async function check(dir: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const before = process.env.CONTENT_DIR;
  process.env.CONTENT_DIR = dir;
  try {
    const code = await runNotesCli(['check'], {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    if (before === undefined) delete process.env.CONTENT_DIR;
    else process.env.CONTENT_DIR = before;
  }
}

const RULE = 'an id may use letters, digits, "-", "_" and "." (not first), up to 100 bytes';
const ALIAS_RULE = `${RULE}, and one "/" between a conference and a talk ("lca-2018/old-title")`;
const BOMB =
  'too many aliases (*name) to expand: more than 100, as in a "billion laughs" YAML bomb';

describe('npm run notes -- check on hostile notes: exact messages and exit code', () => {
  it.each<[string, string[], string, number]>([
    [
      'yaml-syntax',
      [
        'conf-2020/day-1.md:3: front matter: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
      '1 conference, 1 talk, 0 day notes, 1 error, 0 warnings',
      1,
    ],
    [
      'yaml-duplicate-key',
      ['conf-2020/day-1.md:4: front matter: Map keys must be unique'],
      '1 conference, 1 talk, 0 day notes, 1 error, 0 warnings',
      1,
    ],
    [
      'yaml-bad-indent',
      ['conf-2020/day-1.md:2: front matter: Nested mappings are not allowed in compact mappings'],
      '1 conference, 1 talk, 0 day notes, 1 error, 0 warnings',
      1,
    ],
    [
      'yaml-bomb',
      [`conf-2020/day-1.md:6: front matter: ${BOMB}`],
      '1 conference, 1 talk, 0 day notes, 1 error, 0 warnings',
      1,
    ],
    [
      'tags-bomb',
      [`tags.yaml:1: YAML: ${BOMB}`],
      '1 conference, 1 talk, 0 day notes, 1 error, 0 warnings',
      1,
    ],
    [
      'unclosed-front-matter',
      ['conf-2020/day-1.md:1: front matter: no closing `---` line'],
      '1 conference, 1 talk, 1 day note, 1 error, 0 warnings',
      1,
    ],
    [
      'binary',
      ['conf-2020/photo.md:3: binary file, not a note'],
      '1 conference, 1 talk, 0 day notes, 1 error, 0 warnings',
      1,
    ],
    [
      'latin-1',
      ['conf-2020/day-1.md:3: warning: not valid UTF-8: read as Windows-1252 (and 1 more lines)'],
      '1 conference, 1 talk, 0 day notes, 0 errors, 1 warning',
      0,
    ],
    [
      'utf-16',
      ['conf-2020/day-2.md:1: warning: no byte-order mark: read as UTF-16LE'],
      '1 conference, 2 talks, 0 day notes, 0 errors, 1 warning',
      0,
    ],
    [
      'nul-bytes',
      ['conf-2020/day-1.md:6: binary file, not a note'],
      '0 conferences, 0 talks, 0 day notes, 1 error, 0 warnings',
      1,
    ],
    [
      'control-chars',
      ['conf-2020/day-1.md:3: warning: removed 3 control characters (U+0007, U+0008)'],
      '1 conference, 1 talk, 0 day notes, 0 errors, 1 warning',
      0,
    ],
    [
      'path-traversal',
      [
        `conf-2020/day-1.md:4: alias "../../../../../../../../tmp/lanyard-escape-front" is not allowed: ${ALIAS_RULE}`,
        `conf-2020/day-1.md:8: alias "../../../../../../../../tmp/lanyard-escape" is not allowed: ${ALIAS_RULE}`,
        `conf-2020/day-1.md:8: alias "x/../.." is not allowed: ${ALIAS_RULE}`,
        `conf-2020/day-1.md:13: id "../../escape" is not allowed: ${RULE}`,
        `conf-2020/day-1.md:18: id "q?x=1#frag" is not allowed: ${RULE}`,
        `conf-2020/day-1.md:23: alias ".." is not allowed: ${ALIAS_RULE}`,
      ],
      '1 conference, 4 talks, 0 day notes, 6 errors, 0 warnings',
      1,
    ],
    [
      'front-matter-id',
      [`conf-2020/one-talk.md:3: id "../../../outside" is not allowed: ${RULE}`],
      '1 conference, 1 talk, 0 day notes, 1 error, 0 warnings',
      1,
    ],
    [
      'prototype-keys',
      [
        'conf-2020/day-1.md:3: warning: unknown key "constructor" (known: conference, year, location, date, day, track, tags, url, aliases, id, title)',
        'conf-2020/day-1.md:4: warning: unknown key "__proto__" (known: conference, year, location, date, day, track, tags, url, aliases, id, title)',
        'conf-2020/day-1.md:5: warning: unknown key "toString" (known: conference, year, location, date, day, track, tags, url, aliases, id, title)',
        'tags.yaml:4: warning: entry 1 (constructor).__proto__: unknown key (expected one of id, name, synonyms, context, matchName)',
      ],
      '1 conference, 3 talks, 0 day notes, 0 errors, 4 warnings',
      0,
    ],
    [
      'long-titles',
      [
        'conf-2020/day-1.md:3: warning: the talk title "Very long title Very long title Very long title Very long ti…" is 1875 words long: if it is a line of notes rather than a title, leave it plain (no "#", no bold), or give the file a "title:" in its front matter',
      ],
      '1 conference, 2 talks, 0 day notes, 0 errors, 1 warning',
      0,
    ],
    [
      'nothing-lost',
      [
        'conf-2020/day-1.md:4: warning: url "javascript:alert(1)" left out: only http(s), mailto and relative URLs are kept',
        'conf-2020/day-1.md:8: warning: link "javascript:alert(2)" left out: only http(s), mailto and relative URLs are kept',
      ],
      '1 conference, 4 talks, 0 day notes, 0 errors, 2 warnings',
      0,
    ],
  ])('%s', async (name, problems, counts, exitCode) => {
    const dir = `${FIXTURES}/${name}`;
    const result = await check(dir);
    const skipped =
      name === 'nothing-lost'
        ? '; skipped 4: conf-2020/.drafts/ (hidden), conf-2020/.hidden.md (hidden), conf-2020/notes.docx (not a note), conf-2020/photo.jpg (not a note)'
        : '';
    expect(result.err).toBe(
      [...problems.map((line) => `${dir}/${line}`), '', `${counts} in ${dir}${skipped}`].join('\n'),
    );
    expect(result.err).not.toMatch(/^\s+at /m);
    expect(result.code).toBe(exitCode);
  });

  it('nothing-lost: markup in titles keeps its text, "Sam Smart" and marked-up speakers are people', async () => {
    const { out } = await check(`${FIXTURES}/nothing-lost`);
    expect(out.split('\n').slice(2)).toEqual([
      "      Python's __init__ and **kwargs — Sam Smart · 1 tag, 2 links",
      '      Data pipelines — Jane Doe · 0 tags, 0 links',
      '      Caching — Ada Lovelace · 0 tags, 0 links',
      '      Async IO — Grace Hopper · 1 tag, 0 links',
    ]);
  });
});

describe('generated cases', () => {
  beforeAll(async () => {
    await rm(GENERATED, { recursive: true, force: true });
    const made = async (name: string, file: string, text: string | Uint8Array) => {
      await mkdir(`${GENERATED}/${name}/conf-2020`, { recursive: true });
      await writeFile(`${GENERATED}/${name}/conf-2020/${file}`, text);
    };
    await made(
      'deep-list',
      'day-1.md',
      `# Day 1\n\n## Deep - Jane Doe\n\n${'- '.repeat(10_000)}x\n`,
    );
    await made(
      'deep-indent',
      'day-1.md',
      `# Day 1\n\n## Deep - Jane Doe\n\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}\n`,
    );
    await made('huge', 'day-1.md', new Uint8Array(30 * 1024 * 1024).fill(0x61));
    await made('symlink-loop', 'day-1.md', '# Day 1\n\n## Loops - Jane Doe\n\nNotes.\n');
    await symlink('.', `${GENERATED}/symlink-loop/conf-2020/loop`);
    await symlink('/etc/passwd', `${GENERATED}/symlink-loop/conf-2020/passwd.md`);
  });
  afterAll(() => rm(GENERATED, { recursive: true, force: true }));

  it.each<[string, string[], string, number]>([
    [
      'deep-list',
      ['conf-2020/day-1.md:5: warning: nested deeper than 16 levels: flattened (1 line)'],
      '1 conference, 1 talk, 0 day notes, 0 errors, 1 warning',
      0,
    ],
    [
      'deep-indent',
      ['conf-2020/day-1.md:36: warning: nested deeper than 16 levels: flattened (968 lines)'],
      '1 conference, 1 talk, 0 day notes, 0 errors, 1 warning',
      0,
    ],
    [
      'huge',
      [
        'conf-2020/day-1.md:1: the file is 30.0 MB; a note may be at most 10.0 MB (split it, one file per day)',
      ],
      '0 conferences, 0 talks, 0 day notes, 1 error, 0 warnings',
      1,
    ],
    [
      'symlink-loop',
      [],
      '1 conference, 1 talk, 0 day notes, 0 errors, 0 warnings in tests/fixtures/hostile/.generated/symlink-loop; skipped 2: conf-2020/loop (a link), conf-2020/passwd.md (a link)',
      0,
    ],
  ])('%s', async (name, problems, summary, exitCode) => {
    const dir = `${GENERATED}/${name}`;
    const started = performance.now();
    const result = await check(dir);
    const full = summary.includes(' in ') ? summary : `${summary} in ${dir}`;
    expect(result.err).toBe([...problems.map((line) => `${dir}/${line}`), '', full].join('\n'));
    expect(result.code).toBe(exitCode);
    // Linear, bounded: far under the time a quadratic parse took (46 s at 1,000 levels).
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});

describe('the real command', () => {
  it('npm run notes -- check with CONTENT_DIR prints the same and exits 1', async () => {
    const dir = `${FIXTURES}/path-traversal`;
    const run = await promisify(execFile)('npm', ['run', '-s', 'notes', '--', 'check'], {
      env: { ...process.env, CONTENT_DIR: dir },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${(await check(dir)).err}\n`);
  });
});
