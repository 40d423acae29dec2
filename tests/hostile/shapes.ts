/**
 * One notes file of a given shape and about a given size: the shapes a parser can go
 * super-linear on (deep nesting, long lines, many of one construct, unclosed markup).
 */
const HEAD = '# Day 1\n\n## A talk - Jane Doe\n\n';

/** `unit(i)` repeated after the head until the text is `bytes` long (then cut to it). */
const repeat = (bytes: number, unit: (i: number) => string, head = HEAD) => {
  const parts = [head];
  let length = head.length;
  for (let i = 0; length < bytes; i++) {
    const part = unit(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, bytes);
};

export const SHAPES: Record<string, (bytes: number) => string> = {
  'deep list by indentation': (bytes) =>
    repeat(bytes, (i) => `${'  '.repeat(i % 2000)}- item ${i}\n`),
  'deep list on one line': (bytes) => repeat(bytes, () => '- ') + '\n',
  'one long line': (bytes) => repeat(bytes, (i) => `word${i} `),
  'one huge paragraph': (bytes) => repeat(bytes, (i) => `Sentence ${i} of the paragraph.\n`),
  'many headings': (bytes) => repeat(bytes, (i) => `## Talk ${i} - Speaker ${i}\n\nNotes.\n\n`),
  'many day headings': (bytes) => repeat(bytes, (i) => `# Day ${i + 1}\n\n## Talk ${i}\n\n`),
  'many links': (bytes) =>
    repeat(
      bytes,
      (i) => `See https://example.com/${i} and [docs](https://docs.example.org/${i}).\n`,
    ),
  'many tables': (bytes) => repeat(bytes, (i) => `| a | b |\n| - | - |\n| ${i} | x |\n\n`),
  'many speakers lines': (bytes) =>
    repeat(bytes, (i) => `## Talk ${i}\nspeaker: Jane Doe${i}, John Roe${i}\n\nNotes.\n\n`),
  'deep blockquote': (bytes) => repeat(bytes, () => '> ') + 'text\n',
  'deep blockquote by lines': (bytes) => repeat(bytes, (i) => `${'> '.repeat(i % 1000)}line\n`),
  'emphasis runs': (bytes) => repeat(bytes, (i) => (i % 2 ? '*a **b ' : '_c __d ')),
  'unclosed brackets': (bytes) => repeat(bytes, () => '[a '),
  'backtick runs': (bytes) => repeat(bytes, (i) => `${'`'.repeat((i % 20) + 1)}x `),
  hashtags: (bytes) => repeat(bytes, (i) => `#tag${i} `),
  'html tags': (bytes) => repeat(bytes, (i) => `<div><span>${i}</span>`),
  'one word': (bytes) => repeat(bytes, () => 'x'),
  'many short lines': (bytes) => repeat(bytes, (i) => `${i % 10}\n`),
  'emphasis closers': (bytes) => repeat(bytes, () => 'a* b_ '),
  'closed emphasis': (bytes) => repeat(bytes, (i) => `*a${i}* `),
  'long list': (bytes) => repeat(bytes, (i) => `- item ${i}\n`),
  'long table': (bytes) =>
    repeat(bytes, (i) => `| ${i} | cell ${i} |\n`, `${HEAD}| a | b |\n| - | - |\n`),
  'reference links': (bytes) =>
    repeat(
      bytes,
      (i) =>
        `## Talk ${i} - Speaker ${i}\n\nSee [docs][r${i}].\n\n[r${i}]: https://example.com/${i}\n\n`,
    ),
  footnotes: (bytes) => repeat(bytes, (i) => `Point ${i}.[^n${i}]\n\n[^n${i}]: Note ${i}.\n\n`),
  'setext headings': (bytes) => repeat(bytes, (i) => `Talk ${i} - Speaker ${i}\n---\n\nNotes.\n\n`),
  'bold lines': (bytes) => repeat(bytes, (i) => `**Talk ${i}**\n\nNotes ${i}.\n\n`),
  'colon speaker lines': (bytes) =>
    repeat(bytes, (i) => `## Jane Doe${i}: Talk about things ${i}\n\nNotes.\n\n`),
  'speaker labels': (bytes) =>
    repeat(bytes, (i) => `Speaker: Jane Doe${i}\nNotes ${i}: some words.\n`),
};
