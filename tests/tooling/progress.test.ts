/** The build's progress lines (on a terminal and in a pipe) and its closing summary. */
import { describe, expect, it } from 'vitest';
import { counted, size, stageLine } from '../../src/build/progress';
import { pageAssets, summaryLines } from '../../src/build/summary-plugin';

/** An output that keeps what was written, and a clock the test moves. */
function terminal(isTTY: boolean) {
  let written = '';
  let ms = 0;
  return {
    out: { isTTY, write: (text: string) => (written += text) },
    clock: () => ms,
    advance: (by: number) => (ms += by),
    written: () => written,
  };
}

describe('a stage line', () => {
  it('on a terminal, counts up in place, at most every 100 ms, then ends with a newline', () => {
    const t = terminal(true);
    const line = stageLine(t.out, t.clock);
    t.advance(160);
    line.update('parsing 1/3 files');
    t.advance(50);
    line.update('parsing 2/3 files');
    t.advance(1290);
    line.done('parsed 3 files');
    expect(t.written()).toBe(
      '\r\x1b[2Klanyard: parsing 1/3 files · 0.2 s' + '\r\x1b[2Klanyard: parsed 3 files · 1.5 s\n',
    );
  });

  it('in a pipe, prints the last state alone, once', () => {
    const t = terminal(false);
    const line = stageLine(t.out, t.clock);
    for (let n = 1; n < 100; n++) {
      t.advance(200);
      line.update(`parsing ${n}/100 files`);
    }
    t.advance(200);
    line.done('parsed 100 files');
    expect(t.written()).toBe('lanyard: parsed 100 files · 20.0 s\n');
  });

  it('tells counts and sizes the way a reader reads them', () => {
    expect(counted(10000, 'talk')).toBe('10,000 talks');
    expect(counted(1, 'talk')).toBe('1 talk');
    expect([size(950), size(412_300), size(23_700_000)]).toEqual(['950 B', '412 kB', '23.7 MB']);
  });
});

describe('the build summary', () => {
  const notes = {
    conferences: 167,
    talks: 10000,
    warnings: 0,
    warningsFile: undefined,
    dataFiles: 12_480,
    dataBytes: 181_000_000,
  };
  const pages = { pages: 13_883, redirects: 2 };
  const firstVisit = { raw: 8_400_000, gzip: 1_390_000 };

  it('says what was built, what a first visit downloads and how long it took', () => {
    expect(summaryLines({ notes, pages, firstVisit, ms: 14_230 })).toEqual([
      'lanyard: built 167 conferences, 10,000 talks, 0 warnings',
      'lanyard: 13,883 pages, 2 redirects, 12,480 data files (181.0 MB)',
      'lanyard: a first visit downloads 8.4 MB (1.4 MB gzipped): the page, the app and the catalog',
      'lanyard: done in 14.2 s',
    ]);
  });

  it('says where the warnings are: above, or the first ten above and all in a file', () => {
    const few = summaryLines({ notes: { ...notes, warnings: 3 }, pages, firstVisit, ms: 1 });
    expect(few[0]).toBe('lanyard: built 167 conferences, 10,000 talks, 3 warnings (above)');
    const many = summaryLines({
      notes: { ...notes, warnings: 42, warningsFile: 'node_modules/.cache/lanyard/warnings.txt' },
      pages,
      firstVisit,
      ms: 1,
    });
    expect(many[0]).toBe(
      'lanyard: built 167 conferences, 10,000 talks, 42 warnings (the first 10 above; all of them in node_modules/.cache/lanyard/warnings.txt)',
    );
  });

  it("counts a page's scripts, preloads and stylesheets, not its icons or other sites' files", () => {
    const html = `<head>
      <link rel="icon" href="/notes/favicon.svg" />
      <script type="module" crossorigin src="/notes/assets/index-abc.js"></script>
      <link rel="modulepreload" crossorigin href="/notes/assets/vendor-def.js">
      <link rel="stylesheet" crossorigin href="/notes/assets/index-123.css">
      <link rel="manifest" href="/notes/manifest.webmanifest">
      <script src="https://example.org/x.js"></script>
    </head>`;
    expect(pageAssets(html, '/notes/')).toEqual([
      'assets/index-abc.js',
      'assets/vendor-def.js',
      'assets/index-123.css',
    ]);
  });
});
