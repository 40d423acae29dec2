// @vitest-environment jsdom
// jsdom gives a real HTML parser (DOMParser), so the sanitizer is checked on the parsed output,
// the way a browser would read it, and not only with regular expressions on the string.
// (Under jsdom, import.meta.url is not a file: URL, so samples are read from the project root.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractLinks, renderNotes } from '../../src/pipeline/formats/render';

type Format = 'markdown' | 'text';

const lca = readFileSync(join(process.cwd(), 'content/lca-2018/day-2.md'), 'utf8');
const pycon = readFileSync(join(process.cwd(), 'content/pycon-2015/day-2.txt'), 'utf8');

function parse(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html').body;
}

function html(body: string, format: Format = 'markdown'): string {
  return renderNotes(body, format).html;
}

function text(body: string, format: Format = 'markdown'): string {
  return renderNotes(body, format).text;
}

/** A talk's notes: the lines under its heading in the sample file. */
function talkBody(source: string, heading: string): string {
  const start = source.indexOf(heading);
  const next = source.indexOf('\n## ', start + heading.length);
  return source.slice(start + heading.length, next < 0 ? undefined : next);
}

// --- The sanitizer --------------------------------------------------------------------------------

const FORBIDDEN_ELEMENTS =
  'script, style, iframe, frame, frameset, object, embed, form, meta, base, link, img, svg, math, body body, template, button, textarea, select, video, audio, source, picture';
