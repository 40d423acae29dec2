/**
 * The promise behind the parser: every non-blank line of every note ends up in exactly one talk
 * or day note. Checked over generated notes of every shape the parser knows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/pipeline/parse/parse-note';
import type { ParsedNote } from '../../src/pipeline/parse/types';

const word = fc.constantFrom(
  'docker',
  'notes',
  'cloud',
  'Puppet',
  'etcd',
  'is',
  'the',
  'great',
  'x',
  'Q&A',
  'café',
  '日本語',
  '<b>',
  '*',
  '#tag',
  'https://example.org/a',
);
const sentence = fc.array(word, { minLength: 1, maxLength: 9 }).map((words) => words.join(' '));
const person = fc.constantFrom(
  'Jane Doe',
  'John Smith',
  'Elizabeth K. Joseph',
  '@lvh',
  'Ana de la Cruz',
);
const title = fc.constantFrom(
  'Puppet in the cloud',
  'Scaling Postgres',
  'Web3 - the Internet of Freedom',
  'Rust at scale',
);

const markdownLine = fc.oneof(
  { weight: 6, arbitrary: sentence },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: sentence.map((s) => `- ${s}`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('Day 2', 'Sysadmin miniconf', 'Keynote', 'Things to google', 'Notes'),
      )
      .map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 4 }), title, person, fc.boolean())
      .map(
        ([level, t, p, first]) => `${'#'.repeat(level)} ${first ? `${p} - ${t}` : `${t} - ${p}`}`,
      ),
  },
  { weight: 1, arbitrary: fc.tuple(title, person).map(([t, p]) => `**${t} - ${p}**`) },
  { weight: 1, arbitrary: person.map((p) => `speaker: ${p}`) },
  { weight: 1, arbitrary: fc.constantFrom('---', '```', '=====', '***') },
);

const textLine = fc.oneof(
  { weight: 5, arbitrary: sentence },
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: sentence.map((s) => `  • ${s}`) },
  { weight: 1, arbitrary: fc.tuple(title, person).map(([t, p]) => `${t}, ${p}`) },
  { weight: 1, arbitrary: person.map((p) => `Keynote: ${p}`) },
  { weight: 1, arbitrary: fc.constantFrom('Wrap up', 'Day 3', 'Misc Notes:') },
);

const isLayout = (text: string) => /^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|=+|`{3,})\s*$/.test(text);

/** Words of a line that must be found again in the section that owns it. */
const wordsOf = (text: string) =>
  text
    .replace(/^\s*(?:speakers?|presenters?|aliases|tags|id)\s*:/i, '')
    .match(/[\p{L}\p{N}]{2,}/gu) ?? [];

function ownerText(section: ParsedNote['sections'][number]): string {
  return [
    section.title ?? '',
    section.speakers.map((s) => `${s.name} ${s.handle ?? ''} ${s.affiliation ?? ''}`).join(' '),
    section.day?.label ?? '',
    section.track?.name ?? '',
    section.body,
    section.explicitId ?? '',
  ].join('\n');
}

function checkNothingLost(lines: string[], format: 'markdown' | 'text') {
  const bodyLine = 4;
  const note = parseNote({
    file: 'n',
    body: lines.join('\n'),
    bodyLine,
    format,
    facts: { tags: [], aliases: [] },
  });
  const sections = note.sections;
  for (let a = 0; a < sections.length; a++) {
    for (let b = a + 1; b < sections.length; b++) {
      expect(sections[a]!.endLine < sections[b]!.startLine, 'sections overlap').toBe(true);
    }
  }
  lines.forEach((text, index) => {
    if (text.trim() === '' || isLayout(text)) return;
    const number = bodyLine + index;
    const owners = sections.filter((s) => s.startLine <= number && number <= s.endLine);
    expect(owners, `line ${number} ${JSON.stringify(text)} has one owner`).toHaveLength(1);
    const owned = ownerText(owners[0]!);
    for (const w of wordsOf(text)) {
      expect(owned, `"${w}" of line ${number} is kept`).toContain(w);
    }
  });
}

/** 1,500 generated notes each: seconds of work that a machine shared with other jobs may stretch. */
const PROPERTY_TIMEOUT = 30_000;

describe('nothing is lost', () => {
  it(
    'in markdown notes',
    () => {
      fc.assert(
        fc.property(fc.array(markdownLine, { maxLength: 40 }), (lines) =>
          checkNothingLost(lines, 'markdown'),
        ),
        { numRuns: 1500 },
      );
    },
    PROPERTY_TIMEOUT,
  );
  it(
    'in plain-text notes',
    () => {
      fc.assert(
        fc.property(fc.array(textLine, { maxLength: 40 }), (lines) =>
          checkNothingLost(lines, 'text'),
        ),
        { numRuns: 1500 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
