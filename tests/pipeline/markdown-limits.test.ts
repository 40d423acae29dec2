/**
 * Markdown past a real note's limits (formats/nesting.ts) renders with every word kept, the
 * markup a writer uses kept, and the lines cut down named for a warning.
 */
import { describe, expect, it, vi } from 'vitest';
import { renderNotes } from '../../src/pipeline/formats/render';
import { limitMessage } from '../../src/pipeline/formats/nesting';

// Each case parses a few thousand lines: seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const render = (body: string) => renderNotes(body, 'markdown');
const count = (html: string, tag: string) => html.split(`<${tag}`).length - 1;
const lines = (n: number, line: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => line(i)).join('\n');

describe('markup a writer uses is kept', () => {
  it('a list of 120 items written with * stays a list, its emphasis kept', () => {
    const { html, limited } = render(lines(120, (i) => `* item ${i} with *stress*`));
    expect(count(html, 'li')).toBe(120);
    expect(count(html, 'em')).toBe(120);
    expect(limited).toEqual([]);
  });

  it('a paragraph of 60 links keeps them as links', () => {
    const { html, links, limited } = render(
      lines(60, (i) => `See [slides ${i}](https://example.com/${i}) for snake_case_names.`),
    );
    expect(count(html, 'a')).toBe(60);
    expect(html).toContain('>slides 59</a>');
    expect(html).toContain('snake_case_names');
    expect(links).toHaveLength(60);
    expect(limited).toEqual([]);
  });

  it('unpaired brackets are shown as written, with no warning', () => {
    const { text, limited } = render('x] '.repeat(300));
    expect(text).toBe('x] '.repeat(300).trim());
    expect(limited).toEqual([]);
  });
});

describe('past a limit, every word is kept and the lines are named', () => {
  it('over 100 emphasis marks in one paragraph are shown as written, code spans untouched', () => {
    const body = `${'a* b_ '.repeat(60)}\`a_b\` and \`[i]\``;
    const { html, text, limited } = render(body);
    expect(count(html, 'em')).toBe(0);
    expect(text).toBe(body.replace(/`/g, ''));
    expect(html).toContain('<code>a_b</code> and <code>[i]</code>');
    expect(limited).toEqual([{ line: 1, limit: 'marks' }]);
  });

  it('a paragraph of 2,500 lines is split into paragraphs, its lines named in the body', () => {
    const body = `Intro.\n\n${lines(2500, (i) => `Line ${i}.`)}`;
    const { html, text, limited } = render(body);
    expect(text.split('\n').filter((line) => line.startsWith('Line '))).toHaveLength(2500);
    expect(count(html, 'p')).toBe(4);
    // Body line 1003 is "Line 1000.": the first line of the second part.
    expect(limited).toEqual([
      { line: 1003, limit: 'length' },
      { line: 1912, limit: 'length' },
    ]);
  });

  it('a line of 25,000 characters is split at spaces, no word cut', () => {
    const body = 'word '.repeat(5000).trim();
    const { text, limited } = render(body);
    expect(text.split(/\s+/)).toHaveLength(5000);
    expect(text.replace(/\s+/g, ' ')).toBe(body);
    expect(limited).toEqual([{ line: 1, limit: 'length' }]);
  });

  it('a table of 1,200 rows stays one table', () => {
    const { html, limited } = render(`| a | b |\n| - | - |\n${lines(1200, (i) => `| ${i} | x |`)}`);
    expect(count(html, 'table')).toBe(1);
    expect(count(html, 'tr')).toBe(1201);
    expect(limited).toEqual([]);
  });

  it('a long note is parsed in parts: references, footnotes and numbering still resolve', () => {
    const filler = lines(450, (i) => `Para ${i}.\n`);
    const items = lines(900, (i) => `${i + 1}. item ${i}`);
    const body = `See [docs][d].[^a]\n\n${filler}\n\n${items}\n\n[d]: https://example.com/d\n\n[^a]: The note.`;
    const { html, links } = render(body);
    expect(links).toEqual([{ url: 'https://example.com/d', text: 'docs' }]);
    expect(html).toContain('data-footnote-ref');
    expect(count(html, 'section')).toBe(1);
    expect(count(html, 'li')).toBe(901);
    // 900 items in parts of about 400 lines: the numbering goes on.
    expect(html.match(/<ol[^>]*>/g)?.slice(0, 3)).toEqual([
      '<ol>',
      expect.stringMatching(/^<ol start="\d+">$/),
      expect.stringMatching(/^<ol start="\d+">$/),
    ]);
    expect(html).toContain('item 899');
  });
});

it.each([
  ['nesting', 3, 'nested deeper than 16 levels: flattened (3 lines)'],
  [
    'marks',
    1,
    'over 100 emphasis marks (* or _) in one paragraph: shown as written, not as emphasis (1 line)',
  ],
  [
    'length',
    2,
    'a paragraph over 1,000 lines or 10,000 characters: split into shorter paragraphs (2 lines)',
  ],
] as const)('the warning for %s', (limit, lines, message) => {
  expect(limitMessage(limit, lines)).toBe(message);
});
