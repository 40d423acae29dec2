/**
 * Bytes on disk → the text of a note: BOMs, UTF-16, line ends, Windows-1252 and mojibake.
 * Pure: `files.ts` hands in the bytes. Line numbers in every issue are lines of the file on disk,
 * and the decoded text keeps them (one `\n` for each CRLF, CR or LF on disk).
 */
import type { ContentIssue } from '../issues';

export interface DecodeResult {
  /** The decoded, repaired text; null when the file is not text at all. */
  text: string | null;
  issues: ContentIssue[];
}

export interface MojibakeRepair {
  /** The word as it stood ("youâ€™re"). */
  before: string;
  /** The word repaired ("you’re"). */
  after: string;
}

// Windows-1252's 0x80–0x9F. Node 20's TextDecoder('windows-1252') decodes these as Latin-1
// C1 controls (0x92 → U+0092, not ’), so the table is ours. The five bytes cp1252 leaves undefined
// map to the C1 control of the same value, as the WHATWG decoder does, so `â€\u009d` round-trips.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
] as const;

const CP1252_BYTE_OF = new Map<number, number>(
  Array.from({ length: 0x80 }, (_, i): [number, number] => {
    const byte = 0x80 + i;
    return [CP1252_HIGH[i] ?? byte, byte];
  }),
);

/** Decodes bytes as Windows-1252 (WHATWG mapping). Never fails: every byte is a character. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    const code = byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] ?? byte) : byte;
    text += String.fromCharCode(code);
  }
  return text;
}

/** The Windows-1252 byte of a non-ASCII character, or undefined when cp1252 cannot write it. */
function toCp1252Byte(char: string): number | undefined {
  return CP1252_BYTE_OF.get(char.codePointAt(0) ?? -1);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** 1-based line of a byte offset, counting CRLF, lone CR and LF each as one line end. */
function lineAt(units: ArrayLike<number>, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < units.length; i++) {
    const unit = units[i];
    if (unit === 0x0a || (unit === 0x0d && units[i + 1] !== 0x0a)) line++;
  }
  return line;
}

// Bytes (or UTF-16 code units) that never appear in a note: C0 controls other than tab, LF, VT,
// FF, CR and ESC (terminal colour codes pasted from a shell are still text).
function isStrayControl(unit: number): boolean {
  return unit < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b].includes(unit);
}

/** Share of stray controls above which a file is binary; text pasted from a terminal stays well below it. */
const BINARY_CONTROL_SHARE = 0.1;
/** Enough of a file to judge it by: images and archives give themselves away early. */
const BINARY_SAMPLE = 8192;

/** The line to report when `units` look binary (first NUL, else line 1), or null for text. */
export function findBinaryEvidence(units: ArrayLike<number>): number | null {
  const sample = Math.min(units.length, BINARY_SAMPLE);
  let strays = 0;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i] ?? 0;
    if (unit === 0) return lineAt(units, i);
    if (i < sample && isStrayControl(unit)) strays++;
  }
  return sample > 0 && strays / sample > BINARY_CONTROL_SHARE ? 1 : null;
}

type Bom = 'utf-8' | 'utf-16le' | 'utf-16be';

function detectBom(bytes: Uint8Array): { encoding: Bom; length: number } | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Splits bytes into lines at CRLF, lone CR and LF, dropping the line ends. */
function splitByteLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte !== 0x0a && byte !== 0x0d) continue;
    lines.push(bytes.subarray(start, i));
    if (byte === 0x0d && bytes[i + 1] === 0x0a) i++;
    start = i + 1;
  }
  lines.push(bytes.subarray(start));
  return lines;
}

/** CRLF and lone CR become `\n`, so line numbers match the file on disk. */
export function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Decodes bytes that are not valid UTF-8 line by line: lines that are valid UTF-8 stay UTF-8 and
 * the rest are read as Windows-1252. Notes pasted together from several editors are often mixed,
 * and reading the whole file as cp1252 would turn every good UTF-8 line into mojibake.
 */
function decodeMixedLines(bytes: Uint8Array): { text: string; cp1252Lines: number[] } {
  const cp1252Lines: number[] = [];
  const lines = splitByteLines(bytes).map((line, index) => {
    const asUtf8 = decodeUtf8Strict(line);
    if (asUtf8 !== null) return asUtf8;
    cp1252Lines.push(index + 1);
    return decodeWindows1252(line);
  });
  return { text: lines.join('\n'), cp1252Lines };
}

// Code points that mojibake plausibly stands for. Two-byte UTF-8 also covers rare scripts
// (Syriac, Thaana, NKo: U+0700–U+07FF) that legitimate text produces by accident — German „Spaß“
// holds "ß“", bytes DF 93, which is valid UTF-8 for NKo U+07D3 — so those are left alone.
function isPlausibleRepair(codePoint: number): boolean {
  return (
    (codePoint >= 0xa0 && codePoint <= 0x24f) || // Latin-1 Supplement, Latin Extended-A/B
    (codePoint >= 0x370 && codePoint <= 0x52f) || // Greek, Cyrillic
    (codePoint >= 0x2000 && codePoint <= 0x2bff) || // punctuation, currency, symbols, arrows
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || // emoji variation selectors
    (codePoint >= 0x1f000 && codePoint <= 0x1faff) // emoji
  );
}

// CJK and Hangul are plausible only as a run of several characters: a single one is what a
// legitimate "é…”" (bytes E9 85 94) decodes to by accident.
function isCjk(codePoint: number): boolean {
  return (
    (codePoint >= 0x3000 && codePoint <= 0x9fff) || (codePoint >= 0xac00 && codePoint <= 0xd7af)
  );
}

