/** Bytes of every emitted file: raw, gzip and brotli, as a static host would serve them. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface FileSize {
  /** Relative to the build folder, `/` separators. */
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
  /** Brotli at 11 (what hosts precompress with) is very slow past a few MB; 9 is used there. */
  brotliQuality: number;
}

const BIG = 8 * 1024 * 1024;

export function compressedSizes(bytes: Uint8Array): Omit<FileSize, 'file'> {
  const brotliQuality = bytes.length > BIG ? 9 : 11;
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: brotliQuality,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
    brotliQuality,
  };
}

/** Sizes of every file under `root/<folder>` for each folder, sorted by path. */
export async function measureFiles(root: string, folders: readonly string[]): Promise<FileSize[]> {
  const sizes: FileSize[] = [];
  for (const folder of folders) {
    const entries = await readdir(join(root, folder), {
      recursive: true,
      withFileTypes: true,
    }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      const file = relative(root, path).split(sep).join('/');
      sizes.push({ file, ...compressedSizes(new Uint8Array(await readFile(path))) });
    }
  }
  return sizes.sort((a, b) => a.file.localeCompare(b.file, 'en'));
}
