/**
 * Finding the lines that could give a note its structure: markdown headings (ATX, closed ATX,
 * setext), whole-line bold paragraphs, and, in plain text, short lines standing alone.
 * What each one means (day, track, talk) is decided later, in parse-note.ts.
 */

export interface Line {
  text: string;
  /** 1-based line number in the file on disk. */
  number: number;
}

export interface HeadingCandidate {
  /** Index into the lines of the heading's first line. */
  index: number;
  /** How many lines the heading itself takes (2 for a setext heading). */
  span: number;
  /**
   * 1–6 for markdown headings. Weaker cues rank below them: 7 for a whole-line bold paragraph,
   * 8 for a plain-text line standing alone. A weak candidate only becomes structure when it names
   * a day, a talk or a note section; otherwise it stays text.
   */
  level: number;
  /** The heading's words: no `#`, no `**`, no `{#id}`. */
  text: string;
  explicitId?: string;
}

/** What the parser knows about a line's words, for the finders that look at layout. */
export interface HeadingCues {
  /** A line under a title that says more about it: its speaker, id, aliases or tags. */
  isMetadataLine: (text: string) => boolean;
  /** A line that names only people ("Jane Doe, Acme", "Speaker: Jane Doe"). */
  isSpeakerLine: (text: string) => boolean;
  /** A line that reads as a title even with notes right under it ("10h30 - Title (Speaker)"). */
  isTitleLine: (text: string) => boolean;
}

const NO_CUES: HeadingCues = {
  isMetadataLine: () => false,
  isSpeakerLine: () => false,
  isTitleLine: () => false,
};

