/**
 * Markdown nested past any real note's depth, flattened before it is parsed: a line of 1,000
 * `- ` overflowed the stack of the markdown-to-HTML step, and lists nested by indentation parse in
 * time quadratic in their depth. Each line keeps its text; only the structure past
 * {@link MAX_NESTING} levels is cut, and the caller warns about it.
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
 * Most emphasis marks (`*`, `_`) or brackets one paragraph may hold as markup: the markdown
 * parser pairs them in time quadratic in their number (10,000 took over a minute). Past it, the
 * paragraph's marks are escaped: shown as written, not as markup.
 */
const MAX_MARKS_PER_PARAGRAPH = 100;
const EMPHASIS_MARK = /[*_]/g;
const BRACKET = /[[\]]/g;

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** The lines of one paragraph with their marks escaped when there are too many of a kind. */
function escapeMarks(lines: string[]): string[] {
  const text = lines.join('\n');
  const patterns = [EMPHASIS_MARK, BRACKET].filter(
    (pattern) => count(text, pattern) > MAX_MARKS_PER_PARAGRAPH,
  );
  if (patterns.length === 0) return lines;
  return lines.map((line) =>
    patterns.reduce((escaped, pattern) => escaped.replace(pattern, (mark) => `\\${mark}`), line),
  );
}

/**
 * `markdown` with nesting past {@link MAX_NESTING} flattened and paragraphs with too many marks
 * escaped, and the 1-based lines (of `markdown`) that were changed. Fenced code is left alone.
 * Linear in the length of the text.
 */
export function limitNesting(markdown: string): { text: string; flattened: number[] } {
  const changed = new Set<number>();
  const out: string[] = [];
  let paragraph: string[] = [];
  let start = 0;
  const endParagraph = () => {
    const escaped = escapeMarks(paragraph);
    escaped.forEach((line, offset) => {
      if (line !== paragraph[offset]) changed.add(start + offset + 1);
    });
    out.push(...escaped);
    paragraph = [];
  };
  let fence: string | null = null;
  markdown.split('\n').forEach((line, index) => {
    const mark = FENCE.exec(line)?.[1];
    if (fence !== null || mark || line.trim() === '') {
      endParagraph();
      if (fence !== null) {
        if (mark && mark[0] === fence[0] && mark.length >= fence.length) fence = null;
      } else if (mark) fence = mark;
      out.push(line);
      start = index + 1;
      return;
    }
    const flat = flattenLine(line);
    if (flat !== line) changed.add(index + 1);
    paragraph.push(flat);
  });
  endParagraph();
  const flattened = [...changed].sort((a, b) => a - b);
  return { text: flattened.length === 0 ? markdown : out.join('\n'), flattened };
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
