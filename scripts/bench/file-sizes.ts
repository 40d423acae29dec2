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
  /**
   * Brotli at 11 (what hosts precompress with) runs at about 0.5 MB/s on this JSON and costs
   * ~10 ms even on a 7 KB file, so it is used on files up to 1 KB only; 9 (~25 times faster,
   * ~15% bigger) up to 1 MB, and 5 past that (~3 times faster again): a 50,000-talk build, tens
   * of thousands of data files and a gigabyte, is measured in minutes, not an hour. Brotli
   * figures are therefore upper bounds of what a host precompressing at 11 would serve.
   */
  brotliQuality: number;
}

const BIG = 1024;
const HUGE = 1024 * 1024;

export function compressedSizes(bytes: Uint8Array): Omit<FileSize, 'file'> {
  const brotliQuality = bytes.length > HUGE ? 5 : bytes.length > BIG ? 9 : 11;
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: brotliQuality,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        // A window no bigger than the file: same output, far less set-up per small file.
        [constants.BROTLI_PARAM_LGWIN]: Math.max(
          constants.BROTLI_MIN_WINDOW_BITS,
          Math.min(constants.BROTLI_MAX_WINDOW_BITS, Math.ceil(Math.log2(bytes.length + 1))),
        ),
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
