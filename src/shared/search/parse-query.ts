/**
 * What a person typed → a clean, structured query. Never throws: lunr's own syntax (`*`, `~`,
 * `^`, `+`, `title:`), unbalanced quotes, pastes, emoji and control characters become plain
 * words, and `notice` says so in words a person understands.
 */

/** Fields a query can be narrowed to: `speaker:tweedale`, `tag:docker`, `track:keynote`… */
export const FILTER_FIELDS = {
  speaker: 'speakers',
  speakers: 'speakers',
  tag: 'tags',
  tags: 'tags',
  track: 'track',
  conference: 'conference',
  conf: 'conference',
  title: 'title',
} as const;

/** An index field a filter narrows to (the names in src/pipeline/enrich/search-index.ts). */
export type FilterField = (typeof FILTER_FIELDS)[keyof typeof FILTER_FIELDS];

export interface QueryFilter {
  field: FilterField;
  /** The words after the colon (`speaker:"fraser tweedale"` → `fraser tweedale`). */
  value: string;
}

export interface ParsedQuery {
  /** Plain words, in order, without duplicates. */
  words: string[];
  /** `"exact phrases"`, without their quotes. */
  phrases: string[];
  /** `-word`: talks containing these are left out. */
  exclude: string[];
  /** `-"a phrase"`: talks containing the phrase are left out. */
  excludePhrases: string[];
  filters: QueryFilter[];
  /** Set when part of the input was read as plain words or dropped; shown to the person. */
  notice?: string;
}

/** Longer input is cut here: a pasted page is not a query. */
export const MAX_QUERY_LENGTH = 256;
/** At most this many words, phrases, exclusions and filters together. */
export const MAX_QUERY_PARTS = 24;

