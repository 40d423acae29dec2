/**
 * The facts a note states about itself at its top: YAML front matter between `---` lines, or a
 * Pelican / MultiMarkdown block of `Key: value` lines. Validated with zod; every issue carries the
 * line in the file, so `content/lca-2018/day-2.md:5: date: expected YYYY-MM-DD, got "23/01/2018"`.
 */
import { LineCounter, isMap, isNode, isScalar, parseDocument } from 'yaml';
import type { Document, Pair } from 'yaml';
import { z } from 'zod';
import type { ContentIssue } from '../issues';

const DATE_WITH_TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T]\d.*)?$/;
const DIGITS = /^\d+$/;

/** YAML reads `location: 1984` as a number; the user meant text, so numbers are taken as text. */
const text = z.union([z.string(), z.number()]).transform((value) => String(value).trim());

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A list, or one comma-separated string ("python, security"). */
const list = z.union([z.array(text), z.string().transform(splitList)]);

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** Pelican dates carry a time ("2015-04-10 09:00"): the day is what a conference note needs. */
const date = z
  .union([
    z.date().transform(isoDay),
    z.string().transform((value) => DATE_WITH_TIME.exec(value.trim())?.[1] ?? value.trim()),
  ])
  .pipe(z.iso.date());

const year = z.union([
  z.number().int().min(1000).max(9999),
  z
    .string()
    .trim()
    .regex(/^\d{4}$/)
    .transform(Number),
]);

/** "Day 2", "Friday" or 2; a number written as text ("2") is a number. */
const day = z.union([
  z.number().int().positive(),
  z
    .string()
    .trim()
    .min(1)
    .transform((value) => (DIGITS.test(value) ? Number(value) : value)),
]);

const fields = {
  conference: text,
  year,
  location: text,
  date,
  day,
  /** The default track of every talk in the file. */
  track: text,
  tags: list,
  url: text,
  /** Old ids that should still lead to the file's talk. */
  aliases: list,
  /** Explicit id of the file's talk, overriding the slug of its title. */
  id: text,
  /** Title of the talk, for a file that holds one talk. */
  title: text,
};

type FieldName = keyof typeof fields;

const KNOWN_KEYS = Object.keys(fields) as FieldName[];

/** What each field takes, as an error message says it. */
const EXPECTED: Record<FieldName, string> = {
  conference: 'text',
  year: 'a year like 2018',
  location: 'text',
  date: 'YYYY-MM-DD',
  day: 'a day label or number',
  track: 'text',
  tags: 'a list or comma-separated text',
  url: 'text',
  aliases: 'a list or comma-separated text',
  id: 'text',
  title: 'text',
};

export const frontMatter = z.object({
  conference: fields.conference.optional(),
  year: fields.year.optional(),
  location: fields.location.optional(),
  date: fields.date.optional(),
  day: fields.day.optional(),
  track: fields.track.optional(),
  tags: fields.tags.optional(),
  url: fields.url.optional(),
  aliases: fields.aliases.optional(),
  id: fields.id.optional(),
  title: fields.title.optional(),
});
export type FrontMatter = z.infer<typeof frontMatter>;

export interface FrontMatterResult {
  data: FrontMatter;
  /** The text after the front matter: the notes themselves. */
  body: string;
  /** 1-based line in the file of `body`'s first line. */
  bodyLine: number;
  issues: ContentIssue[];
}

/** One `key: value` as written, with the file line of its key. */
interface RawEntry {
  key: string;
  value: unknown;
  line: number;
}

/**
 * Keys of a Jekyll, Hugo, Nuxt or Pelican post that describe the blog post, not the conference
 * (`authors` wrote the post; they are not the speakers): accepted without a warning, and left out.
 */
const BLOG_POST_KEYS = new Set(
  (
    'layout description author authors image images cover thumbnail categories category draft ' +
    'published permalink slug summary excerpt comments type weight featured series keywords ' +
    'subtitle lastmod modified toc lang status canonical_url sitemap hidden'
  ).split(' '),
);

function isFieldName(key: string): key is FieldName {
  return (KNOWN_KEYS as string[]).includes(key);
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return isNaN(value.getTime()) ? 'an invalid date' : isoDay(value);
  if (typeof value === 'object' && value !== null) return 'key: value pairs';
  return String(value);
}

