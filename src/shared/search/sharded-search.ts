/**
 * Search over the term-sharded index (see shards.ts): a query first finds which terms it reads
 * (its words, their prefix completions and near spellings, from the manifest's term list), then
 * fetches only the shards holding them, and runs the same `searchTalks` over a lunr index made of
 * those postings. Results and scores equal the whole index's.
 */
import lunr from 'lunr';
import { checkIndexVersions, SearchIndexMismatchError } from './index-file';
import {
  queryTerms,
  searchTalks,
  tokenSetFromArray,
  type SearchableTalk,
  type SearchOptions,
  type SearchResult,
} from './query';
import { fromPairs, type FieldPostings, type NumberedIndex, type TermPostings } from './postings';
import { SEARCH_FORMAT_VERSION, shardOf, type SearchManifest, type SearchShard } from './shards';

export class ShardedSearch {
  private readonly tokenSet: lunr.TokenSet;
  private readonly cardTokenSet: lunr.TokenSet;
  private readonly terms: ReadonlySet<string>;
  private readonly shards = new Map<number, Promise<SearchShard>>();

  constructor(
    private readonly manifest: SearchManifest,
    private readonly loadShard: (shard: number) => Promise<SearchShard>,
  ) {
    if (manifest.formatVersion !== SEARCH_FORMAT_VERSION) {
      throw new SearchIndexMismatchError(
        `search index in format ${String(manifest.formatVersion)}, this app reads format ${SEARCH_FORMAT_VERSION}`,
      );
    }
    checkIndexVersions(manifest);
    this.tokenSet = tokenSetFromArray(manifest.terms);
    this.cardTokenSet = tokenSetFromArray(manifest.cardTerms);
    this.terms = new Set(manifest.terms);
    this.numbered = { refs: manifest.talks, postings: (term) => this.postings.get(term) };
  }

  /** The postings of every term read so far, kept across queries (typing reads the same ones). */
  private readonly postings = new Map<string, TermPostings>();

  private readonly numbered: NumberedIndex;

  /**
   * An index over the postings loaded so far, for `searchTalks`: it reads each term's postings
   * (talks by number, with their weights) as the shards hold them, so nothing is rebuilt per
   * query. `hasTerm` says which terms expansion may use.
   */
  private makeIndex(hasTerm: (term: string) => boolean): lunr.Index {
    const index = new lunr.Index({
      invertedIndex: {},
      fieldVectors: {},
      tokenSet: this.tokenSet,
      fields: this.manifest.fields,
      pipeline: new lunr.Pipeline(),
    } as unknown as lunr.Index.Attributes);
    // Short prefixes complete from the card fields' terms (query.ts), which partial postings
    // cannot tell: the manifest lists them.
    return Object.assign(index, {
      cardTokenSet: this.cardTokenSet,
      numbered: this.numbered,
      hasTerm,
    });
  }

  /** The index terms `input` reads: expansion needs the term list only, never a posting. */
  termsRead(input: string, options?: SearchOptions): Set<string> {
    return queryTerms(
      this.makeIndex((term) => this.terms.has(term)),
      input,
      options,
    );
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

  /** Fetches the shards holding `terms` (cached) and adds each term's postings to the index. */
  async indexFor(
    terms: ReadonlySet<string>,
  ): Promise<{ index: lunr.Index; missingShards: number }> {
    const wanted = [
      ...new Set(
        [...terms]
          .filter((term) => !this.postings.has(term))
          .map((term) => shardOf(term, this.manifest.shardStarts)),
      ),
    ];
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
      if (this.postings.has(term)) continue;
      const shard = loaded.get(shardOf(term, this.manifest.shardStarts));
      const entry = shard && Object.hasOwn(shard, term) ? shard[term] : undefined;
      if (!entry) continue;
      const [termIndex, byField] = entry;
      const fields = new Map<string, FieldPostings>();
      for (const field of this.manifest.fields) {
        const pairs = Object.hasOwn(byField, field) ? byField[field] : undefined;
        if (pairs) fields.set(field, fromPairs(pairs));
      }
      this.postings.set(term, { termIndex, fields });
    }
    return { index: this.makeIndex((term) => this.postings.has(term)), missingShards };
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