const QUOTES = '"“”„«»';
const OPENING_QUOTE = /^["“”„«»]/;
// Control and format characters (and lone surrogates) read as spaces.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;
const LUNR_SYNTAX = /[*~^+]/g;
const FIELD_PREFIX = /^([\p{L}\p{N}_]+):(.*)$/su;

const isSpace = (char: string | undefined) => char !== undefined && /\s/u.test(char);

function closingQuote(input: string, from: number): number {
  for (let i = from; i < input.length; i++) if (QUOTES.includes(input[i]!)) return i;
  return -1;
}

/** Removes lunr's operators (`foo*`, `foo~1`, `foo^10`, `+foo`); returns what was removed. */
function stripSyntax(word: string, removed: Set<string>): string {
  return word
    .replace(/[~^]\d*(?:\.\d+)?/g, (match) => {
      removed.add(match[0]!);
      return ' ';
    })
    .replace(LUNR_SYNTAX, (match) => {
      removed.add(match);
      return ' ';
    })
    .trim();
}

const collapse = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** Splits the input into words, quoted phrases, exclusions and `field:value` filters. */
export function parseQuery(input: string): ParsedQuery {
  const notices: string[] = [];
  let text = typeof input === 'string' ? input : '';
  text = text.replace(INVISIBLE, ' ');
  if (text.length > MAX_QUERY_LENGTH) {
    let cut = text.slice(0, MAX_QUERY_LENGTH);
    // Don't leave half a surrogate pair behind.
    if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
    text = cut;
    notices.push(`Only the first ${MAX_QUERY_LENGTH} characters were searched.`);
  }

  const words: string[] = [];
  const phrases: string[] = [];
  const exclude: string[] = [];
  const excludePhrases: string[] = [];
  const filters: QueryFilter[] = [];
  const removedSyntax = new Set<string>();
  const plainFields = new Set<string>();
  const emptyFilters = new Set<string>();
  let unbalancedQuote = false;

  const addWords = (raw: string, into: string[]) => {
    for (const word of stripSyntax(raw, removedSyntax).split(/\s+/u)) {
      if (word !== '' && /[\p{L}\p{N}]/u.test(word)) into.push(word);
    }
  };
  const addPhrase = (raw: string, into: string[], fallback: string[]) => {
    const phrase = collapse(raw);
    if (!/[\p{L}\p{N}]/u.test(phrase)) return;
    // One word in quotes is just that word.
    if (!/\s/u.test(phrase)) addWords(phrase, fallback);
    else into.push(phrase);
  };

  let i = 0;
  while (i < text.length) {
    if (isSpace(text[i])) {
      i++;
      continue;
    }
    let negate = false;
    if (text[i] === '-' && i + 1 < text.length && !isSpace(text[i + 1])) {
      negate = true;
      i++;
    }
    if (OPENING_QUOTE.test(text[i]!)) {
      const end = closingQuote(text, i + 1);
      if (end === -1) {
        unbalancedQuote = true;
        i++;
        continue; // the rest reads as words
      }
      const inside = text.slice(i + 1, end);
      if (negate) addPhrase(inside, excludePhrases, exclude);
      else addPhrase(inside, phrases, words);
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < text.length && !isSpace(text[end])) end++;
    let token = text.slice(i, end);
    i = end;

    const field = FIELD_PREFIX.exec(token);
    if (field && !field[2]!.startsWith('//')) {
      const name = field[1]!.toLowerCase();
      const target =
        name in FILTER_FIELDS ? FILTER_FIELDS[name as keyof typeof FILTER_FIELDS] : null;
      let value = field[2]!;
      if (target && OPENING_QUOTE.test(value)) {
        // `speaker:"fraser tweedale"`: the value runs to the closing quote.
        const start = i - token.length + field[1]!.length + 2;
        const close = closingQuote(text, start);
        if (close === -1) {
          unbalancedQuote = true;
          value = value.slice(1);
        } else {
          value = text.slice(start, close);
          i = close + 1;
        }
      }
      const values: string[] = [];
      addWords(value, values);
      if (target && values.length > 0) {
        // `-tag:docker` leaves out talks with those words.
        if (negate) exclude.push(...values);
        else filters.push({ field: target, value: values.join(' ') });
        continue;
      }
      if (target) {
        // `title:` with nothing after it: lunr would throw; we wait for the word.
        emptyFilters.add(`${name}:`);
        continue;
      }
      plainFields.add(`${name}:`);
      token = `${field[1]!} ${value}`;
    }
    addWords(token, negate ? exclude : words);
  }

  if (unbalancedQuote)
    notices.push('A quote was not closed, so its words were searched one by one.');
  if (removedSyntax.size > 0) {
    notices.push(
      `${[...removedSyntax].join(' ')} have no special meaning here; searched for the words.`,
    );
  }
  if (emptyFilters.size > 0) {
    notices.push(`Type a word after ${[...emptyFilters].join(' ')} to filter by it.`);
  }
  if (plainFields.size > 0) {
    notices.push(
      `${[...plainFields].join(' ')} is not a filter here (try speaker:, tag:, track:, conference: or title:); searched for the words.`,
    );
  }

  const unique = <T>(items: T[], key: (item: T) => string) => {
    const seen = new Set<string>();
    return items.filter((item) => {
      const k = key(item);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };
  const lower = (s: string) => s.toLowerCase();
  let parts = 0;
  let dropped = false;
  const limit = <T>(items: T[]) => {
    const kept = items.slice(0, Math.max(0, MAX_QUERY_PARTS - parts));
    parts += kept.length;
    if (kept.length < items.length) dropped = true;
    return kept;
  };
  const result: ParsedQuery = {
    filters: limit(unique(filters, (f) => `${f.field}:${lower(f.value)}`)),
    phrases: limit(unique(phrases, lower)),
    words: limit(unique(words, lower)),
    exclude: limit(unique(exclude, lower)),
    excludePhrases: limit(unique(excludePhrases, lower)),
  };
  if (dropped) notices.push(`Only the first ${MAX_QUERY_PARTS} words were searched.`);
  if (notices.length > 0) result.notice = notices.join(' ');
  return result;
}

/** True when the query asks for nothing (blank, or only punctuation and emoji). */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return (
    query.words.length === 0 &&
    query.phrases.length === 0 &&
    query.filters.length === 0 &&
    query.exclude.length === 0 &&
    query.excludePhrases.length === 0
  );
}
