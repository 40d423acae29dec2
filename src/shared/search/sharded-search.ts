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
   * Fetches the shards holding `terms` (cached) and builds a lunr index of just those terms, each
   * with the talks of the fields it is read in (the others stay empty: they are never read).
   */
  async indexFor(terms: ReadonlyMap<string, ReadonlySet<string>>): Promise<lunr.Index> {
    const wanted = [
      ...new Set([...terms.keys()].map((term) => shardOf(term, this.manifest.shardCount))),
    ];
    const loaded = new Map(
      await Promise.all(wanted.map(async (n) => [n, await this.shard(n)] as const)),
    );
    const invertedIndex: Record<string, Posting> = {};
    const elements = new Map<string, Array<[number, number]>>();
    for (const [term, readIn] of terms) {
      const entry = loaded.get(shardOf(term, this.manifest.shardCount))?.[term];
      if (!entry) continue;
      const [termIndex, byField] = entry;
      const posting: Posting = { _index: termIndex };
      for (const field of this.manifest.fields) {
        const weights = readIn.has(field) ? (byField[field] ?? {}) : {};
        const docs: Record<string, object> = {};
        for (const [talk, weight] of Object.entries(weights)) {
          docs[talk] = {};
          const fieldRef = `${field}/${talk}`;
          let list = elements.get(fieldRef);
          if (!list) elements.set(fieldRef, (list = []));
          list.push([termIndex, weight]);
        }
        posting[field] = docs;
      }
      invertedIndex[term] = posting;
    }
    const fieldVectors: Record<string, lunr.Vector> = {};
    for (const [fieldRef, pairs] of elements) {
      pairs.sort((a, b) => a[0] - b[0]);
      fieldVectors[fieldRef] = new lunr.Vector(pairs.flat());
    }
    return this.makeIndex(invertedIndex, fieldVectors);
  }

  async search<Id extends string>(
    input: string,
    talksById: ReadonlyMap<Id, SearchableTalk>,
    options?: SearchOptions,
  ): Promise<SearchResult<Id>> {
    const terms = this.termsRead(input, talksById, options);
    const index = await this.indexFor(terms);
    return searchTalks(index, talksById, input, options);
  }
}
