/** The serialized lunr index as the compiler builds it (the site ships it sharded: shards.ts). */
import lunr from 'lunr';
import { PIPELINE_VERSION } from './pipeline';

export interface SerializedSearchIndex {
  /** lunr's version at build time; an index loads only into the same version. */
  lunrVersion: string;
  /** `PIPELINE_VERSION` at build time: tokenizer, folding and stemming must match the query side. */
  pipelineVersion: number;
  /** `lunr.Index#toJSON()`. */
  index: object;
}

/** The index file was built by another lunr or another pipeline: rebuild the site. */
export class SearchIndexMismatchError extends Error {
  override name = 'SearchIndexMismatchError';
}

/** Throws unless the file was built with this app's lunr and pipeline. */
export function checkIndexVersions(file: {
  lunrVersion?: unknown;
  pipelineVersion?: unknown;
}): void {
  if (file.lunrVersion !== lunr.version) {
    throw new SearchIndexMismatchError(
      `search index built with lunr ${String(file.lunrVersion)}, this app has ${lunr.version}`,
    );
  }
  if (file.pipelineVersion !== PIPELINE_VERSION) {
    throw new SearchIndexMismatchError(
      `search index built with pipeline ${String(file.pipelineVersion)}, this app has ${PIPELINE_VERSION}`,
    );
  }
}

/**
 * Checks the versions and loads the index. Throws `SearchIndexMismatchError` when the file was
 * built with another lunr or pipeline (a stale cache, a half-deployed site), so the app can say so
 * instead of returning wrong results.
 */
export function loadSearchIndex(data: unknown): lunr.Index {
  const file = (data ?? {}) as Partial<SerializedSearchIndex>;
  checkIndexVersions(file);
  if (typeof file.index !== 'object' || file.index === null) {
    throw new SearchIndexMismatchError('search index file has no index');
  }
  return lunr.Index.load(file.index);
}
