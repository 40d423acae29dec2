/**
 * A table looked up by words from notes or queries: a null-prototype copy of `entries`, so a word
 * like "constructor" or "__proto__" finds nothing rather than a member of Object.prototype.
 */
export const wordTable = <T>(
  entries: Readonly<Record<string, T>>,
): Readonly<Record<string, T | undefined>> =>
  Object.assign(Object.create(null) as Record<string, T>, entries);
