/**
 * A pure function of one line, remembered for the lines seen last: the parser asks the same
 * questions of the same line from several places (is it a heading, a speaker line, a title line).
 * Bounded, so a large folder does not keep every line alive.
 */
export function memoizeLine<T>(read: (text: string) => T, limit = 4096): (text: string) => T {
  let cache = new Map<string, T>();
  return (text) => {
    const known = cache.get(text);
    if (known !== undefined || cache.has(text)) return known as T;
    const value = read(text);
    if (cache.size >= limit) cache = new Map();
    cache.set(text, value);
    return value;
  };
}
