/**
 * Tags: front-matter tags, #hashtags and a vocabulary of technologies and topics matched in the
 * text. The vocabulary is data (src/pipeline/enrich/data/tag-vocabulary.yaml, extended by the user's
 * `tags.yaml`); this module only parses, merges and matches it. No file I/O here.
 */
import { z } from 'zod';
import { toSlug, toTagId, type TagId } from '../../shared/ids';
import { findUrls } from '../formats/links';
import type { ContentIssue } from '../issues';
import { formatPath, nodeOffset, readYamlText, zodIssueAt } from '../yaml';

/** Where the built-in vocabulary lives; the caller that does I/O reads it and calls `parseVocabulary`. */
export const BUILT_IN_VOCABULARY_URL = new URL('./data/tag-vocabulary.yaml', import.meta.url);

const words = z.array(z.string().trim().min(1));

const termSchema = z.union([
  z.string().trim().min(1),
  z.object({
    term: z.string().trim().min(1),
    matchCase: z.boolean().optional(),
    context: words.optional(),
  }),
]);

const entrySchema = z.object({
  id: z
    .string()
    .min(1)
    .refine((id) => toSlug(id) === id, {
      message: 'must be a slug (lower case, digits and hyphens), like "machine-learning"',
    }),
  name: z.string().trim().min(1),
  synonyms: z.array(termSchema).default([]),
  context: words.optional(),
  matchName: z.boolean().default(true),
});

const ENTRY_KEYS = new Set(['id', 'name', 'synonyms', 'context', 'matchName']);
const TERM_KEYS = new Set(['term', 'matchCase', 'context']);

export type VocabularyTerm = z.infer<typeof termSchema>;

/** One tag the vocabulary knows: how it is shown and which words in notes mean it. */
export interface VocabularyEntry {
  id: TagId;
  name: string;
  synonyms: VocabularyTerm[];
  /** Words one of which must also appear for this entry's terms to count (a term's own context wins). */
  context?: string[];
  /** False when the display name is too common a word to match on its own ("Go"). */
  matchName: boolean;
}

export type Vocabulary = readonly VocabularyEntry[];

/**
 * Reads a vocabulary file (a YAML list of entries). Bad entries are reported with file and line
 * and left out; the good ones are kept, so one typo does not lose the whole file.
 */
export function parseVocabulary(
  yamlText: string,
  file: string,
): { vocabulary: Vocabulary; issues: ContentIssue[] } {
  const yaml = readYamlText(yamlText, file, { label: 'YAML' });
  const { doc, lineAt } = yaml;
  if (!doc) return { vocabulary: [], issues: yaml.issues };
  const read = yaml.toValue();
  if ('issue' in read) return { vocabulary: [], issues: [read.issue] };
  const data = read.value;
  const issues: ContentIssue[] = [];
  if (data === null || data === undefined) return { vocabulary: [], issues };
  if (!Array.isArray(data)) {
    return {
      vocabulary: [],
      issues: [
        { severity: 'error', file, line: 1, message: 'expected a list of tag entries (`- id: …`)' },
      ],
    };
  }
  const vocabulary: VocabularyEntry[] = [];
  const seen = new Set<string>();
  data.forEach((raw: unknown, index) => {
    const locate = (path: readonly PropertyKey[]) => lineAt(nodeOffset(doc, [index, ...path]));
    const label = entryLabel(raw, index);
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      for (const found of parsed.error.issues.flatMap((each) => explainUnion(each, raw))) {
        issues.push(zodIssueAt(found, { file, label, line: locate }));
      }
      return;
    }
    issues.push(...unknownKeyWarnings(raw, label, file, locate));
    if (seen.has(parsed.data.id)) {
      issues.push({
        severity: 'warning',
        file,
        line: locate([]),
        message: `${label}: id appears twice; the first entry is used`,
      });
      return;
    }
    seen.add(parsed.data.id);
    vocabulary.push(toEntry(parsed.data));
  });
  return { vocabulary, issues };
}

interface PathIssue {
  path: PropertyKey[];
  message: string;
}

/**
 * A synonym is a string or an object; zod reports a bad one as "Invalid input" for the union.
 * Say instead what is wrong with the shape the user evidently meant.
 */
function explainUnion(issue: z.core.$ZodIssue, raw: unknown): PathIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length < 2)
    return [{ path: issue.path, message: issue.message }];
  const value = valueAt(raw, issue.path);
  if (!isRecord(value)) {
    return [
      {
        path: issue.path,
        message: `expected a word or { term, matchCase?, context? }, got ${JSON.stringify(value)}`,
      },
    ];
  }
  const meant = issue.errors[1] ?? [];
  return meant.map((inner) => ({ path: [...issue.path, ...inner.path], message: inner.message }));
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path)
    value =
      isRecord(value) || Array.isArray(value)
        ? (value as Record<PropertyKey, unknown>)[key]
        : undefined;
  return value;
}

