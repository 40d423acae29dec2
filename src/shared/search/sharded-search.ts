/**
 * Search over the term-sharded index (see shards.ts): a query first finds which terms it reads
 * (its words, their prefix completions and near spellings, from the manifest's term list), then
 * fetches only the shards holding them, and runs the same `searchTalks` over a lunr index made of
 * those postings. Results and scores equal the whole index's.
 */
import lunr from 'lunr';
import { checkIndexVersions } from './index-file';
import {
  queryTerms,
  searchTalks,
  tokenSetFromArray,
  type SearchableTalk,
  type SearchOptions,
  type SearchResult,
} from './query';
import { shardOf, type SearchManifest, type SearchShard } from './shards';

/** A term's posting: its vector index, and per field each talk's weight (the shard entry). */
type Posting = Record<string, number | Record<string, number>>;

export class ShardedSearch {
  private readonly tokenSet: lunr.TokenSet;
  private readonly cardTokenSet: lunr.TokenSet;
  private readonly terms: ReadonlySet<string>;
  private readonly shards = new Map<number, Promise<SearchShard>>();

  constructor(
    private readonly manifest: SearchManifest,
    private readonly loadShard: (shard: number) => Promise<SearchShard>,
  ) {
    checkIndexVersions(manifest);
    this.tokenSet = tokenSetFromArray(manifest.terms);
    this.cardTokenSet = tokenSetFromArray(manifest.cardTerms);
    this.terms = new Set(manifest.terms);
  }

  /**
   * An index over the postings loaded so far, for `searchTalks`: each term's posting is its
   * shard entry as fetched (per field, each talk's weight), and the scorer reads the weights
   * from it, so nothing is rebuilt per query.
   */
  private makeIndex(invertedIndex: object): lunr.Index {
    const index = new lunr.Index({
      invertedIndex,
      fieldVectors: {},
      tokenSet: this.tokenSet,
      fields: this.manifest.fields,
      pipeline: new lunr.Pipeline(),
    } as unknown as lunr.Index.Attributes);
    // Short prefixes complete from the card fields' terms (query.ts), which partial postings
    // cannot tell: the manifest lists them.
    return Object.assign(index, { cardTokenSet: this.cardTokenSet });
  }

  /** The index terms `input` reads: expansion needs the term list only, never a posting. */
  termsRead(input: string, options?: SearchOptions): Set<string> {
    const index = Object.assign(this.makeIndex({}), {
      hasTerm: (term: string) => this.terms.has(term),
    });
    return queryTerms(index, input, options);
  }

  private shard(n: number): Promise<SearchShard> {
    let shard = this.shards.get(n);
    if (!shard) {
      shard = this.loadShard(n);
      this.shards.set(n, shard);
      // A failed download is tried again by the next query.
      shard.catch(() => this.shards.delete(n));
    }
    return shard;
  }

  /** The postings of every term read so far, kept across queries (typing reads the same ones). */
  // Keyed by words from notes and queries: no prototype, so "constructor" is only a word.
  private readonly invertedIndex: Record<string, Posting> = Object.create(null) as Record<
    string,
    Posting
  >;

  /** Fetches the shards holding `terms` (cached) and adds each term's posting to the index. */
  async indexFor(
    terms: ReadonlySet<string>,
  ): Promise<{ index: lunr.Index; missingShards: number }> {
    const wanted = [...new Set([...terms].map((term) => shardOf(term, this.manifest.shardStarts)))];
    // A shard that cannot be had (offline, and not saved on this device) is searched without:
    // the answer says part of the index is missing rather than waiting for it.
    const settled = await Promise.allSettled(
      wanted.map(async (n) => [n, await this.shard(n)] as const),
    );
    const loaded = new Map(
      settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])),
    );
    const missingShards = wanted.length - loaded.size;
    for (const term of terms) {
      if (this.invertedIndex[term]) continue;
      const shard = loaded.get(shardOf(term, this.manifest.shardStarts));
      const entry = shard && Object.hasOwn(shard, term) ? shard[term] : undefined;
      if (!entry) continue;
      const [termIndex, byField] = entry;
      const posting: Posting = { _index: termIndex };
      for (const field of this.manifest.fields) {
        const pairs = Object.hasOwn(byField, field) ? byField[field] : undefined;
        if (!pairs) continue;
        const weights: Record<string, number> = {};
        for (let i = 0; i + 1 < pairs.length; i += 2) {
          const talk = this.manifest.talks[pairs[i]!];
          if (talk !== undefined) weights[talk] = pairs[i + 1]!;
        }
        posting[field] = weights;
      }
      this.invertedIndex[term] = posting;
    }
    return { index: this.makeIndex(this.invertedIndex), missingShards };
  }

  async search<Id extends string>(
    input: string,
    talksById: ReadonlyMap<Id, SearchableTalk>,
    options?: SearchOptions,
  ): Promise<SearchResult<Id> & { missingShards: number }> {
    const terms = this.termsRead(input, options);
    const { index, missingShards } = await this.indexFor(terms);
    return { ...searchTalks(index, talksById, input, options), missingShards };
  }
}
