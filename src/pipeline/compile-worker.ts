/** A worker thread of worker-pool.ts: compiles each file it is handed. */
import Tinypool from 'tinypool';
import { compileFile, type CompiledFile } from './compile-file';
import type { Vocabulary } from './enrich/tags';
import type { RawFile } from './read/files';

const { vocabulary } = Tinypool.workerData as { vocabulary: Vocabulary };

export default function compileInWorker(file: RawFile): CompiledFile {
  return compileFile(file, vocabulary);
}
