/**
 * Search over the term-sharded index (see shards.ts): a query first finds which terms it reads
 * (its words, their prefix completions and near spellings, from the manifest's term list), then
 * fetches only the shards holding them, and runs the same `searchTalks` over a lunr index made of
 * those postings. Results and scores equal the whole index's.
 */
import lunr from 'lunr';
import { checkIndexVersions } from './index-file';
import {
  searchTalks,
  tokenSetFromArray,
  type SearchableTalk,
  type SearchOptions,
  type SearchResult,
} from './query';
import { shardOf, type SearchManifest, type SearchShard } from './shards';

/** A term's posting as lunr stores it: its vector index, and per field the talks holding it. */
type Posting = Record<string, number | Record<string, object>>;

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

  private makeIndex(invertedIndex: object, fieldVectors: object): lunr.Index {
    const index = new lunr.Index({
      invertedIndex,
      fieldVectors,
      tokenSet: this.tokenSet,
      fields: this.manifest.fields,
      pipeline: new lunr.Pipeline(),
    } as unknown as lunr.Index.Attributes);
    // Short prefixes complete from the card fields' terms (query.ts), which partial postings
    // cannot tell: the manifest lists them.
    return Object.assign(index, { cardTokenSet: this.cardTokenSet });
  }

  /**
   * The index terms `input` reads, each with the fields it is read in: the query runs against
   * postings that are all empty, and every lookup is noted. No document matches, so nothing is
   * scored; the lookups are the ones the real run makes, because expansion depends on the term
   * list alone.
   */
  termsRead<Id extends string>(
    input: string,
    talksById: ReadonlyMap<Id, SearchableTalk>,
    options?: SearchOptions,
  ): Map<string, Set<string>> {
    const read = new Map<string, Set<string>>();
    const fields = new Set(this.manifest.fields);
    const invertedIndex = new Proxy(
      {},
      {
        get: (_target, term) => {
          if (typeof term !== 'string' || !this.terms.has(term)) return undefined;
          const inFields = read.get(term) ?? new Set<string>();
          read.set(term, inFields);
          return new Proxy(
            {},
            {
              get: (_posting, field) => {
                if (field === '_index') return 0;
                if (typeof field !== 'string' || !fields.has(field)) return undefined;
                inFields.add(field);
                return {};
              },
            },
          );
        },
      },
    );
    searchTalks(this.makeIndex(invertedIndex, {}), talksById, input, options);
    return read;
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

  /**
   * The postings and field vectors of every (term, field) read so far, kept across queries: typing
   * reads mostly the same terms keystroke after keystroke, and rebuilding them for each one was a
   * third of a query's time at 10,000 talks. A field vector may hold terms other queries read;
   * scores do not change, because lunr divides a field's dot product by the query vector's length
   * only, and a query reads only its own terms.
   */
  private readonly invertedIndex: Record<string, Posting> = {};
  private readonly fieldVectors: Record<string, lunr.Vector> = {};
  private readonly filled = new Set<string>();

  /**
   * Fetches the shards holding `terms` (cached) and adds each term, in the fields it is read in,
   * to the index kept across queries (the other fields stay empty: they are never read).
   */
  async indexFor(
    terms: ReadonlyMap<string, ReadonlySet<string>>,
  ): Promise<{ index: lunr.Index; missingShards: number }> {
    const wanted = [
      ...new Set([...terms.keys()].map((term) => shardOf(term, this.manifest.shardCount))),
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
    for (const [term, readIn] of terms) {
      const entry = loaded.get(shardOf(term, this.manifest.shardCount))?.[term];
      if (!entry) continue;
      const [termIndex, byField] = entry;
      let posting = this.invertedIndex[term];
      if (!posting) {
        posting = { _index: termIndex };
        for (const field of this.manifest.fields) posting[field] = {};
        this.invertedIndex[term] = posting;
      }
      for (const field of readIn) {
        const key = `${field}\u0000${term}`;
        if (this.filled.has(key)) continue;
        this.filled.add(key);
        const docs = posting[field] as Record<string, object>;
        for (const [talk, weight] of Object.entries(byField[field] ?? {})) {
          docs[talk] = {};
          const fieldRef = `${field}/${talk}`;
          const vector = (this.fieldVectors[fieldRef] ??= new lunr.Vector([]));
          vector.upsert(termIndex, weight, (_, latest) => latest);
        }
      }
    }
    return { index: this.makeIndex(this.invertedIndex, this.fieldVectors), missingShards };
  }

  async search<Id extends string>(
    input: string,
    talksById: ReadonlyMap<Id, SearchableTalk>,
    options?: SearchOptions,
  ): Promise<SearchResult<Id> & { missingShards: number }> {
    const terms = this.termsRead(input, talksById, options);
    const { index, missingShards } = await this.indexFor(terms);
    return { ...searchTalks(index, talksById, input, options), missingShards };
  }
}
