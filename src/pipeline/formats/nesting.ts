/**
 * Markdown past any real note's limits, cut down before it is parsed so that parsing stays linear
 * in the size of a note (the parser is quadratic in several shapes, and recursive in depth): deep
 * nesting is flattened, very long paragraphs are split, a paragraph's emphasis marks past a
 * number are shown as written, and a long note is parsed in parts. Every line keeps its text; the
 * lines changed are listed for a warning (see {@link limitMessage}), by their line in the input.
 */

/** Deepest nesting kept: list items and quotes, each counting one. */
export const MAX_NESTING = 16;
/** Widest leading indentation kept, in columns (a tab is 4): 16 levels of four spaces. */
const MAX_INDENT = MAX_NESTING * 4;

/** One container mark at the start of a line: a bullet, a number, or a quote `>`. */
const CONTAINER_MARK = /^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)]|>)(?:[ \t]+|$)/;
const FENCE = /^[ \t>*+-]*(`{3,}|~{3,})/;

const columns = (space: string): number =>
  [...space].reduce((width, char) => width + (char === '\t' ? 4 - (width % 4) : 1), 0);

/** A line with at most MAX_NESTING container marks and MAX_INDENT columns of indentation. */
function flattenLine(line: string): string {
  const indent = /^[ \t]*/.exec(line)![0];
  let rest = line;
  let prefix = '';
  if (columns(indent) > MAX_INDENT) {
    prefix = ' '.repeat(MAX_INDENT);
    rest = line.slice(indent.length);
  }
  let marks = 0;
  let kept = '';
  for (let match = CONTAINER_MARK.exec(rest); match; match = CONTAINER_MARK.exec(rest)) {
    if (marks < MAX_NESTING) kept += match[0];
    marks++;
    rest = rest.slice(match[0].length);
  }
  return marks > MAX_NESTING || prefix ? `${prefix}${kept}${rest}` : line;
}

/**
 * Most lines and characters one paragraph may hold: the markdown parser merges a paragraph's text
 * in time quadratic in its lines and inline marks (a paragraph of 30,000 short lines took 17 s).
 * A longer paragraph is split in parts, at a line end, or at a space in a line this long.
 */
export const MAX_PARAGRAPH_LINES = 1000;
export const MAX_PARAGRAPH_CHARS = 10_000;

/**
 * Most emphasis marks (`*`, `_` not inside a word) or unpaired brackets one paragraph may hold
 * as markup: the parser pairs them in time quadratic in their number (10,000 took over a
 * minute). Past it, the paragraph's marks are escaped: shown as written, not as markup. Code
 * spans are left as they are.
 */
export const MAX_MARKS_PER_PARAGRAPH = 100;

/** What was done to a line past a limit; each kind is one warning (see {@link limitMessage}). */
export type Limit = 'nesting' | 'marks' | 'length';
export interface LimitedLine {
  /** 1-based line of the text given to {@link limitNesting}. */
  line: number;
  limit: Limit;
}

/** The warning for `count` lines changed past one limit. */
export function limitMessage(limit: Limit, count: number): string {
  const lines = `${count} ${count === 1 ? 'line' : 'lines'}`;
  switch (limit) {
    case 'nesting':
      return `nested deeper than ${MAX_NESTING} levels: flattened (${lines})`;
    case 'marks':
      return `over ${MAX_MARKS_PER_PARAGRAPH} emphasis marks (* or _) in one paragraph: shown as written, not as emphasis (${lines})`;
    case 'length':
      return `a paragraph over ${MAX_PARAGRAPH_LINES.toLocaleString('en')} lines or ${MAX_PARAGRAPH_CHARS.toLocaleString('en')} characters: split into shorter paragraphs (${lines})`;
  }
}

/**
 * Most lines parsed as one markdown document: the parser moves all of a document's events each
 * time a container (a list item, a quote, a footnote) closes, in time quadratic in their number
 * (4,000 quotes each followed by a paragraph took 6 s). Longer notes are parsed in parts that
 * start where nothing before can continue: after a blank line at the margin, or at a list item at
 * the margin right after another item. A list split there renders as two lists, one after the other.
 */
export const MAX_DOCUMENT_LINES = 400;

/** A list item at the left margin, with words: `- a`, `* a`, `12. a`. */
const MARGIN_ITEM = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;

/** A line that starts a new paragraph-like block even with no blank line before it. */
const LIST_ITEM = /^[ \t]*(?:>[ \t]?)*[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const INTERRUPTS = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|([-*_])(?:[ \t]*\1){2,}[ \t]*$|[-=]+[ \t]*$)/;
/** A GFM table's second line: a table is parsed cell by cell, so its rows are never split. */
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

interface BlockLine {
  text: string;
  /** 1-based line of the input it came from (a split long line gives several). */
  from: number;
}

/** The leading indentation and container marks of a line, then the rest. */
function splitPrefix(line: string): [string, string] {
  let prefix = /^[ \t]*/.exec(line)![0];
  for (let match = CONTAINER_MARK.exec(line.slice(prefix.length)); match;) {
    prefix += match[0];
    match = CONTAINER_MARK.exec(line.slice(prefix.length));
  }
  return [prefix, line.slice(prefix.length)];
}

/** A line longer than {@link MAX_PARAGRAPH_CHARS} cut at spaces (or anywhere, with none). */
function cutLongLine(line: BlockLine): BlockLine[] {
  if (line.text.length <= MAX_PARAGRAPH_CHARS) return [line];
  const parts: BlockLine[] = [];
  let rest = line.text;
  while (rest.length > MAX_PARAGRAPH_CHARS) {
    const space = rest.lastIndexOf(' ', MAX_PARAGRAPH_CHARS);
    let at = space > MAX_PARAGRAPH_CHARS / 2 ? space + 1 : MAX_PARAGRAPH_CHARS;
    if (/[\uDC00-\uDFFF]/.test(rest[at] ?? '')) at--;
    parts.push({ text: rest.slice(0, at).trimEnd(), from: line.from });
    rest = rest.slice(at);
  }
  parts.push({ text: rest, from: line.from });
  return parts;
}

/**
 * The lines of one block in parts of at most {@link MAX_PARAGRAPH_LINES} lines and
 * {@link MAX_PARAGRAPH_CHARS} characters. A part never starts with a setext underline (that
 * would turn a heading into text).
 */
function splitBlock(lines: readonly BlockLine[]): BlockLine[][] {
  const parts: BlockLine[][] = [];
  let part: BlockLine[] = [];
  let chars = 0;
  for (const line of lines.flatMap(cutLongLine)) {
    const full =
      part.length >= MAX_PARAGRAPH_LINES || chars + line.text.length > MAX_PARAGRAPH_CHARS;
    if (full && part.length > 0 && !SETEXT_UNDERLINE.test(line.text)) {
      parts.push(part);
      [part, chars] = [[], 0];
    }
    part.push(line);
    chars += line.text.length + 1;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** The `[start, end)` offsets of the code spans in `text` (a backtick run to the next of its length). */
function codeSpans(text: string): [number, number][] {
  const runs = [...text.matchAll(/`+/g)];
  const next = new Map<number, number>();
  const last = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    const length = runs[i]![0].length;
    const after = last.get(length);
    if (after !== undefined) next.set(i, after);
    last.set(length, i);
  }
  const spans: [number, number][] = [];
  for (let i = 0; i < runs.length; i++) {
    const close = next.get(i);
    if (close === undefined) continue;
    spans.push([runs[i]!.index, runs[close]!.index + runs[close]![0].length]);
    i = close;
  }
  return spans;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The offsets in `text` of its emphasis marks (`*`, and `_` not inside a word) and of its
 * brackets that have no partner, outside code spans and escapes.
 */