export const WEAK_BOLD = 7;
export const WEAK_LINE = 8;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const LIST_ITEM = /^\s*(?:[-*+•]|\d+[.)])(?:\s|$)/;
const BOLD_LINE = /^ {0,3}(\*\*|__)(?=\S)((?:(?!\1).)+?)(?:\1[:.]?)?[ \t]*$/;
const EXPLICIT_ID = /\s*\{#([\p{L}\p{N}_-]+)\}\s*$/u;
const STANDALONE_MAX_LENGTH = 120;

/**
 * The level and words of a markdown ATX heading line, or null. People also write "#Day 2" with
 * no space; that counts when it reads like a title (a capital or digit, and more than one word),
 * so a lone `#docker` stays a hashtag, or when it has two hashes or more (`##funneljoin()`).
 */
export function readAtxHeading(
  text: string,
  options: { unspacedFile?: boolean } = {},
): { level: number; text: string } | null {
  const match = /^ {0,3}(#{1,6})(.*)$/.exec(text);
  if (!match) return null;
  const rest = match[2]!;
  const spaced = rest === '' || /^[ \t]/.test(rest);
  // "##Title" is a heading whatever its words: a hashtag never starts with two "#".
  const deep = match[1]!.length >= 2 && /^[^\s#]/.test(rest);
  // In a file that writes its headings with no space, "#Flexbox" is one of them too.
  const oneWord = options.unspacedFile === true && /^[\p{Lu}\d][^\s#]*$/u.test(rest);
  if (!spaced && !deep && !oneWord && !/^[\p{Lu}\d]\S*\s+\S/u.test(rest)) return null;
  const words = rest.replace(spaced ? /(?:^|[ \t]+)#+[ \t]*$/ : /#+[ \t]*$/, '').trim();
  return { level: match[1]!.length, text: words };
}

function splitExplicitId(text: string): { text: string; explicitId?: string } {
  const match = EXPLICIT_ID.exec(text);
  if (!match) return { text };
  return { text: text.slice(0, match.index).trim(), explicitId: match[1]! };
}

function candidate(index: number, span: number, level: number, raw: string): HeadingCandidate {
  const { text, explicitId } = splitExplicitId(raw.trim());
  return explicitId ? { index, span, level, text, explicitId } : { index, span, level, text };
}

const isBlank = (line: Line | undefined): boolean => line === undefined || line.text.trim() === '';

/** Indexes of lines inside fenced code blocks (fence lines included). */
export function findFencedLines(lines: readonly Line[]): Set<number> {
  const fenced = new Set<number>();
  let open: string | null = null;
  lines.forEach((line, index) => {
    const fence = FENCE.exec(line.text)?.[1];
    if (open !== null) {
      fenced.add(index);
      if (
        fence &&
        fence[0] === open[0] &&
        fence.length >= open.length &&
        line.text.trim() === fence
      ) {
        open = null;
      }
    } else if (fence) {
      fenced.add(index);
      open = fence;
    }
  });
  return fenced;
}

/**
 * A `---` under a line is a setext heading to CommonMark, but in notes it is far more often a
 * rule between sections. It is taken as a heading only when the line above stands alone, what
 * follows is more notes (not a heading or the end), and the line reads like a heading (the file
 * has no `#` headings, or the line is short and has no sentence punctuation).
 */
function isDashSetext(lines: readonly Line[], index: number, fileHasAtx: boolean): boolean {
  const text = lines[index]!.text.trim();
  let next = index + 2;
  while (next < lines.length && isBlank(lines[next])) next++;
  if (next >= lines.length) return false;
  const following = lines[next]!.text;
  if (readAtxHeading(following) || SETEXT_UNDERLINE.test(following)) return false;
  // A long title is a heading when its underline runs as long as it does.
  const underline = lines[index + 1]!.text.trim().length;
  if ((text.length > 80 && underline < text.length * 0.7) || /[.,;]$/.test(text)) return false;
  return !fileHasAtx || !/[.!?]\s/.test(text);
}

/**
 * Markdown headings, whole-line bold paragraphs, and a paragraph's first line when the line under
 * it names only people (`isSpeakerLine`): "[Title](url)" then "Jane Doe", as blogs write talks.
 */
export function findMarkdownHeadings(
  lines: readonly Line[],
  { isSpeakerLine, isTitleLine }: HeadingCues = NO_CUES,
): HeadingCandidate[] {
  const fenced = findFencedLines(lines);
  const fileHasAtx = lines.some((line, index) => !fenced.has(index) && readAtxHeading(line.text));
  const unspacedFile = lines.some(
    (line, index) =>
      !fenced.has(index) && /^ {0,3}#{1,6}[^\s#]/.test(line.text) && readAtxHeading(line.text),
  );
  const found: HeadingCandidate[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (fenced.has(index)) continue;
    const text = lines[index]!.text;
    const atx = readAtxHeading(text, { unspacedFile });
    if (atx) {
      if (atx.text !== '') found.push(candidate(index, 1, atx.level, atx.text));
      continue;
    }
    const standsAlone = isBlank(lines[index - 1]) || found.at(-1)?.index === index - 1;
    if (isBlank(lines[index]) || LIST_ITEM.test(text) || !standsAlone) continue;
    const underline =
      lines[index + 1] && !fenced.has(index + 1)
        ? SETEXT_UNDERLINE.exec(lines[index + 1]!.text)
        : null;
    if (underline && (underline[1]!.startsWith('=') || isDashSetext(lines, index, fileHasAtx))) {
      found.push(candidate(index, 2, underline[1]!.startsWith('=') ? 1 : 2, text));
      index++;
      continue;
    }
    const bold = BOLD_LINE.exec(text);
    if (bold) {
      found.push(candidate(index, 1, WEAK_BOLD, bold[2]!));
    } else if (
      text.trim().length <= STANDALONE_MAX_LENGTH &&
      !/[.!?,;:]["'”’)\]]*\s*$/.test(text) &&
      !isBlank(lines[index + 1]) &&
      !fenced.has(index + 1) &&
      !isSpeakerLine(text) &&
      (isSpeakerLine(lines[index + 1]!.text) || (isBlank(lines[index - 1]) && isTitleLine(text)))
    ) {
      found.push(candidate(index, 1, WEAK_LINE, text));
    }
  }
  return found;
}

/**
 * In plain text the only cue is layout: a short line with a blank line before it and a blank line
 * (or a line naming its speaker) after it.
 */
export function findTextHeadings(
  lines: readonly Line[],
  { isMetadataLine, isTitleLine }: HeadingCues = NO_CUES,
): HeadingCandidate[] {
  const found: HeadingCandidate[] = [];
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]!.text;
    if (isBlank(lines[index]) || !isBlank(lines[index - 1])) continue;
    if (LIST_ITEM.test(text) || /^\s/.test(text)) continue;
    // A line underlined with === or --- as long as itself is a title of any length.
    const underline = SETEXT_UNDERLINE.exec(lines[index + 1]?.text ?? '');
    if (underline && underline[1]!.length >= 3) {
      found.push(candidate(index, 2, underline[1]!.startsWith('=') ? 1 : 2, text));
      index++;
      continue;
    }
    if (text.trim().length > STANDALONE_MAX_LENGTH) continue;
    let after = index + 1;
    while (after < lines.length && !isBlank(lines[after]) && isMetadataLine(lines[after]!.text))
      after++;
    // A line that reads as a title ("Title - Speaker", "10h30 - Title", "Day 2") may have its
    // notes right under it.
    // So may a line whose speaker stands on the line under it ("Title", "Jane Doe", notes).
    if (!isBlank(lines[after]) && !isTitleLine(text) && after === index + 1) continue;
    found.push(candidate(index, 1, WEAK_LINE, text));
  }
  return found;
}
