import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeNote,
  decodeWindows1252,
  findBinaryEvidence,
  normalizeLineEnds,
  repairMojibake,
  undoMojibakeRun,
} from '../../src/pipeline/read/decode';

const FILE = 'lca-2018/day-2.md';
const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: Array<string | number[]>) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)));

/** What a UTF-8 text looks like after a program read it as Windows-1252. */
function mojibakeOf(text: string): string {
  return decodeWindows1252(utf8(text));
}

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out: number[] = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const pair = [unit & 0xff, unit >> 8];
    out.push(...(endian === 'le' ? pair : pair.reverse()));
  }
  return Uint8Array.from(out);
}

describe('decodeNote: plain UTF-8', () => {
  it.each([
    ['ascii', 'Day 2\nKeynote\n'],
    ['accents', 'Montréal, naïve, Zürich, São Paulo\n'],
    ['curly quotes', 'In the words of a former boss, “Technology will f*** you”.'],
    ['emoji and CJK', 'Great talk 🎉 — 東京 and 서울'],
    ['empty file', ''],
  ])('%s stays as written with no issues', (_, text) => {
    expect(decodeNote(utf8(text), FILE)).toEqual({ text, issues: [] });
  });
});

describe('decodeNote: byte order marks and UTF-16', () => {
  it.each([
    ['UTF-8 BOM', bytes([0xef, 0xbb, 0xbf], 'Day 2\nKeynote')],
    ['UTF-16 LE BOM', utf16('Day 2\r\nKeynote', 'le')],
    ['UTF-16 BE BOM', utf16('Day 2\r\nKeynote', 'be')],
  ])('%s is decoded and the BOM dropped', (_, input) => {
    expect(decodeNote(input, FILE)).toEqual({ text: 'Day 2\nKeynote', issues: [] });
  });

  it('keeps non-ASCII text in UTF-16', () => {
    expect(decodeNote(utf16('Jour 2 à Montréal ✓', 'le'), FILE).text).toBe('Jour 2 à Montréal ✓');
  });
});

describe('decodeNote: line ends keep line numbers', () => {
  it.each([
    ['CRLF', 'a\r\nb\r\nc', 'a\nb\nc'],
    ['lone CR (classic Mac)', 'a\rb\rc', 'a\nb\nc'],
    ['mixed', 'a\r\nb\rc\nd', 'a\nb\nc\nd'],
    ['blank CRLF lines', 'a\r\n\r\nb', 'a\n\nb'],
    ['CR CR LF is two lines', 'a\r\r\nb', 'a\n\nb'],
  ])('%s', (_, input, expected) => {
    expect(decodeNote(utf8(input), FILE).text).toBe(expected);
  });

  it.each([
    ['a\r\nb', 'a\nb'],
    ['a\rb', 'a\nb'],
    ['a\n\rb', 'a\n\nb'],
  ])('normalizeLineEnds(%j)', (input, expected) => {
    expect(normalizeLineEnds(input)).toBe(expected);
  });

  it('reports a repair on the line it is on disk, even after CR line ends', () => {
    const { issues } = decodeNote(utf8(`one\rtwo\r\nthree ${mojibakeOf('you’re')}`), FILE);
    expect(issues).toMatchObject([{ line: 3 }]);
  });
});

describe('decodeNote: binary files', () => {
  it.each([
    [
      'a PNG header (NUL after two line ends)',
      bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      3,
    ],
    ['a NUL on line 1', bytes('abc', [0, 0x41]), 1],
    ['a NUL on line 3', bytes('one\ntwo\r\nthree', [0], 'four'), 3],
    [
      'control characters everywhere',
      Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)),
      1,
    ],
    ['UTF-16 text holding NULs', utf16('a\nb\u0000c', 'le'), 2],
  ])('%s: no text and an error naming the line', (_, input, line) => {
    expect(decodeNote(input, FILE)).toEqual({
      text: null,
      issues: [{ severity: 'error', file: FILE, line, message: 'binary file, not a note' }],
    });
  });

  it.each([
    ['tabs, form feeds and terminal colour codes', 'a\tb\fc \u001b[31mred\u001b[0m\n'],
    ['one stray control in a long note', `${'notes '.repeat(50)}\u0007bell`],
  ])('%s are still text', (_, text) => {
    expect(findBinaryEvidence(utf8(text))).toBeNull();
    expect(decodeNote(utf8(text), FILE).text).toBe(text);
  });
});