function findMarks(text: string): { emphasis: number[]; unpaired: number[] } {
  const emphasis: number[] = [];
  const unpaired: number[] = [];
  const open: number[] = [];
  const spans = codeSpans(text);
  let span = 0;
  for (let i = 0; i < text.length; i++) {
    if (span < spans.length && i === spans[span]![0]) {
      i = spans[span++]![1] - 1;
      continue;
    }
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '[') open.push(i);
    else if (char === ']') {
      if (open.pop() === undefined) unpaired.push(i);
    } else if (
      char === '*' ||
      (char === '_' && !(WORD_CHAR.test(text[i - 1] ?? '') && WORD_CHAR.test(text[i + 1] ?? '')))
    )
      emphasis.push(i);
  }
  return { emphasis, unpaired: [...unpaired, ...open].sort((a, b) => a - b) };
}

/** `text` with a backslash before each of the offsets (in order). */
function escapeAt(text: string, offsets: readonly number[]): string {
  let out = '';
  let from = 0;
  for (const at of offsets) {
    out += `${text.slice(from, at)}\\`;
    from = at;
  }
  return out + text.slice(from);
}

/**
 * One part of a paragraph with its marks escaped where there are too many of a kind (emphasis
 * marks, or unpaired brackets: escaping those changes nothing on the page), and the indexes of
 * the lines whose emphasis is now shown as written; null if nothing is escaped.
 */
