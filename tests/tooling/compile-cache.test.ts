/**
 * The persistent compile cache on its own: what invalidates an entry (the file's bytes, the
 * vocabulary, the compiler) and what it keeps. The build's use of it is tests/tooling/build-cache.
 */
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileCache, compilerVersion, memoryCache } from '../../src/build/compile-cache';
import { compileFile } from '../../src/pipeline/compile-file';
import { compileNotes, loadVocabulary, type CompileProgress } from '../../src/pipeline/compile';
import type { RawFile } from '../../src/pipeline/read/files';
import { toTagId } from '../../src/shared/ids';

const ROOT = path.resolve(import.meta.dirname, '../..');
const text = (s: string) => new TextEncoder().encode(s);

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lanyard-compile-cache-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const files: RawFile[] = [
  {
    path: 'conf-2024/day-1.md',
    bytes: text('# Day 1\n\n## Kubernetes at scale - Jane Doe\n\nPods.\n'),
  },
  {
    path: 'conf-2024/day-2.md',
    bytes: text('# Day 2\n\n## Rust in production - Sam Lee\n\nTraits.\n'),
  },
];

describe('the compile cache', () => {
  it('gives back what was stored, equal to a fresh compile, and finds nothing for changed bytes', async () => {
    const { vocabulary } = await loadVocabulary(path.join(dir, 'no-notes'));
    const compiled = files.map((file) => compileFile(file, vocabulary));
    const cache = compileCache(path.join(dir, 'cache'), 'v1');
    expect(await cache.lookup(files, vocabulary)).toEqual([undefined, undefined]);
    await cache.store(files, compiled, [true, true]);

    const again = compileCache(path.join(dir, 'cache'), 'v1');
    expect(await again.lookup(files, vocabulary)).toEqual(compiled);
    const edited = [files[0]!, { ...files[1]!, bytes: text('# Day 2\n\n## Go - Ann\n') }];
    expect(await again.lookup(edited, vocabulary)).toEqual([compiled[0], undefined]);
  });

  it('finds nothing after the vocabulary or the compiler changed, and drops what is stale', async () => {
    const { vocabulary } = await loadVocabulary(path.join(dir, 'no-notes'));
    const compiled = files.map((file) => compileFile(file, vocabulary));
    const first = compileCache(path.join(dir, 'cache'), 'v1');
    await first.lookup(files, vocabulary);
    await first.store(files, compiled, [true, true]);
    const moreTags = [
      ...vocabulary,
      { id: toTagId('Zig'), name: 'Zig', synonyms: [], matchName: true },
    ];
    expect(await compileCache(path.join(dir, 'cache'), 'v1').lookup(files, moreTags)).toEqual([
      undefined,
      undefined,
    ]);
    const newCompiler = compileCache(path.join(dir, 'cache'), 'v2');
    expect(await newCompiler.lookup(files, vocabulary)).toEqual([undefined, undefined]);
    // The new compiler's store leaves only its own folder, with one entry per file it has now.
    await newCompiler.store(files.slice(0, 1), compiled.slice(0, 1), [true]);
    const folders = await readdir(path.join(dir, 'cache'));
    expect(folders).toHaveLength(1);
    expect(await readdir(path.join(dir, 'cache', folders[0]!))).toHaveLength(1);
  });

  it("changes the compiler's version when a compiler source or the lock file changes", async () => {
    const root = path.join(dir, 'project');
    await mkdir(path.join(root, 'src'), { recursive: true });
    await cp(path.join(ROOT, 'src/pipeline/compile-file.ts'), path.join(root, 'src/pipeline/a.ts'));
    await writeFile(path.join(root, 'package-lock.json'), '{}');
    const first = await compilerVersion(root);
    expect(await compilerVersion(root)).toBe(first);
    await writeFile(path.join(root, 'src/pipeline/a.ts'), '// edited\n', { flag: 'a' });
    const second = await compilerVersion(root);
    expect(second).not.toBe(first);
    await writeFile(path.join(root, 'package-lock.json'), '{"v":2}');
    const third = await compilerVersion(root);
    expect(third).not.toBe(second);
    // The app is not the compiler: editing it keeps the cache.
    await mkdir(path.join(root, 'src/app'));
    await writeFile(path.join(root, 'src/app/page.tsx'), 'export {};');
    expect(await compilerVersion(root)).toBe(third);
  });

  it('compiles only what the cache lacks, and tells how far it has come', async () => {
    const notes = path.join(dir, 'notes');
    for (const file of files) {
      await mkdir(path.dirname(path.join(notes, file.path)), { recursive: true });
      await writeFile(path.join(notes, file.path), file.bytes);
    }
    const now = new Date('2024-05-01T00:00:00Z');
    const cold = await compileNotes({ contentDir: notes, now, workers: 0 });
    const cache = () => compileCache(path.join(dir, 'cache'), 'v1');
    await compileNotes({ contentDir: notes, now, workers: 0, cache: cache() });
    const events: CompileProgress[] = [];
    const warm = await compileNotes({
      contentDir: notes,
      now,
      workers: 0,
      cache: cache(),
      onProgress: (event) => events.push(event),
    });
    expect(warm).toEqual(cold);
    expect(events).toEqual([
      { stage: 'read', files: 2, bytes: files[0]!.bytes.length + files[1]!.bytes.length },
      { stage: 'parse', done: 2, total: 2, cached: 2 },
    ]);
  });

  it("in the dev server's memory: keeps the last compile's files, forgets them for a new vocabulary", async () => {
    const { vocabulary } = await loadVocabulary(path.join(dir, 'no-notes'));
    const compiled = files.map((file) => compileFile(file, vocabulary));
    const cache = memoryCache();
    expect(await cache.lookup(files, vocabulary)).toEqual([undefined, undefined]);
    await cache.store(files, compiled, [true, true]);
    const edited = [files[0]!, { ...files[1]!, bytes: text('# Day 2\n\n## Go - Ann\n') }];
    const found = await cache.lookup(edited, vocabulary);
    expect(found[0]).toBe(compiled[0]);
    expect(found[1]).toBeUndefined();
    const moreTags = [
      ...vocabulary,
      { id: toTagId('Zig'), name: 'Zig', synonyms: [], matchName: true },
    ];
    expect(await cache.lookup(files, moreTags)).toEqual([undefined, undefined]);
  });
});
