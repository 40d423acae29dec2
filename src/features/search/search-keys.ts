/**
 * Keyboard movement between the search box (in the header) and the results (on the page): real
 * focus moves to the result links, so Enter opens one and screen readers read it.
 */
export const SEARCH_INPUT_ID = 'site-search';
const RESULT_SELECTOR = '#search-results a[data-talk-card-link]';

const results = (): HTMLAnchorElement[] => [
  ...document.querySelectorAll<HTMLAnchorElement>(RESULT_SELECTOR),
];

export function focusSearchInput(select = false): void {
  const input = document.getElementById(SEARCH_INPUT_ID);
  if (!(input instanceof HTMLInputElement)) return;
  input.focus();
  if (select) input.select();
}

/** Focuses the first result; false when there is none. */
export function focusFirstResult(): boolean {
  const first = results()[0];
  first?.focus();
  return Boolean(first);
}

export function firstResult(): HTMLAnchorElement | undefined {
  return results()[0];
}

/** Arrow keys on a focused result: the next or previous one, or back to the box above the first. */
export function moveFromResult(current: HTMLElement, step: 1 | -1): void {
  const all = results();
  const at = all.indexOf(current as HTMLAnchorElement);
  const next = all[at + step];
  if (next) next.focus();
  else if (step === -1) focusSearchInput();
}
