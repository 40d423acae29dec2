/** A small seeded PRNG (mulberry32) and the draws the generator needs. Pure and deterministic. */

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One element, the first ones far more often (Zipf, exponent `s`). */
  pickZipf<T>(items: readonly T[], s?: number): T;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
  /** A new generator whose stream depends on this one's seed and `label` only. */
  fork(label: string): Rng;
}

/** mulberry32: 32-bit state, good enough for test data, and tiny. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a: a label to a 32-bit number, to derive independent streams. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Cumulative Zipf weights by list length, computed once per (length, exponent). */
const zipfTables = new Map<string, Float64Array>();

function zipfTable(length: number, s: number): Float64Array {
  const key = `${length}:${s}`;
  let table = zipfTables.get(key);
  if (!table) {
    table = new Float64Array(length);
    let total = 0;
    for (let rank = 0; rank < length; rank++) {
      total += 1 / Math.pow(rank + 1, s);
      table[rank] = total;
    }
    for (let rank = 0; rank < length; rank++) table[rank]! /= total;
    zipfTables.set(key, table);
  }
  return table;
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    pickZipf: (items, s = 1.1) => {
      const table = zipfTable(items.length, s);
      const draw = next();
      let low = 0;
      let high = items.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (table[middle]! < draw) low = middle + 1;
        else high = middle;
      }
      return items[low]!;
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let index = copy.length - 1; index > 0; index--) {
        const other = Math.floor(next() * (index + 1));
        [copy[index], copy[other]] = [copy[other]!, copy[index]!];
      }
      return copy;
    },
    fork: (label) => createRng(hashString(`${seed}:${label}`)),
  };
  return rng;
}
