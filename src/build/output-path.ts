/**
 * The one place every file the build writes is resolved: notes are untrusted (a shared notes
 * repository takes pull requests from anyone), and a page's or data file's name comes from them.
 * Ids are validated long before (shared/ids.ts, `idProblem`); this is the last guard, so a file
 * outside the output folder is never written even if a name slips through.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';

/** True when `file` is `dir` or somewhere under it. */
export function isInside(dir: string, file: string): boolean {
  const relative = path.relative(path.resolve(dir), path.resolve(file));
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}

/**
 * The absolute path of `file` (relative, `/` separators) in `outDir`. Throws for a name that would
 * land outside it (`../x`, `/etc/x`, `a/../../x`), is empty, or holds a NUL.
 */
export function outputPath(outDir: string, file: string): string {
  const root = path.resolve(outDir);
  const target = path.resolve(root, file);
  if (
    file === '' ||
    file.includes('\0') ||
    path.isAbsolute(file) ||
    target === root ||
    !isInside(root, target)
  ) {
    throw new Error(
      `lanyard: refused to write "${file}": it is not a file inside the output folder ${root}`,
    );
  }
  return target;
}

/**
 * Writes files under `dir` while the next page renders: up to `inFlight` at once, with p-limit (a
 * build of 10,000 talks writes 14,000 pages, and waiting on each one's directory and file left the
 * CPU idle). `flush` waits for the rest and throws the first failure.
 */
export function fileWriter(dir: string, inFlight = 32) {
  const limit = pLimit(inFlight);
  const writes: Promise<void>[] = [];
  let failure: { error: unknown } | undefined;
  // Each folder made once: thousands of files share a few hundred folders.
  const folders = new Map<string, Promise<unknown>>();
  const writeOne = async (file: string, text: string | Uint8Array) => {
    const target = outputPath(dir, file);
    const folder = path.dirname(target);
    let made = folders.get(folder);
    if (!made) folders.set(folder, (made = mkdir(folder, { recursive: true })));
    await made;
    await writeFile(target, text);
  };
  return {
    write: async (file: string, text: string | Uint8Array): Promise<void> => {
      if (failure) throw failure.error;
      const done = limit(() => writeOne(file, text)).catch((error: unknown) => {
        failure ??= { error };
      });
      writes.push(done);
      // The renderer waits while a second full set of pages waits to be written: memory stays flat.
      if (limit.pendingCount >= inFlight) await done;
    },
    flush: async (): Promise<void> => {
      await Promise.all(writes);
      if (failure) throw failure.error;
    },
  };
}
