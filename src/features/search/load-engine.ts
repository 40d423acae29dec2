/** Fetches the search manifest and builds an engine; shared by worker and page. */
import type { TalkId } from '../../shared/ids';
import type { SearchableTalk } from '../../shared/search/query';
import type { SearchManifest, SearchShard } from '../../shared/search/shards';
import { createSearchEngine, type SearchEngine } from './engine';
import { SearchLoadError } from './errors';

/** A download of the index that takes longer than this has failed: search never waits forever. */
export const FETCH_TIMEOUT_MS = 15_000;

export async function fetchJson(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    throw new SearchLoadError(
      offline
        ? `${url} is not saved on this device, and this device is offline.`
        : `Could not load ${url}: ${error instanceof Error ? error.message : String(error)}`,
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
  /** The URL of a talk's own file (its title and text, for "phrases"). */
  talkUrl: (id: TalkId) => string;
  manifestUrl: string;
  /** The URL of shard `n`. */
  shardUrl: (shard: number) => string;
}

export async function loadSearchEngine(urls: SearchDataUrls): Promise<SearchEngine> {
  const manifest = await fetchJson(urls.manifestUrl);
  const loadShard = async (n: number) => (await fetchJson(urls.shardUrl(n))) as SearchShard;
  const loadTalk = async (id: TalkId): Promise<SearchableTalk> => {
    const talk = (await fetchJson(urls.talkUrl(id))) as Partial<SearchableTalk>;
    if (typeof talk.title !== 'string' || typeof talk.text !== 'string') {
      throw new SearchLoadError(`${urls.talkUrl(id)} has no title or text.`);
    }
    return { title: talk.title, text: talk.text };
  };
  try {
    return createSearchEngine(manifest as SearchManifest, loadShard, loadTalk);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SearchLoadError(
      `The search index does not match this version of the app (${reason}). Rebuild with "npm run build" and reload.`,
    );
  }
}
