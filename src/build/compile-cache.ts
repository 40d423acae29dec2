/**
 * The persistent cache of compiled note files (`node_modules/.cache/lanyard` by default): a rebuild
 * after editing one note parses and renders that note alone. A file's entry is found by the hash
 * of its path and bytes, inside a folder named by the hash of the compiler (its sources and the
 * locked dependency versions) and of the tag vocabulary, so a changed compiler or vocabulary finds
 * nothing and compiles every file again. Each entry is one file (`v8.serialize`, as worker threads
 * hand results back); a build keeps the entries it used and removes the rest.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CompiledFile } from '../pipeline/compile-file';
import type { CompiledFileCache } from '../pipeline/compile';
import type { Vocabulary } from '../pipeline/enrich/tags';
import type { RawFile } from '../pipeline/read/files';

/** What a compiled file depends on besides its own bytes: the code that compiles it. */
const COMPILER_SOURCES = ['src/pipeline', 'src/shared'];
const COMPILER_FILES = ['package-lock.json'];

const sha256 = () => createHash('sha256');

/** Every file under `dir`, sorted, as paths relative to `root`; none when it does not exist. */
async function filesUnder(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), {
    recursive: true,
    withFileTypes: true,
  }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * The compiler's version: a hash of its sources (`src/pipeline`, `src/shared`) and the lock file,
 * so editing the compiler or upgrading a markdown package invalidates every entry.
 */
export async function compilerVersion(root: string): Promise<string> {
  const hash = sha256();
  const files = [
    ...(await Promise.all(COMPILER_SOURCES.map((dir) => filesUnder(root, dir)))).flat(),
    ...COMPILER_FILES,
  ];
  for (const file of files) {
    const bytes = await readFile(path.join(root, file)).catch(() => null);
    hash.update(`${file}\0${bytes ? bytes.length : -1}\0`);
    if (bytes) hash.update(bytes);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The key of one file's entry: its path (conference and day come from it) and its bytes. */
export const entryKey = (file: RawFile): string =>
  sha256().update(file.path).update('\0').update(file.bytes).digest('hex').slice(0, 32);

/** The folder of one compiler and vocabulary's entries. */
const scopeOf = (compiler: string, vocabulary: Vocabulary): string =>
  sha256()
    .update(compiler)
    .update('\0')
    .update(JSON.stringify(vocabulary))
    .digest('hex')
    .slice(0, 16);

/** A {@link CompiledFileCache} in `dir`, for the compiler whose version is `compiler`. */
export function compileCache(dir: string, compiler: string): CompiledFileCache {
  let scopeDir: string | undefined;
  return {
    async lookup(files, vocabulary) {
      scopeDir = path.join(dir, scopeOf(compiler, vocabulary));
      const folder = scopeDir;
      return Promise.all(
        files.map(async (file) => {
          const bytes = await readFile(path.join(folder, entryKey(file))).catch(() => null);
          return bytes ? (deserialize(bytes) as CompiledFile) : undefined;
        }),
      );
    },

    async store(files, compiled, fresh) {
      if (!scopeDir) throw new Error('compile cache: store before lookup');
      const folder = scopeDir;
      await mkdir(folder, { recursive: true });
      const keys = new Set(files.map(entryKey));
      await Promise.all(
        files.map(async (file, at) => {
          if (!fresh[at]) return;
          // Written aside, then renamed: a build stopped halfway leaves no half-written entry.
          const target = path.join(folder, entryKey(file));
          const partial = `${target}.${process.pid}.tmp`;
          await writeFile(partial, serialize(compiled[at]));
          await rename(partial, target);
        }),
      );
      // Entries no file has now, and other compilers' and vocabularies' folders, go.
      const stale = [
        ...(await readdir(folder))
          .filter((name) => !keys.has(name))
          .map((name) => path.join(folder, name)),
        ...(await readdir(dir))
          .filter((name) => name !== path.basename(folder))
          .map((name) => path.join(dir, name)),
      ];
      await Promise.all(stale.map((file) => rm(file, { recursive: true, force: true })));
    },
  };
}

/**
 * A {@link CompiledFileCache} in memory, for the dev server: a save recompiles the saved file
 * alone. The compiler cannot change under it (editing the compiler restarts the server).
 */
export function memoryCache(): CompiledFileCache {
  let scope = '';
  let entries = new Map<string, CompiledFile>();
  return {
    lookup(files, vocabulary) {
      const now = JSON.stringify(vocabulary);
      if (now !== scope) {
        scope = now;
        entries = new Map();
      }
      return Promise.resolve(files.map((file) => entries.get(entryKey(file))));
    },
    store(files, compiled) {
      entries = new Map(files.map((file, at) => [entryKey(file), compiled[at]!]));
      return Promise.resolve();
    },
  };
}