function isPlausibleDecoding(decoded: string): boolean {
  const codePoints = Array.from(decoded, (char) => char.codePointAt(0) ?? 0);
  const cjk = codePoints.filter(isCjk).length;
  return codePoints.every((cp) => isPlausibleRepair(cp) || (isCjk(cp) && cjk >= 2));
}

/**
 * The text a run of non-ASCII characters stood for before it was read as Windows-1252, or null
 * when the run is not mojibake: it must re-encode to cp1252 bytes that are valid UTF-8 made only
 * of multi-byte sequences, decode to something shorter, and to characters mojibake plausibly hides.
 */
export function undoMojibakeRun(run: string): string | null {
  const bytes: number[] = [];
  for (const char of run) {
    const byte = toCp1252Byte(char);
    if (byte === undefined || byte < 0x80) return null;
    bytes.push(byte);
  }
  const decoded = decodeUtf8Strict(Uint8Array.from(bytes));
  if (decoded === null || decoded.length >= run.length) return null;
  return isPlausibleDecoding(decoded) ? decoded : null;
}

// A maximal run of non-ASCII characters: UTF-8 multi-byte sequences never contain ASCII bytes.
const NON_ASCII_RUN = /[\u0080-\u{10ffff}]+/gu;
const HAS_NON_ASCII = /[\u0080-\u{10ffff}]/u;
/** Text doubly mis-encoded (saved as UTF-8, read as cp1252, saved again) needs a second pass. */
const MAX_PASSES = 3;
const MAX_SHOWN = 40;

function repairOnce(line: string): string {
  return line.replace(NON_ASCII_RUN, (run) => undoMojibakeRun(run) ?? run);
}

function repairAllPasses(line: string): string {
  let text = line;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = repairOnce(text);
    if (next === text) break;
    text = next;
  }
  return text;
}

/** The whitespace-delimited word around `index`, shortened for a one-line message. */
function wordAround(line: string, index: number, length: number): string {
  const start = line.slice(0, index).search(/\S*$/);
  const endMatch = /^\S*/.exec(line.slice(index + length));
  const word = line.slice(start, index + length + (endMatch?.[0].length ?? 0));
  return word.length > MAX_SHOWN ? `${word.slice(0, MAX_SHOWN)}…` : word;
}

/**
 * Repairs UTF-8 text that was read as Windows-1252 ("youâ€™re" → "you’re", "Ã©" → "é") in one
 * line. Legitimate text ("Montréal", "naïve", a lone "Ã") is left as it is. `repairs` holds the
 * first repaired word of the line, for the warning; empty when nothing changed.
 */
export function repairMojibake(line: string): { text: string; repairs: MojibakeRepair[] } {
  const text = repairAllPasses(line);
  if (text === line) return { text, repairs: [] };
  return { text, repairs: [describeFirstRepair(line)] };
}

function describeFirstRepair(line: string): MojibakeRepair {
  for (const match of line.matchAll(NON_ASCII_RUN)) {
    const run = match[0];
    if (undoMojibakeRun(run) === null) continue;
    const before = wordAround(line, match.index, run.length);
    return { before, after: repairAllPasses(before) };
  }
  return { before: line, after: line };
}

function repairLines(text: string, file: string): { text: string; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const lines = text.split('\n').map((line, index) => {
    if (!HAS_NON_ASCII.test(line)) return line;
    const { text: repaired, repairs } = repairMojibake(line);
    const [first] = repairs;
    if (first) {
      const message = `repaired mis-encoded text "${first.before}" → "${first.after}"`;
      issues.push({ severity: 'warning', file, line: index + 1, message });
    }
    return repaired;
  });
  return { text: lines.join('\n'), issues };
}

function binaryFileIssue(file: string, line: number): ContentIssue {
  return { severity: 'error', file, line, message: 'binary file, not a note' };
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  return new TextDecoder(encoding).decode(bytes);
}

function charCodes(text: string): number[] {
  return Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
}

/** Decodes bytes read from disk into the text of a note, or explains why they are not one. */
export function decodeNote(bytes: Uint8Array, file: string): DecodeResult {
  const bom = detectBom(bytes);
  const body = bom ? bytes.subarray(bom.length) : bytes;

  if (bom?.encoding === 'utf-16le' || bom?.encoding === 'utf-16be') {
    const text = decodeUtf16(body, bom.encoding);
    const binaryLine = findBinaryEvidence(charCodes(text));
    if (binaryLine !== null) return { text: null, issues: [binaryFileIssue(file, binaryLine)] };
    return repairLines(normalizeLineEnds(text), file);
  }

  const binaryLine = findBinaryEvidence(body);
  if (binaryLine !== null) return { text: null, issues: [binaryFileIssue(file, binaryLine)] };

  const issues: ContentIssue[] = [];
  let text = decodeUtf8Strict(body);
  if (text === null) {
    const mixed = decodeMixedLines(body);
    text = mixed.text;
    issues.push(cp1252Warning(file, mixed.cp1252Lines));
  }
  const repaired = repairLines(normalizeLineEnds(text), file);
  return { text: repaired.text, issues: [...issues, ...repaired.issues] };
}

function cp1252Warning(file: string, lines: readonly number[]): ContentIssue {
  const [first = 1] = lines;
  const more = lines.length > 1 ? ` (and ${lines.length - 1} more lines)` : '';
  const message = `not valid UTF-8: read as Windows-1252${more}`;
  return { severity: 'warning', file, line: first, message };
}
