/**
 * Where matched terms occur in a talk's text, accent-insensitively: segments for `<mark>` and a
 * snippet around the best match. Terms are what `searchTalks` reports (stems such as `kubernet`,
 * prefixes typed so far, CJK bigrams, phrases); a word is marked when it starts with a term or
 * stems to it.
 */
import { fold, foldWithMap, isCjk, stem as stemWord } from './pipeline';

/** Stems by word: highlighting stems every word of a talk on every keystroke, mostly the same ones. */
const stems = new Map<string, string>();
function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    if (stems.size > 50_000) stems.clear();
    stemmed = stemWord(word);
    stems.set(word, stemmed);
  }
  return stemmed;
}

export interface HighlightSegment {
  text: string;
  mark: boolean;
}

interface Range {
  start: number;
  end: number;
  term: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A term as a pattern over folded text; null when it has nothing to match. */
function toMatcher(
  term: string,
): { kind: 'word'; folded: string } | { kind: 'regex'; regex: RegExp } | null {
  const words = fold(term).match(WORD) ?? [];
  if (words.length === 0) return null;
  if (words.length === 1 && !isCjk(words[0])) return { kind: 'word', folded: words[0] };
  // Phrases (words in order, any separators between) and CJK (anywhere inside a word).
  const source = words.map(escape).join('[^\\p{L}\\p{N}\\p{M}]+');
  return { kind: 'regex', regex: new RegExp(source, 'gu') };
}

/** A text folded, with its words (offsets in the folded text) and their stems. */
interface FoldedText {
  folded: string;
  map: number[];
  /** Made on first use: only word terms read them. */
  words?: Array<{ start: number; end: number; word: string; stem: string }>;
}

/**
 * Folded texts by text, for the few hundred most recent: every keystroke marks the same cards'
 * texts again with new terms. Folding, splitting into words and stemming them were most of that
 * work at 10,000 talks, so each text is done once.
 */
const foldedTexts = new Map<string, FoldedText>();
const FOLDED_TEXTS_KEPT = 300;

function foldedOf(text: string): FoldedText {
  let result = foldedTexts.get(text);
  if (!result) {
    if (foldedTexts.size >= FOLDED_TEXTS_KEPT) foldedTexts.clear();
    result = foldWithMap(text);
    foldedTexts.set(text, result);
  }
  return result;
}

function wordsOf(entry: FoldedText): NonNullable<FoldedText['words']> {
  entry.words ??= [...entry.folded.matchAll(WORD)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    word: match[0],
    stem: stem(match[0]),
  }));
  return entry.words;
}

/** End offset in the original text of the folded range ending at `foldedEnd`. */
function originalEnd(text: string, map: number[], foldedEnd: number): number {
  if (foldedEnd === 0) return 0;
  const start = map[foldedEnd - 1]!;
  const codePoint = text.codePointAt(start) ?? 0;
  return start + (codePoint > 0xffff ? 2 : 1);
}

function findRanges(text: string, terms: readonly string[]): Range[] {
  if (text === '' || terms.length === 0) return [];
  const entry = foldedOf(text);
  const { folded, map } = entry;
  const ranges: Range[] = [];
  const push = (start: number, end: number, term: number) => {
    if (end > start) ranges.push({ start: map[start]!, end: originalEnd(text, map, end), term });
  };
  const matchers = terms.map(toMatcher);
  const wordMatchers = matchers.flatMap((matcher, term) =>
    matcher?.kind === 'word' ? [{ folded: matcher.folded, term }] : [],
  );
  if (wordMatchers.length > 0) {
    for (const { start, end, word, stem: stemmed } of wordsOf(entry)) {
      for (const { folded: wanted, term } of wordMatchers) {
        if (word.startsWith(wanted) || stemmed === wanted) {
          push(start, end, term);
          break;
        }
      }
    }
  }
  matchers.forEach((matcher, term) => {
    if (matcher?.kind !== 'regex') return;
    for (const match of folded.matchAll(matcher.regex)) {
      push(match.index, match.index + match[0].length, term);
    }
  });
  return ranges.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** True when `phrase` occurs in `text` as consecutive words, ignoring case, accents and punctuation. */
export function containsPhrase(text: string, phrase: string): boolean {
  const matcher = toMatcher(phrase);
  if (!matcher) return true;
  const folded = fold(text);
  if (matcher.kind === 'regex') return matcher.regex.test(folded);
  return (folded.match(WORD) ?? []).some(
    (word) => word === matcher.folded || stem(word) === stem(matcher.folded),
  );
}

/** Splits text into marked and unmarked segments; joined, they give back `text` exactly. */
export function highlight(text: string, terms: readonly string[]): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let at = 0;
  for (const range of findRanges(text, terms)) {
    if (range.end <= at) continue;
    const start = Math.max(range.start, at);
    if (start > at) segments.push({ text: text.slice(at, start), mark: false });
    const last = segments.at(-1);
    if (last?.mark && start === at) last.text += text.slice(start, range.end);
    else segments.push({ text: text.slice(start, range.end), mark: true });
    at = range.end;
  }
  if (at < text.length || segments.length === 0)
    segments.push({ text: text.slice(at), mark: false });
  return segments;
}

/** Texts with their whitespace collapsed, for the most recent few hundred (see foldedTexts). */
const cleanTexts = new Map<string, string>();

function cleaned(text: string): string {
  let clean = cleanTexts.get(text);
  if (clean === undefined) {
    if (cleanTexts.size >= FOLDED_TEXTS_KEPT) cleanTexts.clear();
    clean = text.replace(/\s+/gu, ' ').trim();
    cleanTexts.set(text, clean);
  }
  return clean;
}

/**
 * About `length` characters of `text` around the best match (the window holding the most
 * different terms, earliest first), cut at word boundaries, with `…` where text was left out.
 * The start of the text when nothing matches.
 */
export function snippet(text: string, terms: readonly string[], length = 160): string {
  const clean = cleaned(text);
  if (clean.length <= length) return clean;
  const ranges = findRanges(clean, terms);
  let centre = 0;
  if (ranges.length > 0) {
    let best = -1;
    for (const [i, range] of ranges.entries()) {
      const seen = new Set<number>();
      let end = range.end;
      for (const other of ranges.slice(i)) {
        if (other.end - range.start > length) break;
        seen.add(other.term);
        end = other.end;
      }
      if (seen.size > best) {
        best = seen.size;
        centre = Math.floor((range.start + end) / 2);
      }
    }
  }
  let start = ranges.length === 0 ? 0 : Math.max(0, centre - Math.floor(length / 2));
  let end = Math.min(clean.length, start + length);
  start = Math.max(0, end - length);
  // Move inwards to word boundaries.
  if (start > 0) {
    const space = clean.indexOf(' ', start);
    if (space !== -1 && space < start + 20) start = space + 1;
  }
  if (end < clean.length) {
    const space = clean.lastIndexOf(' ', end);
    if (space > end - 20 && space > start) end = space;
  }
  return `${start > 0 ? '…' : ''}${clean.slice(start, end).trim()}${end < clean.length ? '…' : ''}`;
}
