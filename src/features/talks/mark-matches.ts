import type { Highlighter } from './highlighted-text';

/**
 * Wraps the words of `root`'s text that match `terms` in `<mark>` (text nodes only: the sanitized
 * notes keep their structure) and returns the marks in document order.
 */
export function markMatches(
  root: HTMLElement,
  terms: readonly string[],
  highlighter: Highlighter,
): HTMLElement[] {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const textNodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) textNodes.push(node as Text);

  const marks: HTMLElement[] = [];
  for (const node of textNodes) {
    const segments = highlighter.highlight(node.data, terms);
    if (!segments.some((segment) => segment.mark)) continue;
    const fragment = doc.createDocumentFragment();
    for (const segment of segments) {
      if (segment.mark) {
        const mark = doc.createElement('mark');
        mark.textContent = segment.text;
        marks.push(mark);
        fragment.append(mark);
      } else {
        fragment.append(segment.text);
      }
    }
    node.replaceWith(fragment);
  }
  return marks;
}
