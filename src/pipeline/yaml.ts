/**
 * YAML read one way everywhere (front matter, `tags.yaml`): a syntax error, an alias bomb
 * ("billion laughs") or nesting too deep for the parser becomes a `file:line` issue, and zod's
 * complaints about the values point at the line of the value. Nothing here throws.
 */
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { ContentIssue } from './issues';

/** Aliases (`*name`) one value may expand; far above any real note, far below a bomb. */
const MAX_ALIAS_COUNT = 100;

export interface YamlText {
  /** The parsed document, or null when it could not be read (see `issues`). */
  doc: Document | null;
  issues: ContentIssue[];
  /** The file line of an offset into the YAML text. */
  lineAt: (offset: number | undefined) => number;
  /** A node (default: the whole document) as plain data, or an issue for a bomb. */
  toValue: (node?: unknown) => { value: unknown } | { issue: ContentIssue };
}

/** The first line of a parser message, without the position it repeats ("at line 2, column 3"). */
const firstLineOf = (message: string): string =>
  (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');

/** A message for what the parser threw: its own words for a bomb, else the error's first line. */
function describeThrown(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/alias count/i.test(message)) {
    return `too many aliases (*name) to expand: more than ${MAX_ALIAS_COUNT}, as in a "billion laughs" YAML bomb`;
  }
  if (error instanceof RangeError) return 'nested too deeply to read';
  return firstLineOf(message);
}

/**
 * Parses `source`, YAML that starts on line `firstLine` of `file`. `label` starts every message
 * ("front matter", "YAML"). Only the first syntax error is reported: the rest are usually the
 * parser losing its footing after it.
 */
export function readYamlText(
  source: string,
  file: string,
  { firstLine = 1, label }: { firstLine?: number; label: string },
): YamlText {
  const lineCounter = new LineCounter();
  const lastLine = Math.max(1, source.replace(/\s+$/, '').split('\n').length);
  // Errors at the end of the text point past its last line; point at the last line instead.
  const lineAt = (offset: number | undefined) =>
    firstLine - 1 + Math.min(offset === undefined ? 1 : lineCounter.linePos(offset).line, lastLine);
  const issueAt = (line: number, message: string): ContentIssue => ({
    severity: 'error',
    file,
    line,
    message: `${label}: ${message}`,
  });
  let doc: Document;
  try {
    doc = parseDocument(source, { lineCounter, prettyErrors: false });
  } catch (error) {
    return {
      doc: null,
      issues: [issueAt(firstLine, describeThrown(error))],
      lineAt,
      toValue: () => ({ issue: issueAt(firstLine, describeThrown(error)) }),
    };
  }
  const [error] = doc.errors;
  const toValue = (node: unknown = doc): { value: unknown } | { issue: ContentIssue } => {
    try {
      const value: unknown =
        node === doc
          ? doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
          : isNode(node)
            ? node.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT })
            : node;
      return { value };
    } catch (thrown) {
      const offset = isNode(node) ? node.range?.[0] : undefined;
      return { issue: issueAt(lineAt(offset), describeThrown(thrown)) };
    }
  };
  if (error) {
    return {
      doc: null,
      issues: [issueAt(lineAt(error.pos[0]), firstLineOf(error.message))],
      lineAt,
      toValue,
    };
  }
  return { doc, issues: [], lineAt, toValue };
}

/** The source offset of the deepest node on `path` that exists (a missing key points at its parent). */
export function nodeOffset(doc: Document, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return undefined;
}

/** `.synonyms[2].term`: where in a value a zod issue is. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');

/** A zod issue as a `file:line` error: the line of the value it is about, its path in the message. */
export function zodIssueAt(
  found: Pick<z.core.$ZodIssue, 'path' | 'message'>,
  {
    file,
    label,
    line,
  }: { file: string; label: string; line: (path: readonly PropertyKey[]) => number },
): ContentIssue {
  return {
    severity: 'error',
    file,
    line: line(found.path),
    message: `${label}${formatPath(found.path)}: ${found.message}`,
  };
}
