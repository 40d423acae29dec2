/**
 * A search result's display record: what a result row shows (title, speakers, conference and
 * day, track, excerpt, tags), so the first results render from a few small files fetched with
 * the shards, not from the whole catalog (about 1.1 MB gzip at 10,000 talks).
 *
 * `data/search/cards/<n>.json` holds the records of the talks numbered
 * `n × CARDS_PER_FILE` up to the next file's, a talk's number being its place in the manifest's
 * `talks`; `null` where that number is a day note (those render from the catalog). The file layout
 * (`CARDS_PER_FILE`, `cardFileOf`) is in shards.ts, which the app's JavaScript reads without zod.
 */
import { z } from 'zod';
import { catalogTalk } from '../bundle';

export const resultCard = catalogTalk
  .pick({
    id: true,
    title: true,
    speakers: true,
    conference: true,
    day: true,
    track: true,
    tags: true,
    excerpt: true,
    linkCount: true,
  })
  .extend({
    /** The conference's display name ("linux.conf.au 2018"). */
    conferenceName: z.string(),
    /** Each of `tags`' display names, in the same order. */
    tagNames: z.array(z.string()),
  });
export type ResultCard = z.infer<typeof resultCard>;

export const resultCardsFile = z.array(resultCard.nullable());
export type ResultCardsFile = z.infer<typeof resultCardsFile>;