function issue(
  severity: ContentIssue['severity'],
  file: string,
  line: number,
  message: string,
): ContentIssue {
  return { severity, file, line, message };
}

/**
 * Validates entries field by field, so one bad value costs only that value: the rest of the file's
 * facts still apply and the user sees every problem at once.
 */
function validateEntries(
  entries: readonly RawEntry[],
  file: string,
): { data: FrontMatter; issues: ContentIssue[] } {
  const data: Record<string, unknown> = {};
  const issues: ContentIssue[] = [];
  for (const { key, value, line } of entries) {
    const name = key.toLowerCase();
    if (BLOG_POST_KEYS.has(name)) continue;
    if (!isFieldName(name)) {
      issues.push(
        issue('warning', file, line, `unknown key "${key}" (known: ${KNOWN_KEYS.join(', ')})`),
      );
      continue;
    }
    if (value === null || value === undefined || value === '') continue;
    const parsed = fields[name].safeParse(value);
    if (parsed.success) data[name] = parsed.data;
    else
      issues.push(
        issue(
          'error',
          file,
          line,
          `${name}: expected ${EXPECTED[name]}, got ${describeValue(value)}`,
        ),
      );
  }
  // Each value passed its field's schema above, so the object satisfies `frontMatter`.
  return { data, issues };
}

// ---------------------------------------------------------------------------------------------
// YAML front matter