describe('decodeNote: files that are not UTF-8', () => {
  it.each([
    [
      'Windows-1252 accents',
      bytes('Caf', [0xe9], ' in Montr', [0xe9], 'al'),
      'Café in Montréal',
      1,
    ],
    [
      'Windows-1252 smart quotes',
      bytes('one\n', [0x93], 'quoted', [0x94], ' it', [0x92], 's'),
      'one\n“quoted” it’s',
      2,
    ],
    [
      'Windows-1252 euro and dashes',
      bytes('x\r\ny\r\n', [0x80], '5 ', [0x96], ' ', [0x97]),
      'x\ny\n€5 – —',
      3,
    ],
    [
      'Latin-1 byte after a truncated UTF-8 sequence',
      bytes('a\nb\n', [0xe2, 0x80], ' c'),
      'a\nb\nâ€ c',
      3,
    ],
  ])(
    '%s are read as Windows-1252, with a warning on the first bad line',
    (_, input, text, line) => {
      const result = decodeNote(input, FILE);
      expect(result.text).toBe(text);
      expect(result.issues).toEqual([
        { severity: 'warning', file: FILE, line, message: 'not valid UTF-8: read as Windows-1252' },
      ]);
    },
  );

  it('keeps good UTF-8 lines of a mixed file as UTF-8', () => {
    const input = bytes('Montréal “UTF-8”\n', [0x93], 'cp1252', [0x94], '\nnaïve\n', [0xe9]);
    const result = decodeNote(input, FILE);
    expect(result.text).toBe('Montréal “UTF-8”\n“cp1252”\nnaïve\né');
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        file: FILE,
        line: 2,
        message: 'not valid UTF-8: read as Windows-1252 (and 1 more lines)',
      },
    ]);
  });

  it('decodes all of Windows-1252, undefined bytes included', () => {
    const text = decodeWindows1252(
      Uint8Array.from([0x80, 0x81, 0x8a, 0x92, 0x9d, 0x9f, 0xa0, 0xe9, 0xff]),
    );
    expect(text).toBe('€\u0081Š’\u009dŸ\u00a0éÿ');
  });
});

describe('repairMojibake', () => {
  it.each([
    ['youâ€™re', 'you’re'],
    ['â€œquotedâ€\u009d', '“quoted”'],
    ['itâ€™s â€“ a dash â€” and an ellipsisâ€¦', 'it’s – a dash — and an ellipsis…'],
    ['MontrÃ©al', 'Montréal'],
    ['naÃ¯ve cafÃ©', 'naïve café'],
    ['Ã\u00a0 bientÃ´t', 'à bientôt'], // à is C3 A0: Ã and a no-break space
    ['ZÃ¼rich and GÃ¶teborg', 'Zürich and Göteborg'],
    ['Â£20 and 5Â°C', '£20 and 5°C'],
    ['costs â‚¬10', 'costs €10'],
    ['Microsoftâ„¢', 'Microsoft™'],
    ['â€¢ bullet', '• bullet'],
    ['great talk ðŸŽ‰', 'great talk 🎉'],
    ['KrakÃ³w, ÅÃ³dÅº', 'Kraków, ÅÃ³dź'],
    ['ÐœÐ¾ÑÐºÐ²Ð°', 'ÐœÐ¾ÑÐºÐ²Ð°'], // с's byte 0x81 was lost on the way: not valid UTF-8, left as is
    ['ÐŸÑ€Ð¸Ð²ÐµÑ‚', 'Привет'],
    ['æ±äº¬', 'æ±äº¬'], // 東 needs byte 0x9D which this line lost
    ['Ã¢â‚¬â„¢ twice-mangled', '’ twice-mangled'],
  ])('%j → %j', (line, repaired) => {
    expect(repairMojibake(line).text).toBe(repaired);
  });

  it.each([
    'Montréal',
    'naïve',
    'Ã',
    'Ã alone', // an ordinary space is not the A0 byte of à
    'Â',
    '„Spaß“', // ß“ is valid UTF-8 for an NKo letter: not mojibake
    '„Öl“ und „Süß“',
    'Un café…” dit-il', // é…” would decode to one CJK character
    '« À bientôt »',
    'Ça va? Où?',
    '¿Qué tal? ¡Olé!',
    'Il était “là”',
    '½ price, ¼ full, 3×4',
    '© 2018 ® ™',
    'em—dash and en–dash',
    'ÆØÅ æøå',
    'plain ascii',
  ])('leaves legitimate text %j alone', (line) => {
    expect(repairMojibake(line)).toEqual({ text: line, repairs: [] });
  });

  it('describes the first repaired word of the line', () => {
    expect(repairMojibake('If youâ€™re here, itâ€™s fine').repairs).toEqual([
      { before: 'youâ€™re', after: 'you’re' },
    ]);
  });

  it.each([
    ['â€™', '’'],
    ['Ã©', 'é'],
    ['Ã', null],
    ['é', null],
    ['ß“', null],
    ['é…”', null],
    ['’', null],
  ])('undoMojibakeRun(%j) → %j', (run, expected) => {
    expect(undoMojibakeRun(run)).toBe(expected);
  });

  it('round-trips text through mojibake and back', () => {
    for (const text of [
      'you’re',
      '“Hello”',
      'Montréal',
      'Ærøskøbing',
      '€100 — ok',
      'I ❤️ Python',
      'Привет',
      'Москва',
      'żółć',
    ]) {
      expect(repairMojibake(mojibakeOf(text)).text).toBe(text);
    }
  });
});

