/** Fetches the search manifest and the bundle and builds an engine; shared by worker and page. */
import type { Bundle } from '../../shared/bundle';
import type { SearchManifest, SearchShard } from '../../shared/search/shards';
import { createSearchEngine, type SearchEngine } from './engine';
import { SearchLoadError } from './errors';

async function fetchJson(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new SearchLoadError(
      `Could not load ${url}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!response.ok) throw new SearchLoadError(`Could not load ${url}: HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new SearchLoadError(`${url} is corrupt: it is not valid JSON.`);
  }
}

export interface SearchDataUrls {
  bundleUrl: string;
  manifestUrl: string;
  /** The URL of shard `n`. */
  shardUrl: (shard: number) => string;
}

export async function loadSearchEngine(urls: SearchDataUrls): Promise<SearchEngine> {
  const manifest = await fetchJson(urls.manifestUrl);
  const loadShard = async (n: number) => (await fetchJson(urls.shardUrl(n))) as SearchShard;
  const loadTalks = async () => {
    const talks = ((await fetchJson(urls.bundleUrl)) as { talks?: unknown }).talks;
    if (!Array.isArray(talks)) throw new SearchLoadError(`${urls.bundleUrl} has no talks list.`);
    return talks as Bundle['talks'];
  };
  try {
    return createSearchEngine(manifest as SearchManifest, loadShard, loadTalks);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SearchLoadError(
      `The search index does not match this version of the app (${reason}). Rebuild with "npm run build" and reload.`,
    );
  }
}