function toEntry(data: z.infer<typeof entrySchema>): VocabularyEntry {
  const entry: VocabularyEntry = {
    id: data.id as TagId,
    name: data.name,
    synonyms: data.synonyms,
    matchName: data.matchName,
  };
  if (data.context) entry.context = data.context;
  return entry;
}

function entryLabel(raw: unknown, index: number): string {
  const id = isRecord(raw) && typeof raw.id === 'string' ? ` (${raw.id})` : '';
  return `entry ${index + 1}${id}`;
}

/** Typos in key names would silently do nothing; say so, but keep the entry. */
function unknownKeyWarnings(
  raw: unknown,
  label: string,
  file: string,
  locate: (path: readonly PropertyKey[]) => number,
): ContentIssue[] {
  if (!isRecord(raw)) return [];
  const warnings: ContentIssue[] = [];
  const warn = (path: PropertyKey[], known: Set<string>) =>
    warnings.push({
      severity: 'warning',
      file,
      line: locate(path),
      message: `${label}${formatPath(path)}: unknown key (expected one of ${[...known].join(', ')})`,
    });
  for (const key of Object.keys(raw)) if (!ENTRY_KEYS.has(key)) warn([key], ENTRY_KEYS);
  const synonyms = Array.isArray(raw.synonyms) ? (raw.synonyms as unknown[]) : [];
  synonyms.forEach((term, i) => {
    if (isRecord(term))
      for (const key of Object.keys(term))
        if (!TERM_KEYS.has(key)) warn(['synonyms', i, key], TERM_KEYS);
  });
  return warnings;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The user's entries win: one with a built-in id replaces that entry (in its place); new ones follow. */
export function mergeVocabularies(base: Vocabulary, user: Vocabulary): Vocabulary {
  const userById = new Map(user.map((entry) => [entry.id, entry]));
  const merged = base.map((entry) => userById.get(entry.id) ?? entry);
  const baseIds = new Set(base.map((entry) => entry.id));
  return [...merged, ...user.filter((entry) => !baseIds.has(entry.id))];
}

/** Display name of a tag: the vocabulary's, or the id with hyphens as spaces. */
export function tagName(id: TagId | string, vocabulary: Vocabulary): string {
  return vocabulary.find((entry) => entry.id === id)?.name ?? id.replace(/-/g, ' ');
}

// --- Matching -----------------------------------------------------------------------------------

interface CompiledTerm {
  pattern: RegExp;
  /** Matched against the text as written; otherwise against the lower-cased text. */
  matchCase: boolean;
  /** The term's longest word, lower-cased: text that does not contain it cannot match (a fast pre-check). */
  needle: string;
  /** The whole words any match contains (`wordsToMatch`): text lacking one cannot match. */
  words: string[];
  context: { pattern: RegExp; needle: string; words: string[] }[];
}

interface CompiledVocabulary {
  entries: { entry: VocabularyEntry; terms: CompiledTerm[] }[];
  /** Slug of any id, name or term → the entry's id: `#k8s` and a front-matter `K8s` mean kubernetes. */
  idBySlug: Map<string, TagId>;
}

const compiled = new WeakMap<Vocabulary, CompiledVocabulary>();

function compileVocabulary(vocabulary: Vocabulary): CompiledVocabulary {
  const cached = compiled.get(vocabulary);
  if (cached) return cached;
  const idBySlug = new Map<string, TagId>();
  const names = vocabulary.map((entry) => ({
    id: entry.id,
    texts: [entry.id, entry.name, ...entry.synonyms.map(termText)],
  }));
  // A hashtag cannot hold a space: `#incidentresponse` is "Incident response". The run-together
  // forms are looked up after every exact one, so an entry's own name or synonym still wins.
  for (const toKey of [toSlug, toCompactSlug]) {
    for (const { id, texts } of names) {
      for (const text of texts) {
        const key = toKey(text);
        if (key && !idBySlug.has(key)) idBySlug.set(key, id);
      }
    }
  }
  const entries = vocabulary.map((entry) => ({
    entry,
    terms: entryTerms(entry).map((term) => compileTerm(term, entry.context)),
  }));
  const result = { entries, idBySlug };
  compiled.set(vocabulary, result);
  return result;
}

/** A slug run together, as a hashtag writes it: "incident response" → `incidentresponse`. */
const toCompactSlug = (text: string): string => toSlug(text).replace(/-/g, '');

function termText(term: VocabularyTerm): string {
  return typeof term === 'string' ? term : term.term;
}

function entryTerms(entry: VocabularyEntry): VocabularyTerm[] {
  return entry.matchName ? [entry.name, ...entry.synonyms] : entry.synonyms;
}

function compileTerm(term: VocabularyTerm, entryContext: string[] | undefined): CompiledTerm {
  const spec = typeof term === 'string' ? { term } : term;
  const context = spec.context ?? entryContext ?? [];
  return {
    pattern: wordPattern(spec.term, spec.matchCase ?? false),
    matchCase: spec.matchCase ?? false,
    needle: needleOf(spec.term),
    words: wordsToMatch(spec.term, spec.matchCase ?? false),
    context: context.map((word) => ({
      pattern: wordPattern(word, false),
      needle: needleOf(word),
      words: wordsToMatch(word, false),
    })),
  };
}

/**
 * Running every term's regular expression over every talk is the slow part of tagging (hundreds
 * of look-behind patterns per talk); a plain substring test on the lower-cased text first skips
 * nearly all of them.
 */
function needleOf(term: string): string {
  const parts = term
    .trim()
    .toLowerCase()
    .split(/[\s-]+/);
  return parts.reduce((longest, part) => (part.length > longest.length ? part : longest), '');
}

/**
 * Whole words only, and a space or hyphen in a term matches any run of spaces or hyphens. A word
 * right after a dot is a file extension or a member (`page.html`, `current_app.redis`), not a mention.
 */
function wordPattern(term: string, matchCase: boolean): RegExp {
  // Case-insensitive terms run lower-cased against lower-cased text: V8's `iu` matching is many
  // times slower, and tagging runs every term over every talk.
  const body = termParts(term, matchCase)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[\\s-]+');
  // The word boundary before a match is checked in code (startsAWord), not by a look-behind:
  // a pattern that starts with its literal lets V8 scan for it quickly.
  return new RegExp(`${body}(?![\\p{L}\\p{N}_])`, 'gu');
}

/** The literal pieces of a term's pattern, which runs of spaces or hyphens separate. */
function termParts(term: string, matchCase: boolean): string[] {
  return (matchCase ? term : term.toLowerCase()).trim().split(/[\s-]+/);
}

/**
 * Which UTF-16 units are word characters (a letter, digit or `_`) for `wordRuns`. Only BMP
 * ones: `startsAWord` looks at the one unit before a match, so a surrogate ends a word.
 */
const WORD_UNITS = (() => {
  const units = new Uint8Array(0x10000);
  const wordChar = /[\p{L}\p{N}_]/u;
  for (let unit = 0; unit < 0x10000; unit++) {
    const isSurrogate = unit >= 0xd800 && unit <= 0xdfff;
    units[unit] = !isSurrogate && wordChar.test(String.fromCharCode(unit)) ? 1 : 0;
  }
  return units;
})();

/** The runs of word characters in a text, in order (`WORD_UNITS`). */
export function wordRuns(text: string): string[] {
  const runs: string[] = [];
  let start = -1;
  for (let at = 0; at <= text.length; at++) {
    const isWord = at < text.length && WORD_UNITS[text.charCodeAt(at)] === 1;
    if (isWord && start < 0) start = at;
    else if (!isWord && start >= 0) {
      runs.push(text.slice(start, at));
      start = -1;
    }
  }
  return runs;
}

/** The distinct words of a text, to test terms against (`mayMatch`). */
export function wordsOf(text: string): Set<string> {
  return new Set(wordRuns(text));
}

/**
 * The words every match of a term contains whole. A match starts a word (`startsAWord`), ends one
 * (the pattern's look-ahead), and is split by spaces or hyphens; so every run of word characters in
 * the term is a whole word of the text it matches in.
 */
export function wordsToMatch(term: string, matchCase: boolean): string[] {
  return termParts(term, matchCase).flatMap(wordRuns);
}

/** False when the text lacks a word every match needs: the term's pattern need not run at all. */
export function mayMatch(required: readonly string[], words: ReadonlySet<string>): boolean {
  return required.every((word) => words.has(word));
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** Not inside a word, and not right after a dot that follows a word (`page.html`, `app.redis`). */
function startsAWord(text: string, index: number): boolean {
  const previous = text[index - 1];
  if (previous === undefined) return true;
  if (WORD_CHAR.test(previous)) return false;
  return !(
    previous === '.' &&
    WORD_CHAR.test(text[index] ?? '') &&
    WORD_CHAR.test(text[index - 2] ?? '')
  );
}

function matchStarts(pattern: RegExp, text: string): number[] {
  pattern.lastIndex = 0;
  const starts: number[] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (startsAWord(text, match.index)) starts.push(match.index);
    else pattern.lastIndex = match.index + 1;
  }
  return starts;
}

/** A talk's text as the matcher reads it, with the words of each case (`wordsOf`) made once. */
class MatchText {
  readonly lower: string;
  private wordsAsWritten: Set<string> | undefined;
  private lowerWords: Set<string> | undefined;

  constructor(readonly text: string) {
    this.lower = text.toLowerCase();
  }

  words(matchCase: boolean): Set<string> {
    if (matchCase) return (this.wordsAsWritten ??= wordsOf(this.text));
    return (this.lowerWords ??= wordsOf(this.lower));
  }
}

/** Overlapping terms ("docker", "docker compose") at one place are one mention. */
function countMentions(terms: CompiledTerm[], text: MatchText, prefilter: boolean): number {
  const starts = new Set<number>();
  for (const term of terms) {
    if (prefilter && !mayMatch(term.words, text.words(term.matchCase))) continue;
    if (text.lower.includes(term.needle) && hasContext(term, text, prefilter))
      for (const start of matchStarts(term.pattern, term.matchCase ? text.text : text.lower))
        starts.add(start);
  }
  return starts.size;
}

function hasContext(term: CompiledTerm, text: MatchText, prefilter: boolean): boolean {
  return (
    term.context.length === 0 ||
    term.context.some(
      (word) =>
        (!prefilter || mayMatch(word.words, text.words(false))) &&
        text.lower.includes(word.needle) &&
        matchStarts(word.pattern, text.lower).length > 0,
    )
  );
}

/** URLs are addresses, not topics: `github.com/elastic` says nothing about Elasticsearch. */
function withoutUrls(text: string): string {
  let result = '';
  let at = 0;
  for (const match of findUrls(text)) {
    result += text.slice(at, match.start) + ' ';
    at = match.end;
  }
  return result + text.slice(at);
}

/** `#word` mentions. Not a heading (`#Day 2` starting a line of prose), a URL fragment, `C#`, or `#1`. */
export function findHashtags(text: string): string[] {
  return scanHashtags(text).hashtags;
}

/** The hashtags, and the text without them: a hashtag counts once, as itself (`#SRE-life` is not `sre`). */
function scanHashtags(text: string): { hashtags: string[]; rest: string } {
  if (!text.includes('#')) return { hashtags: [], rest: text }; // most talks: no line to scan
  const hashtags: string[] = [];
  const lines = text.split('\n').map((line) => {
    const isHashtagLine = /^\s*(?:#[\p{L}][\p{L}\p{N}_-]*\s*)+$/u.test(line);
    return line.replace(
      /(?<![\p{L}\p{N}_&#/.:?=-])#(\p{L}[\p{L}\p{N}_-]*)/gu,
      (whole: string, word: string, offset: number) => {
        const startsLine = line.slice(0, offset).trim() === '';
        if (startsLine && !isHashtagLine) return whole;
        const trimmed = word.replace(/[-_]+$/, '');
        if (trimmed) hashtags.push(trimmed);
        return ' ';
      },
    );
  });
  return { hashtags, rest: lines.join('\n') };
}

export interface FindTagsOptions {
  /**
   * Skip a term whose words are not all in the text before running its pattern (`mayMatch`).
   * The tags are the same either way; off, every pattern runs (tests compare the two).
   */
  prefilter: boolean;
}

const defaultFindTagsOptions: FindTagsOptions = { prefilter: true };

/**
 * A talk's tags: explicit ones first (as given, slugged), then hashtags and vocabulary matches
 * ordered by number of mentions (most first), then by name. Synonyms map to their entry's id.
 */
export function findTags(
  input: { text: string; title: string; explicit: string[] },
  vocabulary: Vocabulary,
  options: Partial<FindTagsOptions> = {},
): TagId[] {
  const { prefilter } = { ...defaultFindTagsOptions, ...options };
  const { entries, idBySlug } = compileVocabulary(vocabulary);
  const resolve = (written: string): TagId | undefined => {
    const slug = toSlug(written);
    return slug ? (idBySlug.get(slug) ?? toTagId(written)) : undefined;
  };
  const explicit = unique(
    input.explicit.map(resolve).filter((id): id is TagId => id !== undefined),
  );
  const mentions = new Map<TagId, number>();
  const mention = (id: TagId, times: number) => mentions.set(id, (mentions.get(id) ?? 0) + times);
  const { hashtags, rest: text } = scanHashtags(withoutUrls(`${input.title}\n${input.text}`));
  for (const hashtag of hashtags) {
    const id = resolve(hashtag);
    if (id) mention(id, 1);
  }
  const matchText = new MatchText(text);
  for (const { entry, terms } of entries) {
    const times = countMentions(terms, matchText, prefilter);
    if (times > 0) mention(entry.id, times);
  }
  const inferred = [...mentions.entries()]
    .filter(([id]) => !explicit.includes(id))
    .sort(
      ([a, aCount], [b, bCount]) =>
        bCount - aCount || tagName(a, vocabulary).localeCompare(tagName(b, vocabulary), 'en'),
    )
    .map(([id]) => id);
  return [...explicit, ...inferred];
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
