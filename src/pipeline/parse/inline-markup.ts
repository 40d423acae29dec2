/**
 * A heading's or speaker line's words without their markdown emphasis and code marks, and nothing
 * else lost: "`__init__` and **kwargs" → "__init__ and **kwargs", "Talk - *Jane Doe*" →
 * "Talk - Jane Doe". Only paired marks go; a lone `**` or an identifier in underscores
 * (`__init__`, `_id_`) is text, as its writer meant.
 */

const CODE_SPAN = /(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;
const STARS = [
  /\*\*(?=\S)(.+?)(?<=\S)\*\*/g,
  /\*(?=[^\s*])(.+?)(?<=[^\s*])\*/g,
  /~~(?=\S)(.+?)(?<=\S)~~/g,
];
/** Underscores count only outside a word, and not around an identifier (`__init__`). */
const UNDERSCORES = [
  /(?<![\p{L}\p{N}_])__(?=\S)(.+?)(?<=\S)__(?![\p{L}\p{N}_])/gu,
  /(?<![\p{L}\p{N}_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\p{L}\p{N}_])/gu,
];
const IDENTIFIER = /^[\p{L}\p{N}_]+$/u;
/** Stands for a code span while the emphasis is taken out (a private-use character). */
const SLOT = '\ue000';

export function stripInlineMarkup(text: string): string {
  const code: string[] = [];
  let plain = text.replace(CODE_SPAN, (_, _ticks: string, inner: string) => {
    code.push(inner.trim());
    return `${SLOT}${code.length - 1}${SLOT}`;
  });
  for (let pass = 0; pass < 3; pass++) {
    const before = plain;
    for (const pattern of STARS) plain = plain.replace(pattern, '$1');
    for (const pattern of UNDERSCORES) {
      plain = plain.replace(pattern, (whole, inner: string) =>
        IDENTIFIER.test(inner) ? whole : inner,
      );
    }
    if (plain === before) break;
  }
  return plain.replace(/\ue000(\d+)\ue000/g, (_, index: string) => code[Number(index)] ?? '');
}