function limitMarks(part: readonly BlockLine[]): { lines: BlockLine[]; shown: Set<number> } | null {
  const split = part.map((line): [string, string] =>
    INTERRUPTS.test(line.text) ? [line.text, ''] : splitPrefix(line.text),
  );
  const text = split.map(([, rest]) => rest).join('\n');
  const { emphasis, unpaired } = findMarks(text);
  const shownMarks = emphasis.length > MAX_MARKS_PER_PARAGRAPH ? emphasis : [];
  const offsets = [
    ...shownMarks,
    ...(unpaired.length > MAX_MARKS_PER_PARAGRAPH ? unpaired : []),
  ].sort((a, b) => a - b);
  if (offsets.length === 0) return null;
  const rests = escapeAt(text, offsets).split('\n');
  const shown = new Set<number>();
  let [line, lineEnd] = [0, split[0]![1].length];
  for (const at of shownMarks) {
    while (at > lineEnd) lineEnd += split[++line]![1].length + 1;
    shown.add(line);
  }
  return {
    lines: part.map((entry, index) => ({ ...entry, text: split[index]![0] + rests[index]! })),
    shown,
  };
}

/**
 * `markdown` with nesting past {@link MAX_NESTING} flattened, paragraphs past
 * {@link MAX_PARAGRAPH_LINES} lines or {@link MAX_PARAGRAPH_CHARS} characters split (a blank
 * line between parts), and paragraphs with too many marks escaped. `lineOf` maps a line of
 * `text` back to the line of `markdown` it came from; `limited` lists the changed lines (of
 * `markdown`). Fenced and indented code is left alone. Linear in the length of the text.
 */
