/** The generator's only file I/O: writing a corpus to a folder. */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pLimit from 'p-limit';
import type { Corpus } from './generate';

/** Marks a folder as ours, so a second run may replace it. Hidden: the compiler skips it. */
export const MANIFEST = '.corpus.json';

/** Empty `dir`, unless it holds something that is not a corpus. */
async function prepareFolder(dir: string): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  if (entries.length === 0) return;
  if (!entries.includes(MANIFEST)) {
    throw new Error(`${dir} is not empty and holds no ${MANIFEST}: refusing to write into it`);
  }
  await rm(dir, { recursive: true, force: true });
}

/** Write every file (replacing an earlier corpus in `dir`); returns the bytes written. */
export async function writeCorpus(corpus: Corpus, dir: string, seed: number): Promise<number> {
  await prepareFolder(dir);
  await mkdir(dir, { recursive: true });
  const folders = new Set(corpus.files.map((file) => dirname(join(dir, file.path))));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
  let bytes = 0;
  // At most 256 at once: tens of thousands of open files at once would exhaust descriptors.
  const limit = pLimit(256);
  await Promise.all(
    corpus.files.map((file) =>
      limit(() => {
        bytes += Buffer.byteLength(file.text);
        return writeFile(join(dir, file.path), file.text);
      }),
    ),
  );
  const manifest = { seed, talks: corpus.talks, files: corpus.files.length };
  await writeFile(join(dir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  return bytes;
}