const OPENER = /^---\s*$/;
const CLOSER = /^(?:---|\.\.\.)\s*$/;
/** The first real line of YAML front matter looks like `key:`; anything else is prose after a rule. */
const YAML_KEY_LINE = /^["']?[\w-]+["']?\s*:(?:\s|$)/;

interface YamlBlock {
  /** Lines between the opener and the closer. */
  lines: string[];
  /** Index (0-based) of the closing line, or null when the block never closes. */
  closerIndex: number | null;
}

/**
 * Finds front matter at the very top. A leading `---` whose next real line is not `key:` is a
 * markdown rule starting the notes, not front matter.
 */
function findYamlBlock(lines: readonly string[]): YamlBlock | null {
  if (!OPENER.test(lines[0] ?? '')) return null;
  const closerIndex = lines.findIndex((line, index) => index > 0 && CLOSER.test(line));
  const inner = lines.slice(1, closerIndex > 0 ? closerIndex : undefined);
  const firstReal = inner.find((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  if (firstReal !== undefined && !YAML_KEY_LINE.test(firstReal)) return null;
  // A block of nothing but `#` lines is markdown headings between rules, not commented-out YAML.
  const hasText = inner.some((line) => line.trim() !== '');
  if (firstReal === undefined && (closerIndex < 0 || hasText)) return null;
  return { lines: inner, closerIndex: closerIndex > 0 ? closerIndex : null };
}

function firstLineOf(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** Keys and values of a YAML mapping with their file lines (the block starts on file line 2). */
function readYamlEntries(
  source: string,
  file: string,
): { entries: RawEntry[]; issues: ContentIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + 1;
  // Only the first syntax error: the rest are usually the parser losing its footing after it.
  const [error] = doc.errors;
  if (error) {
    const line = (error.linePos?.[0].line ?? 0) + 1;
    return {
      entries: [],
      issues: [issue('error', file, line, `front matter: ${firstLineOf(error.message)}`)],
    };
  }
  if (doc.contents === null) return { entries: [], issues: [] };
  if (!isMap(doc.contents)) {
    const line = toFileLine(doc.contents.range?.[0] ?? 0);
    return {
      entries: [],
      issues: [issue('error', file, line, 'front matter: expected `key: value` lines')],
    };
  }
  const entries = doc.contents.items.map((pair: Pair) => toRawEntry(pair, doc, toFileLine));
  return { entries, issues: [] };
}

/** A key as the user wrote it; keys that are lists or mappings have no name to show. */
function keyText(key: unknown): string {
  return typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean'
    ? String(key)
    : '';
}

function toRawEntry(pair: Pair, doc: Document, toFileLine: (offset: number) => number): RawEntry {
  const key = isScalar(pair.key) ? keyText(pair.key.value) : '';
  const offset = isNode(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
  const value: unknown = isNode(pair.value) ? pair.value.toJS(doc) : pair.value;
  return { key, value, line: toFileLine(offset) };
}

/**
 * Broken front matter still leaves the notes: the text after the closing `---` is the body, and
 * the error fails the build naming the line. The block itself is not turned into notes — its
 * `key: value` lines would show up as a bogus day note or talk, and the user has to fix the block
 * anyway. An unclosed block cannot be told apart from the notes, so then everything after the
 * opening `---` is kept as the body.
 */
function readYamlFrontMatter(
  lines: readonly string[],
  block: YamlBlock,
  file: string,
): FrontMatterResult {
  if (block.closerIndex === null) {
    return {
      data: {},
      body: lines.slice(1).join('\n'),
      bodyLine: 2,
      issues: [issue('error', file, 1, 'front matter: no closing `---` line')],
    };
  }
  const read = readYamlEntries(block.lines.join('\n'), file);
  const validated = validateEntries(read.entries, file);
  return {
    data: validated.data,
    body: lines.slice(block.closerIndex + 1).join('\n'),
    bodyLine: block.closerIndex + 2,
    issues: [...read.issues, ...validated.issues],
  };
}

// ---------------------------------------------------------------------------------------------
// Pelican / MultiMarkdown header lines

/** Pelican keys and the field each fills; null for keys that say nothing about a conference note. */
const PELICAN_KEYS: Readonly<Record<string, FieldName | null>> = {
  title: 'title',
  date: 'date',
  tags: 'tags',
  slug: 'id',
  conference: 'conference',
  location: 'location',
  year: 'year',
  day: 'day',
  track: 'track',
  url: 'url',
  aliases: 'aliases',
  id: 'id',
  // About the blog post, not the talk: accepted so the block is recognised, then left out.
  category: null,
  author: null,
  authors: null,
  summary: null,
  modified: null,
  status: null,
  lang: null,
  subtitle: null,
  keywords: null,
  series: null,
  description: null,
  image: null,
  translation: null,
};

const HEADER_LINE = /^([A-Za-z]+)\s*:\s*(.*?)\s*$/;

/**
 * Header lines from line 1 to the first blank line, or null unless every line is a known key and
 * the block names a title or date — so notes opening with "Friday Keynote: Catherine Bracy" or
 * "Summary: great talk" are never taken for metadata.
 */
function findPelicanHeader(lines: readonly string[]): RawEntry[] | null {
  // Blank lines (or a BOM's leftover) may come before the block.
  const first = lines.findIndex((line) => line.replace(/^\uFEFF/, '').trim() !== '');
  if (first < 0) return null;
  const end = lines.findIndex((line, index) => index > first && line.trim() === '');
  const block = lines.slice(first, end < 0 ? lines.length : end);
  const entries: RawEntry[] = [];
  for (const [offset, line] of block.entries()) {
    const match = HEADER_LINE.exec(line.replace(/^\uFEFF/, ''));
    const key = match?.[1]?.toLowerCase();
    if (!match || key === undefined || !(key in PELICAN_KEYS)) return null;
    entries.push({ key, value: match[2] ?? '', line: first + offset + 1 });
  }
  const names = entries.map((entry) => entry.key);
  return names.includes('title') || names.includes('date') ? entries : null;
}

function readPelicanHeader(
  lines: readonly string[],
  entries: readonly RawEntry[],
  file: string,
): FrontMatterResult {
  const mapped = entries.flatMap((entry) => {
    const field = PELICAN_KEYS[entry.key];
    return field ? [{ ...entry, key: field }] : [];
  });
  const { data, issues } = validateEntries(mapped, file);
  const last = entries.at(-1)!.line; // 1-based line of the block's last entry
  const bodyStart = last < lines.length ? last + 1 : last;
  return { data, body: lines.slice(bodyStart).join('\n'), bodyLine: bodyStart + 1, issues };
}

// ---------------------------------------------------------------------------------------------

/** Splits a note into the facts at its top and the notes below them. `text` has `\n` line ends. */
export function readFrontMatter(text: string, file: string): FrontMatterResult {
  const lines = text.split('\n');
  const yamlBlock = findYamlBlock(lines);
  if (yamlBlock) return readYamlFrontMatter(lines, yamlBlock, file);
  const pelican = findPelicanHeader(lines);
  if (pelican) return readPelicanHeader(lines, pelican, file);
  return { data: {}, body: text, bodyLine: 1, issues: [] };
}
