/**
 * The one place every file the build writes is resolved: notes are untrusted (a shared notes
 * repository takes pull requests from anyone), and a page's or data file's name comes from them.
 * Ids are validated long before (shared/ids.ts, `idProblem`); this is the last guard, so a file
 * outside the output folder is never written even if a name slips through.
 */
import path from 'node:path';

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
