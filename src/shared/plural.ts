/**
 * English plurals, chosen by `Intl.PluralRules` (which knows that 1 is singular and 0, 2 and 1.5
 * are not), so no page hand-writes `n === 1 ? … : …`.
 */
const rules = new Intl.PluralRules('en');

/** The form of a word for `count`: `noun(1, 'talk')` → "talk", `noun(3, 'person', 'people')` → "people". */
export const noun = (count: number, one: string, other = `${one}s`): string =>
  rules.select(count) === 'one' ? one : other;

/** A count and its word: `plural(3, 'talk')` → "3 talks". */
export const plural = (count: number, one: string, other?: string): string =>
  `${count} ${noun(count, one, other)}`;