describe('decodeNote: mojibake warnings', () => {
  it('warns once per repaired line, naming the file, the line and the first repair', () => {
    const input = utf8('ok\nyouâ€™re and itâ€™s\nfine\nMontrÃ©al');
    expect(decodeNote(input, FILE)).toEqual({
      text: 'ok\nyou’re and it’s\nfine\nMontréal',
      issues: [
        {
          severity: 'warning',
          file: FILE,
          line: 2,
          message: 'repaired mis-encoded text "youâ€™re" → "you’re"',
        },
        {
          severity: 'warning',
          file: FILE,
          line: 4,
          message: 'repaired mis-encoded text "MontrÃ©al" → "Montréal"',
        },
      ],
    });
  });

  it('shortens a long word in the message', () => {
    const word = `${'a'.repeat(50)}â€™s`;
    const [issue] = decodeNote(utf8(word), FILE).issues;
    expect(issue?.message.length).toBeLessThan(120);
    expect(issue?.message).toContain('…');
  });
});

describe('decodeNote: the sample notes', () => {
  const lca = readFileSync(new URL('../../content/lca-2018/day-2.md', import.meta.url));
  const pycon = readFileSync(new URL('../../content/pycon-2015/day-2.txt', import.meta.url));

  it('repairs the one mis-encoded line of the lca notes, on its own line', () => {
    const result = decodeNote(lca, 'lca-2018/day-2.md');
    const lines = result.text?.split('\n') ?? [];
    const onDisk = lca.toString('utf8').split('\n');
    expect(lines).toHaveLength(onDisk.length);
    const line = result.issues[0]?.line ?? 0;
    expect(lines[line - 1]).toContain('If you’re building a cloud native application');
    expect(result.text).not.toMatch(/â€/);
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        file: 'lca-2018/day-2.md',
        line: 111,
        message: 'repaired mis-encoded text "youâ€™re" → "you’re"',
      },
    ]);
  });

  it('leaves the pycon notes, Montréal and curly quotes included, as they are', () => {
    const result = decodeNote(pycon, 'pycon-2015/day-2.txt');
    expect(result.issues).toEqual([]);
    expect(result.text).toBe(pycon.toString('utf8'));
  });
});

describe('decodeNote: any bytes', () => {
  /** Lines on disk: CRLF, lone CR and LF each end one. */
  const diskLineCount = (input: Uint8Array) =>
    Array.from(input).filter((byte, i) => byte === 0x0a || (byte === 0x0d && input[i + 1] !== 0x0a))
      .length + 1;

  it('never throws, and keeps the number of lines of the file on disk', () => {
    const lineEnd = fc.constantFrom([0x0a], [0x0d], [0x0d, 0x0a]);
    const chunk = fc.oneof(
      fc.uint8Array({ maxLength: 12 }),
      lineEnd.map((end) => Uint8Array.from(end)),
    );
    const file = fc
      .array(chunk, { maxLength: 30 })
      .map((parts) => Uint8Array.from(parts.flatMap((p) => [...p])));
    fc.assert(
      fc.property(file, (input) => {
        const { text, issues } = decodeNote(input, FILE);
        if (text === null) {
          expect(issues[0]?.severity).toBe('error');
        } else if (input[0] !== 0xff && input[0] !== 0xfe) {
          // (UTF-16 files count lines in code units, not bytes: covered by the tables above.)
          expect(text.split('\n')).toHaveLength(diskLineCount(input));
          expect(text).not.toMatch(/\r/);
          for (const issue of issues) expect(issue.line).toBeLessThanOrEqual(diskLineCount(input));
        }
      }),
    );
  });

  it('gives back any UTF-8 note as written, less its CRs', () => {
    const note = fc
      .string({ unit: 'grapheme', maxLength: 200 })
      .filter(
        (text) => findBinaryEvidence(utf8(text)) === null && repairMojibake(text).text === text,
      );
    fc.assert(
      fc.property(note, (text) => {
        expect(decodeNote(utf8(text), FILE).text).toBe(normalizeLineEnds(text));
      }),
    );
  });
});