const ALLOWED_CLASS = /^(language-[\w+#.-]+|task-list-item|contains-task-list)$/;

/** What a browser would do with the scheme: drop controls and whitespace, ignore case. */
function browserScheme(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
}

function expectSafe(output: string): void {
  // Attribute values may hold escaped text like `title="a&#x22; onclick=&#x22;…"`: inert, so blanked.
  const tags = output.replace(/"[^"]*"/g, '""');
  expect(output).not.toMatch(/<script/i);
  expect(output).not.toMatch(/<(style|iframe|object|embed|form|meta|base|link|img|svg)\b/i);
  expect(tags).not.toMatch(/<[^>]*\son\w+\s*=/i);
  expect(tags).not.toMatch(/<[^>]*\sstyle\s*=/i);
  const body = parse(output);
  expect(body.querySelectorAll(FORBIDDEN_ELEMENTS)).toHaveLength(0);
  for (const element of body.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name).not.toMatch(/^on/i);
      expect(attribute.name).not.toBe('style');
      expect(attribute.name).not.toMatch(
        /^(src|srcset|action|formaction|background|poster|data|xlink:href)$/i,
      );
      if (attribute.name === 'class') {
        for (const name of attribute.value.split(/\s+/)) expect(name).toMatch(ALLOWED_CLASS);
      }
      if (attribute.name === 'id') expect(attribute.value).toMatch(/^user-content-fn(ref)?-/);
      if (attribute.name === 'href') {
        expect(browserScheme(attribute.value)).not.toMatch(
          /^(javascript|vbscript|data|file|blob):/,
        );
        expect(browserScheme(attribute.value)).toMatch(/^(https?:|mailto:|[/#?]|[^:]*$)/);
      }
    }
  }
}

/** OWASP XSS filter evasion cheat sheet patterns, plus markdown's own ways to make a link. */
const ATTACKS: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  "<IMG SRC=JaVaScRiPt:alert('XSS')>",
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '<a onmouseover="alert(document.cookie)">xxs link</a>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
  '<IMG SRC=# onmouseover="alert(\'xxs\')">',
  '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
  '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC="jav\tascript:alert(\'XSS\');">',
  '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">',
  '<IMG SRC=" &#14;  javascript:alert(\'XSS\');">',
  '<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>',
  '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
  '<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
  '<iframe src=http://xss.rocks/scriptlet.html <',
  "<svg/onload=alert('XSS')>",
  '<STYLE>li {list-style-image: url("javascript:alert(\'XSS\')");}</STYLE><UL><LI>XSS</br>',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">',
  '<BASE HREF="javascript:alert(\'XSS\');//">',
  '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>',
  '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">x</button></form>',
  '<DIV STYLE="background-image: url(javascript:alert(\'XSS\'))">',
  '<div style="position:fixed;inset:0">cover the page</div>',
  '<LINK REL="stylesheet" HREF="http://xss.rocks/xss.css">',
  '<TABLE BACKGROUND="javascript:alert(\'XSS\')">',
  '<a href="java&#x0A;script:alert(1)">x</a>',
  '<!-- <script>alert(1)</script> -->',
  '<x onclick=alert(1)>click</x>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](javascript&#58;alert(1))',
  '[click](&#x6A;avascript:alert(1))',
  '[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
  '[click](<java script:alert(1)>)',
  '[click](<\u0001javascript:alert(1)>)',
  '[click](vbscript:msgbox(1))',
  '[click](VBSCRIPT:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](DATA:TEXT/HTML,<script>alert(1)</script>)',
  '[click](javascript:%61lert(1))',
  '![x](javascript:alert(1))',
  '![x](https://tracker.example.com/pixel.gif)',
  '<javascript:alert(1)>',
  '[x][r]\n\n[r]: javascript:alert(1)',
  '[x][r]\n\n[r]: <data:text/html,hi>',
  '[a](https://ok.com "title\\" onmouseover=\\"alert(1)")',
  '```html\n<script>alert(1)</script>\n```',
  '```"onmouseover="alert(1)\ncode\n```',
  '```fixed inset-0 z-50\ncode\n```',
  '`<img src=x onerror=alert(1)>`',
  '<https://a.com/"onmouseover="alert(1)>',
  'https://a.com/"><script>alert(1)</script>',
  '[x](https://a.com/"onmouseover="alert(1))',
  '* <script>alert(1)</script>\n  * <iframe src=//evil.com>',
  '> <object data=x>\n> <embed src=x>',
  '| a |\n|---|\n| <script>alert(1)</script> |',
  '[^1]\n\n[^1]: <script>alert(1)</script>',
];

describe('sanitizer', () => {
  it('has a table of at least 25 attacks', () => {
    expect(ATTACKS.length).toBeGreaterThanOrEqual(25);
  });

  describe.each<Format>(['markdown', 'text'])('%s notes', (format) => {
    it.each(ATTACKS)('neutralises %j', (attack) => {
      expectSafe(html(attack, format));
      expectSafe(html(`Notes before\n${attack}\nand after`, format));
    });
  });

  it('shows raw HTML as literal text rather than losing it', () => {
    const body = parse(html('<script>alert(1)</script>'));
    expect(body.textContent).toContain('<script>alert(1)</script>');
    expect(text('<iframe src=x></iframe> after')).toBe('<iframe src=x></iframe> after');
  });

  it('keeps a link’s text when it drops an unsafe target', () => {
    const body = parse(html('[click me](javascript:alert(1))'));
    expect(body.textContent).toBe('click me');
    expect(body.querySelector('[href]')).toBeNull();
  });

  it('survives random mixes of attack fragments', () => {
    const fragment = fc.constantFrom(
      '<script>',
      '</script>',
      '<img src=x onerror=alert(1)>',
      'javascript:',
      '&#106;',
      '&#x09;',
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      '"',
      "'",
      '`',
      '![',
      '*',
      '\n',
      '\n\n',
      '  • ',
      '- ',
      '# ',
      'https://a.com/',
      'github.com/x',
      'onload=',
      'style=',
      '<style>',
      '<a href="',
      'data:text/html,',
      '&lt;',
      '```',
      '|',
      '[r]: ',
      '\u0000',
      '\t',
    );
    fc.assert(
      fc.property(
        fc.array(fragment, { maxLength: 25 }),
        fc.constantFrom<Format>('markdown', 'text'),
        (parts, format) => {
          expectSafe(html(parts.join(''), format));
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);
});

// --- Markdown notes -------------------------------------------------------------------------------

describe('renderNotes (markdown)', () => {
  it.each([
    ['soft line breaks show as breaks', 'one\ntwo\nthree', '<p>one<br>\ntwo<br>\nthree</p>'],
    ['blank lines make paragraphs', 'one\n\ntwo', '<p>one</p>\n<p>two</p>'],
    [
      'raw inline HTML is text',
      'docker top <container name>',
      '<p>docker top &#x3C;container name></p>',
    ],
    ['h1 becomes h3, h2 becomes h4', '# A\n## B', '<h3>A</h3>\n<h4>B</h4>'],
    ['the shallowest heading becomes h3', '### A\n#### B', '<h3>A</h3>\n<h4>B</h4>'],
    ['deep headings stop at h6', '# A\n###### B', '<h3>A</h3>\n<h6>B</h6>'],
    ['a lone deep heading becomes h3', '##### Only', '<h3>Only</h3>'],
    [
      'code keeps only its language class',
      '```js title="x"\nlet a = 1 < 2;\n```',
      '<pre><code class="language-js">let a = 1 &#x3C; 2;\n</code></pre>',
    ],
    ['code without a language', '```\nx\n```', '<pre><code>x\n</code></pre>'],
    [
      'external links get rel',
      '[x](https://a.com)',
      '<p><a href="https://a.com" rel="noopener noreferrer nofollow">x</a></p>',
    ],
    ['relative links stay plain', '[x](/talks/a)', '<p><a href="/talks/a">x</a></p>'],
    ['mailto links stay plain', '[x](mailto:a@b.co)', '<p><a href="mailto:a@b.co">x</a></p>'],
    [
      'images render as links',
      '![Diagram](https://a.com/d.png)',
      '<p><a href="https://a.com/d.png" rel="noopener noreferrer nofollow">Diagram</a></p>',
    ],
    [
      'scheme-less URLs are linked',
      'github.com/opensourcemalaria',
      '<p><a href="https://github.com/opensourcemalaria" rel="noopener noreferrer nofollow">github.com/opensourcemalaria</a></p>',
    ],
    [
      'trailing period stays outside the link',
      'see https://a.com.',
      '<p>see <a href="https://a.com" rel="noopener noreferrer nofollow">https://a.com</a>.</p>',
    ],
    [
      'false positives stay text',
      'current_app.name and file.py',
      '<p>current_app.name and file.py</p>',
    ],
    ['strikethrough', '~~gone~~', '<p><del>gone</del></p>'],
    ['emphasis', '*a* **b** `c`', '<p><em>a</em> <strong>b</strong> <code>c</code></p>'],
  ])('%s', (_, body, expected) => {
    expect(html(body)).toBe(expected);
  });

  it('renders lists, nested lists and task lists', () => {
    const body = parse(html('- host\n  - container\n- [x] backups'));
    expect(body.querySelectorAll('ul ul li')).toHaveLength(1);
    const box = body.querySelector('input');
    expect(box?.getAttribute('type')).toBe('checkbox');
    expect(box?.hasAttribute('disabled')).toBe(true);
  });

  it('renders tables without style attributes', () => {
    const output = html('| a | b |\n|:--|--:|\n| 1 | 2 |');
    expect(parse(output).querySelectorAll('td')).toHaveLength(2);
    expect(output).toContain('align="right"');
  });

  it('renders the Docker orchestration talk', () => {
    const body = parse(
      html(
        talkBody(lca, 'Becoming the Admiral: mastering Docker orchestration - Alistair Chapman'),
      ),
    );
    expect(body.textContent).toContain('docker top <container name>');
    const hrefs = [...body.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      'https://github.com/lirantal/dockly',
      'https://www.sysdig.org/falco/',
      'https://capsule8.com/',
    ]);
    expect(body.querySelectorAll('br').length).toBeGreaterThan(5);
  });

  it('links the Elastic talk’s image names but not its options', () => {
    const body = parse(html(talkBody(lca, 'Elastic Stack - Josh Rich')));
    const hrefs = [...body.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('https://docker.elastic.co/kibana/kibana-oss:6.1.1');
    expect(hrefs.some((href) => href?.includes('discovery.type'))).toBe(false);
  });
});

// --- Plain-text notes -----------------------------------------------------------------------------

describe('renderNotes (text)', () => {
  it.each([
    ['paragraphs and line breaks', 'one\ntwo\n\nthree', '<p>one<br>two</p><p>three</p>'],
    [
      'markdown is not markup',
      '*not em* _nor this_ # not a heading [x](y)',
      '<p>*not em* _nor this_ # not a heading [x](y)</p>',
    ],
    ['HTML is text', '<b>hi</b>', '<p>&#x3C;b>hi&#x3C;/b></p>'],
    ['entities are text', 'AT&amp;T', '<p>AT&#x26;amp;T</p>'],
    ['• bullets', '  • a\n  • b', '<ul><li>a</li><li>b</li></ul>'],
    ['* - + bullets', '* a\n- b\n+ c', '<ul><li>a</li><li>b</li><li>c</li></ul>'],
    [
      'nested bullets',
      '  • a\n    • b\n    • c\n  • d',
      '<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>',
    ],
    [
      'back out several levels',
      '• a\n  • b\n    • c\n• d',
      '<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li><li>d</li></ul>',
    ],
    [
      'an indented line continues its bullet',
      '• a long\n  wrapped item\n• next',
      '<ul><li>a long<br>wrapped item</li><li>next</li></ul>',
    ],
    ['a dash without a space is text', '-Flag\nAWS config', '<p>-Flag<br>AWS config</p>'],
    [
      'a line after bullets starts a paragraph',
      '• a\nThen prose',
      '<ul><li>a</li></ul><p>Then prose</p>',
    ],
    ['prose then bullets in one block', 'Also:\n• a', '<p>Also:</p><ul><li>a</li></ul>'],
    [
      'bullets separated by a blank line stay one list',
      '• a\n\n• b',
      '<ul><li>a</li><li>b</li></ul>',
    ],
    ['tabs indent like four spaces', '• a\n\t• b', '<ul><li>a<ul><li>b</li></ul></li></ul>'],
    [
      'bare URLs are links',
      'http://c4a.me/pycon',
      '<p><a href="http://c4a.me/pycon" rel="noopener noreferrer nofollow">http://c4a.me/pycon</a></p>',
    ],
    [
      'scheme-less URLs are links',
      'at www.lvh.io.',
      '<p>at <a href="https://www.lvh.io" rel="noopener noreferrer nofollow">www.lvh.io</a>.</p>',
    ],
    [
      'false positives stay text',
      'current_app.name\ncurrent_app.redis  # redis client',
      '<p>current_app.name<br>current_app.redis  # redis client</p>',
    ],
    ['CRLF-free empty input', '', ''],
    ['only blank lines', '\n\n   \n', ''],
  ])('%s', (_, body, expected) => {
    expect(html(body, 'text')).toBe(expected);
  });

  it('nests the PyCon sample’s bullets', () => {
    const body = parse(html(pycon, 'text'));
    const review = [...body.querySelectorAll('li')].find(
      (li) => li.firstChild?.textContent === 'Code review',
    );
    expect([...(review?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'disseminate experience',
      'best thing after bug tracking',
    ]);
    const runscope = [...body.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(runscope).toContain('https://github.com/Runscope');
    expect(body.textContent).toContain('current_app.name');
  });
});

// --- Plain text out -------------------------------------------------------------------------------

describe('renderNotes text output', () => {
  it.each<[string, string, Format, string]>([
    [
      'blocks on their own lines',
      '# Head\npara one\nline two\n\n- a\n- b',
      'markdown',
      'Head\npara one\nline two\na\nb',
    ],
    ['entities decoded', 'AT&amp;T &lt;tag&gt; &copy;', 'markdown', 'AT&T <tag> ©'],
    ['no markup', '**bold** [link](https://a.com) `code`', 'markdown', 'bold link code'],
    ['code blocks keep their lines', '```\na\nb\n```', 'markdown', 'a\nb'],
    ['table cells separated', '| a | b |\n|---|---|\n| 1 | 2 |', 'markdown', 'a b\n1 2'],
    ['text notes: lines and bullets', 'Intro\n\n  • a\n    • b', 'text', 'Intro\na\nb'],
    ['text notes keep literal entities', 'AT&amp;T', 'text', 'AT&amp;T'],
    ['empty notes', '', 'markdown', ''],
  ])('%s', (_, body, format, expected) => {
    expect(text(body, format)).toBe(expected);
  });

  it('has no markup for the whole samples', () => {
    for (const [body, format] of [
      [lca, 'markdown'],
      [pycon, 'text'],
    ] as const) {
      const plain = text(body, format);
      expect(plain).not.toMatch(/<\/?(p|a|br|ul|li|h\d)\b/);
      expect(plain).not.toMatch(/&#x?[0-9a-f]+;/i);
    }
  });
});

// --- One detector: the HTML and links[] agree ---------------------------------------------------

function listedHrefs(output: string): string[] {
  const hrefs = [...parse(output).querySelectorAll('a[href]')].map(
    (a) => a.getAttribute('href') ?? '',
  );
  return [...new Set(hrefs.filter((href) => /^(https?|mailto):/i.test(href)))];
}

describe('links[] and rendered HTML agree', () => {
  it.each<[string, Format]>([
    [lca, 'markdown'],
    [pycon, 'text'],
    [
      '[a](https://a.com) https://b.com github.com/c <https://d.com> ![e](https://e.com/e.png) [f]\n\n[f]: www.f.io',
      'markdown',
    ],
  ])('on sample %#', (body, format) => {
    expect(listedHrefs(html(body, format))).toEqual(
      extractLinks(body, format).map((link) => link.url),
    );
  });

  it('on random notes', () => {
    const fragment = fc.constantFrom(
      'https://a.com/x',
      'github.com/y',
      'www.lvh.io',
      'file.py',
      'current_app.name',
      'e.g.',
      'Node.js',
      '[t](https://t.com)',
      '[r]',
      '\n\n[r]: scribery.github.io\n\n',
      '<https://auto.io>',
      '![i](https://img.io/a.png)',
      '(',
      ')',
      '.',
      ',',
      ' ',
      '\n',
      '\n\n',
      '  • ',
      '- ',
      '`',
      '*',
      '_',
      '<b>',
      'docker.elastic.co/kibana',
      '[x](javascript:alert(1))',
      'mailto:a@b.co',
      '"',
      'http://localhost:9200',
      '# ',
    );
    fc.assert(
      fc.property(
        fc.array(fragment, { maxLength: 20 }),
        fc.constantFrom<Format>('markdown', 'text'),
        (parts, format) => {
          const body = parts.join('');
          expect(listedHrefs(html(body, format))).toEqual(
            extractLinks(body, format).map((link) => link.url),
          );
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);
});
