/**
 * Keystroke-to-results timing, as `performance` entries the benchmark reads
 * (`performance.getEntriesByName('lanyard:search')`): start at the input event, end when the
 * results for that input are committed to the page.
 */
export const SEARCH_MEASURE = 'lanyard:search';

const typedAt = new Map<string, number>();

export function markKeystroke(input: string): void {
  if (typedAt.size > 200) typedAt.clear();
  typedAt.set(input, performance.now());
}

export function measureResults(input: string, hits: number): void {
  const start = typedAt.get(input);
  if (start === undefined) return;
  typedAt.delete(input);
  performance.measure(SEARCH_MEASURE, { start, end: performance.now(), detail: { input, hits } });
}
