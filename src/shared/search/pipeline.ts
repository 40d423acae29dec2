/**
 * The text pipeline of the search index, the same at build time (src/pipeline/enrich/search-index.ts)
 * and at query time (query.ts): tokenize → trim → fold accents → CJK bigrams → stop words →
 * stemmer. lunr's defaults are ASCII-minded (its trimmer drops `日本語` and `Ελληνικά`, and its
 * tokenizer keeps a URL as one token), so every step here is Unicode-aware.
 *
 * Importing this module registers the steps with `lunr.Pipeline.registerFunction`, which
 * `lunr.Index.load` needs to read a serialized index back.
 */
import lunr from 'lunr';

/**
 * Bump whenever a change here would make an old index disagree with new queries: the app
 * compares it with the `pipelineVersion` stored beside the index (see `loadSearchIndex`).
 */
export const PIPELINE_VERSION = 2;

/** Characters that separate tokens: anything that is not a letter, digit or combining mark. */
export const TOKEN_SEPARATOR = /[^\p{L}\p{N}\p{M}]+/u;

/** Apostrophes as the notes write them: straight, curly, modifier letter. */
const APOSTROPHE = /['’ʼ]/;
const APOSTROPHES = /['’ʼ]+/u;
/** Like TOKEN_SEPARATOR, but keeps apostrophes inside a piece (split apart afterwards). */
const SEPARATOR_KEEPING_APOSTROPHES = /[^\p{L}\p{N}\p{M}'’ʼ]+/u;

/**
 * Splits text into lowercase lunr tokens; a URL becomes its parts
 * (`https://www.sysdig.org/falco/` → https, www, sysdig, org, falco).
 */
export function tokenize(text: unknown, metadata: object = {}): lunr.Token[] {
  if (typeof text !== 'string') return [];
  return tokenizeWords(text).map((word, index) => new lunr.Token(word, { ...metadata, index }));
}

/**
 * A word written with apostrophes → the words it is found by: the whole, joined (`don't` →
 * `dont`, as the notes spell it both ways), then each part of two letters or more (`l'autel` →
 * `autel`, `qu'il` → `qu`, `il`, `don't` → `don`), so the elided word is found as itself.
 */
export function apostropheVariants(word: string): string[] {
  const parts = word.split(APOSTROPHES).filter((part) => part !== '');
  if (parts.length <= 1) return parts;
  return [parts.join(''), ...parts.filter((part) => [...part].length >= 2)];
}

/**
 * The words of a text, lowercased, each as the list of words it is found by: one for most
 * (`docker` → [docker]), more for a word with apostrophes (`l'autel` → [lautel, autel]).
 */
export function wordPieces(text: string): string[][] {
  const source = text.toLowerCase();
  if (!APOSTROPHE.test(source)) {
    return source.split(TOKEN_SEPARATOR).flatMap((part) => (part === '' ? [] : [[part]]));
  }
  return source.split(SEPARATOR_KEEPING_APOSTROPHES).flatMap((part) => {
    const variants = apostropheVariants(part);
    return variants.length === 0 ? [] : [variants];
  });
}

/** The words `tokenize` makes tokens of, as strings (the compiler's index builder needs no tokens). */
export function tokenizeWords(text: string): string[] {
  const source = text.toLowerCase();
  if (!APOSTROPHE.test(source)) return source.split(TOKEN_SEPARATOR).filter((part) => part !== '');
  return wordPieces(source).flat();
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const EDGE_NON_WORD = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** lunr's trimmer, for every script: strips what is not a letter or digit from either end. */
export function trimToken(token: lunr.Token): lunr.Token | null {
  const trimmed = token.update((text) => text.replace(EDGE_NON_WORD, ''));
  return LETTER_OR_DIGIT.test(trimmed.toString()) ? trimmed : null;
}

/** Letters whose accent is not a combining mark, so NFKD alone leaves them alone. */
const SPECIAL_FOLDS: Readonly<Record<string, string>> = {
  ø: 'o',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  ħ: 'h',
  ŀ: 'l',
  ς: 'σ',
};

/** Scripts whose marks are accents, dropped by folding; elsewhere (kana dakuten…) they stay. */
const ACCENTED_SCRIPT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;
const MARK = /\p{M}/u;

/**
 * Folds text for matching, remembering where each output character came from: `map[i]` is the
 * index in `text` of the code point that produced `folded[i]`, and `map[folded.length]` is
 * `text.length`. Lowercases, applies NFKD, drops accents of Latin, Greek and Cyrillic letters,
 * and maps ø→o, ß→ss, ł→l and friends.
 */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let accentedBase = false;
  let offset = 0;
  for (const char of text) {
    let out: string;
    const code = char.charCodeAt(0);
    if (code < 0x80) {
      out = char.toLowerCase();
      accentedBase = /[a-z]/i.test(char);
    } else if (MARK.test(char)) {
      out = accentedBase ? '' : char;
    } else {
      const decomposed = char.toLowerCase().normalize('NFKD');
      accentedBase = ACCENTED_SCRIPT.test(decomposed);
      out = '';
      for (const part of decomposed) {
        if (MARK.test(part)) {
          if (!accentedBase) out += part;
        } else {
          out += SPECIAL_FOLDS[part] ?? part;
        }
      }
      if (!accentedBase) out = out.normalize('NFC');
    }
    folded += out;
    for (let i = 0; i < out.length; i++) map.push(offset);
    offset += char.length;
  }
  map.push(text.length);
  return { folded, map };
}

/** `Différence` → `difference`, `Goksøyr` → `goksoyr`, `Straße` → `strasse`. */
export function fold(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return foldWithMap(text).folded;
}

/** Scripts written without spaces between words; indexed as overlapping pairs of characters. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]/u;
const CJK_RUNS = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+)/u;

/** `日本語` → `日本`, `本語`; a single character stays itself. Non-CJK runs pass through. */
export function toBigrams(text: string): string[] {
  if (!CJK.test(text)) return [text];
  const out: string[] = [];
  for (const run of text.split(CJK_RUNS)) {
    if (run === '') continue;
    if (!CJK.test(run)) {
      out.push(run);
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) out.push(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

export function isCjk(text: string): boolean {
  return CJK.test(text);
}

/** The English stemmer and stop words apply to words in the Latin alphabet only. */
const LATIN_WORD = /^[a-z0-9]+$/;

function foldToken(token: lunr.Token): lunr.Token | null {
  const folded = token.update(fold);
  return folded.toString() === '' ? null : folded;
}

function splitCjk(token: lunr.Token): lunr.Token | lunr.Token[] {
  const parts = toBigrams(token.toString());
  if (parts.length === 1 && parts[0] === token.toString()) return token;
  return parts.map((part) => token.clone(() => part));
}

function filterStopWords(token: lunr.Token): lunr.Token | undefined {
  return LATIN_WORD.test(token.toString()) ? lunr.stopWordFilter(token) : token;
}

function stemLatin(token: lunr.Token): lunr.Token {
  return LATIN_WORD.test(token.toString()) ? lunr.stemmer(token) : token;
}

/**
 * Marks an index term as a stem (`~tip`), not a word as written: prefixes and near spellings are
 * looked for among the words only, so `aws` never completes to the stem `aw` of "awful", and a
 * talk that only shares a stem with the query (`tips` for `tipping`) is found through this term.
 * No query word can contain it: the tokenizer splits on it.
 */
export const STEM_MARK = '~';

/**
 * The index keeps each word as written and, when it differs, its English stem marked
 * (`tipping` → `tipping`, `~tip`): a word matches itself first, and its stem only as a guess.
 */
function indexWordAndStem(token: lunr.Token): lunr.Token | lunr.Token[] {
  const word = token.toString();
  if (!LATIN_WORD.test(word)) return token;
  const stemmed = lunr.stemmer(token.clone()).toString();
  if (stemmed === word) return token;
  return [token, token.clone(() => STEM_MARK + stemmed)];
}

/** True for an English stop word (`the`, `and`): left out of the index and of queries. */
export function isStopWord(word: string): boolean {
  return LATIN_WORD.test(word) && lunr.stopWordFilter(new lunr.Token(word, {})) === undefined;
}

/** The English stem of a folded Latin word; other words are returned as they are. */
export function stem(word: string): string {
  return LATIN_WORD.test(word) ? stemLatin(new lunr.Token(word, {})).toString() : word;
}

/**
 * The index terms a folded word's stem is stored under: the marked stem (`~tip`, for talks with
 * `tips`, `tipped`…) and the stem itself when it is a word of its own stem (`tip`). Empty for
 * words that are not stemmed (other scripts).
 */
export function stemTermsOf(word: string): string[] {
  if (!LATIN_WORD.test(word)) return [];
  const stemmed = stem(word);
  return stem(stemmed) === stemmed ? [STEM_MARK + stemmed, stemmed] : [STEM_MARK + stemmed];
}

type PipelineStep = (token: lunr.Token, index: number, tokens: lunr.Token[]) => unknown;

/** The registered steps, in order, with their labels (the names stored in a serialized index). */
const STEPS: readonly (readonly [string, PipelineStep])[] = [
  ['lanyard-trimmer', trimToken],
  ['lanyard-fold', foldToken],
  ['lanyard-cjk-bigrams', splitCjk],
  ['lanyard-stop-words', filterStopWords],
  ['lanyard-word-and-stem', indexWordAndStem],
];

const registered = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, unknown> })
  .registeredFunctions;
for (const [label, step] of STEPS) {
  // Registering twice (hot reload, two bundles) only warns; skip it to keep the console quiet.
  if (!(label in registered)) {
    lunr.Pipeline.registerFunction(step as lunr.PipelineFunction, label);
  }
}

/** Steps between the tokenizer and the index; the same steps turn query words into terms. */
export function configurePipeline(builder: lunr.Builder): void {
  builder.tokenizer = tokenize as unknown as typeof lunr.tokenizer;
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  for (const [, step] of STEPS) {
    builder.pipeline.add(step as lunr.PipelineFunction);
    builder.searchPipeline.add(step as lunr.PipelineFunction);
  }
}

/** Text → the terms the index holds for it (what `builder.add` stores). */
export function toIndexTerms(text: string): string[] {
  let tokens = tokenize(text);
  for (const [, step] of STEPS) {
    const next: lunr.Token[] = [];
    tokens.forEach((token, index) => {
      const result = step(token, index, tokens) as lunr.Token | lunr.Token[] | null | undefined;
      if (Array.isArray(result)) next.push(...result);
      else if (result && result.toString() !== '') next.push(result);
    });
    tokens = next;
  }
  return tokens.map(String);
}
