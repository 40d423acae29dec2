/**
 * The reader's starred talks: talk ids in the browser's localStorage (no account, no server),
 * in the order they were starred. Every tab and component sees one list; a star added in another
 * tab arrives through the `storage` event.
 */
import { useSyncExternalStore } from 'react';
import type { TalkId } from '../../shared/ids';

const STORAGE_KEY = 'lanyard:starred';

const NONE: readonly TalkId[] = [];

const listeners = new Set<() => void>();
/** The last list read, kept so a snapshot stays the same object until the list changes. */
let cached: { raw: string | null; ids: readonly TalkId[] } | undefined;

/** Storage can be missing (private modes, a blocked origin): then nothing is starred, and stars
 * last as long as the page. */
let memoryOnly: string | null = null;
function readRaw(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return memoryOnly;
  }
}
function writeRaw(raw: string): void {
  memoryOnly = raw;
  try {
    window.localStorage.setItem(STORAGE_KEY, raw);
  } catch {
    // Kept in memory only; see readRaw.
  }
}

/** The stored list; anything that is not a list of strings (edited by hand, an old format) is empty. */
export function parseStars(raw: string | null): readonly TalkId[] {
  if (!raw) return NONE;
  try {
    const data: unknown = JSON.parse(raw);
    if (!Array.isArray(data)) return NONE;
    return [
      ...new Set(data.filter((id): id is string => typeof id === 'string' && id !== '')),
    ] as TalkId[];
  } catch {
    return NONE;
  }
}

function readStars(): readonly TalkId[] {
  const raw = readRaw();
  if (cached?.raw !== raw) cached = { raw, ids: parseStars(raw) };
  return cached.ids;
}

function writeStars(ids: readonly TalkId[]): void {
  writeRaw(JSON.stringify(ids));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The starred ids; none while prerendering and hydrating (the server knows no one's stars). */
export const useStars = (): readonly TalkId[] =>
  useSyncExternalStore(subscribe, readStars, () => NONE);

/** Stars the talk, or unstars it when already starred. */
export function toggleStar(id: TalkId): void {
  const ids = readStars();
  writeStars(ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id]);
}

/** Stars every talk of `ids` not starred yet, after the ones already starred. */
export function addStars(ids: readonly TalkId[]): void {
  const current = readStars();
  writeStars([...new Set([...current, ...ids])]);
}
