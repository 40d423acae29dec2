import type { HighlightSegment } from '../../shared/search/highlight';

/** What marks matches in text; loaded on demand (it brings lunr's stemmer, kept out of first load). */
export interface Highlighter {
  highlight(text: string, terms: readonly string[]): HighlightSegment[];
  snippet(text: string, terms: readonly string[], length?: number): string;
}

/** Where a search's matches are marked: its terms, and the highlighter once it has loaded. */
export interface Highlighting {
  terms: readonly string[];
  highlighter?: Highlighter | undefined;
}

/** `text` with the words that match the search in `<mark>`; plain text without a search. */
export function HighlightedText({
  text,
  highlighting,
}: {
  text: string;
  highlighting?: Highlighting | undefined;
}) {
  const highlighter = highlighting?.highlighter;
  if (!highlighting || !highlighter || highlighting.terms.length === 0) return <>{text}</>;
  return (
    <>
      {highlighter
        .highlight(text, highlighting.terms)
        .map((segment, i) => (segment.mark ? <mark key={i}>{segment.text}</mark> : segment.text))}
    </>
  );
}