export function limitNesting(markdown: string): {
  text: string;
  lineOf: (line: number) => number;
  limited: LimitedLine[];
  /** `text` in parts to parse one by one, each with its first line (1-based, of `text`). */
  documents: { text: string; firstLine: number }[];
} {
  const limited: LimitedLine[] = [];
  const out: BlockLine[] = [];
  let block: BlockLine[] = [];
  const endBlock = () => {
    const isTable =
      block.length > 1 && block[0]!.text.includes('|') && TABLE_DELIMITER.test(block[1]!.text);
    const isCode = /^(?: {4}|\t)/.test(block[0]?.text ?? '');
    const parts = isTable || isCode ? [block] : splitBlock(block);
    parts.forEach((part, index) => {
      if (index > 0) {
        out.push({ text: '', from: part[0]!.from });
        limited.push({ line: part[0]!.from, limit: 'length' });
      }
      const escaped = isCode ? null : limitMarks(part);
      for (const at of escaped?.shown ?? []) limited.push({ line: part[at]!.from, limit: 'marks' });
      out.push(...(escaped?.lines ?? part));
    });
    block = [];
  };
  const fences = fenceTracker();
  markdown.split('\n').forEach((line, index) => {
    const from = index + 1;
    if (fences.inFence(line) || line.trim() === '') {
      endBlock();
      out.push({ text: line, from });
      return;
    }
    const flat = flattenLine(line);
    if (flat !== line) limited.push({ line: from, limit: 'nesting' });
    if (LIST_ITEM.test(flat) || INTERRUPTS.test(flat)) endBlock();
    block.push({ text: flat, from });
  });
  endBlock();
  const lines = out.map((line) => line.text);
  const documents = splitDocuments(lines);
  if (limited.length === 0) return { text: markdown, lineOf: (line) => line, limited, documents };
  const sorted = [
    ...new Map(limited.map((entry) => [`${entry.limit} ${entry.line}`, entry])).values(),
  ];
  sorted.sort((a, b) => a.line - b.line);
  return {
    text: lines.join('\n'),
    lineOf: (line) => out[line - 1]?.from ?? line,
    limited: sorted,
    documents,
  };
}

/** Whether each line, in order, is inside (or opens or closes) a fenced code block. */
function fenceTracker() {
  let fence: string | null = null;
  return {
    inFence(line: string): boolean {
      const mark = FENCE.exec(line)?.[1];
      if (fence !== null) {
        if (mark && mark[0] === fence[0] && mark.length >= fence.length) fence = null;
        return true;
      }
      if (mark) fence = mark;
      return mark !== undefined;
    },
  };
}

/** The lines in documents of at most about {@link MAX_DOCUMENT_LINES} lines (see there). */
function splitDocuments(lines: readonly string[]): { text: string; firstLine: number }[] {
  if (lines.length <= MAX_DOCUMENT_LINES) return [{ text: lines.join('\n'), firstLine: 1 }];
  const documents: { text: string; firstLine: number }[] = [];
  const fences = fenceTracker();
  let start = 0;
  lines.forEach((line, index) => {
    const fenced = fences.inFence(line);
    if (index - start < MAX_DOCUMENT_LINES || fenced || /^\s/.test(line) || line === '') return;
    const before = lines[index - 1]!;
    if (before.trim() === '' || (MARGIN_ITEM.test(before) && MARGIN_ITEM.test(line))) {
      documents.push({ text: lines.slice(start, index).join('\n'), firstLine: start + 1 });
      start = index;
    }
  });
  documents.push({ text: lines.slice(start).join('\n'), firstLine: start + 1 });
  return documents;
}

/** Deepest markdown tree kept (emphasis in emphasis in a link…); below it, text alone. */
export const MAX_TREE_DEPTH = 64;

interface TreeNode {
  type: string;
  value?: unknown;
  children?: TreeNode[];
  position?: { start: { line: number } };
}

/** The text under `node`, without recursion (the subtree may be thousands deep). */
function textUnder(node: TreeNode): string {
  const parts: string[] = [];
  const stack: TreeNode[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (typeof next.value === 'string') parts.push(next.value);
    if (next.children)
      for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]!);
  }
  return parts.join('');
}

/**
 * A parsed markdown tree with every node deeper than {@link MAX_TREE_DEPTH} replaced by its text
 * (`*****x*****` five thousand deep overflowed the stack of the HTML step). Changes the tree in
 * place; returns the 1-based lines where it cut.
 */
export function capTreeDepth(root: TreeNode): number[] {
  const cut: number[] = [];
  const visit = (node: TreeNode, depth: number) => {
    if (!node.children) return;
    if (depth >= MAX_TREE_DEPTH) {
      const line = node.position?.start.line;
      if (line !== undefined) cut.push(line);
      node.children = [
        { type: 'text', value: textUnder({ type: 'root', children: node.children }) },
      ];
      return;
    }
    for (const child of node.children) visit(child, depth + 1);
  };
  visit(root, 0);
  return cut;
}
