/** Messages between the page and the search worker. */
import type { SearchAnswer } from './engine';

/** Stands for the talk id in a talk file URL pattern (a function cannot be posted to a worker). */
export const TALK_ID_SLOT = '{id}';

export interface LoadRequest {
  type: 'load';
  /** A talk's file URL is this with `{id}` replaced. */
  talkUrlPattern: string;
  manifestUrl: string;
  /** Shard URLs are this with `{n}` replaced (functions cannot be posted). */
  shardUrlPattern: string;
}

export interface SearchRequest {
  type: 'search';
  /** Matches the reply to its request. */
  id: number;
  input: string;
}

export type WorkerRequest = LoadRequest | SearchRequest;

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'answer'; id: number; answer: SearchAnswer }
  | { type: 'error'; id?: number; message: string };
