import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findUrls,
  isPlausibleHost,
  isSafeUrl,
  linkifyText,
  toAbsoluteUrl,
  urlScheme,
} from '../../src/pipeline/formats/links';
import { extractLinks } from '../../src/pipeline/formats/render';

const lca = readFileSync(new URL('../../content/lca-2018/day-2.md', import.meta.url), 'utf8');
const pycon = readFileSync(new URL('../../content/pycon-2015/day-2.txt', import.meta.url), 'utf8');

const urlsIn = (text: string) => findUrls(text).map((match) => match.url);

describe('findUrls: what is a link', () => {
  it.each([
    ['Dokly - https://github.com/lirantal/dockly', 'https://github.com/lirantal/dockly'],
    ['see https://github.com/lirantal/dockly.', 'https://github.com/lirantal/dockly'],
    ['(see https://capsule8.com/)', 'https://capsule8.com/'],
    ['https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    ['(https://en.wikipedia.org/wiki/Foo_(bar))', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    ['first https://a.com/x, then more', 'https://a.com/x'],
    ['is it https://a.com/x?', 'https://a.com/x'],
    ['"https://a.com/x"', 'https://a.com/x'],
    ["'https://a.com/x'", 'https://a.com/x'],
    ['hosts="[http://localhost:9200]" -setup', 'http://localhost:9200'],
    ['HTTPS://Example.com/Path', 'https://Example.com/Path'],
    ['https://a.com/search?q=1&b=2#frag', 'https://a.com/search?q=1&b=2#frag'],
    ['github.com/opensourcemalaria', 'https://github.com/opensourcemalaria'],
    ['scribery.github.io', 'https://scribery.github.io'],
    ['Will be at scribery.github.io.', 'https://scribery.github.io'],
    ['www.lvh.io', 'https://www.lvh.io'],
    ['www.example.ninja/talks', 'https://www.example.ninja/talks'],
    ['www.something.example', 'https://www.something.example'],
    ['http://www.lvh.io/BuildingSecureSoftware/', 'http://www.lvh.io/BuildingSecureSoftware/'],
    [
      '--name elasticsearch docker.elastic.co/elasticsearch/elasticsearch-oss:6.1.1',
      'https://docker.elastic.co/elasticsearch/elasticsearch-oss:6.1.1',
    ],
    ['(Healthcare.gov, Florida)', 'https://healthcare.gov'],
    ['bbc.co.uk/news', 'https://bbc.co.uk/news'],
    ['api.example.com:8080/v1', 'https://api.example.com:8080/v1'],
    ['--url=github.com/x', 'https://github.com/x'],
    ['• github.com/Runscope', 'https://github.com/Runscope'],
    ['asp.net', 'https://asp.net'],
  ])('%s → %s', (text, url) => {
    expect(urlsIn(text)).toEqual([url]);
  });

  it.each([
    ['current_app.name'],
    ['current_app.redis  # redis client'],
    ['current_app.realm  # dev, test, production, etc'],
    ['edit file.py and main.rs'],
    ['e.g. this, i.e. that'],
    ['Node.js and ASP.NET'],
    ['haproxy.cfg'],
    ['see README.md and install.sh'],
    ['mail jane@example.com'],
    ['cat /etc/foo.com'],
    ['version 6.1.1'],
    ['-e "discovery.type=single-node"'],
    ['-E output.elasticsearch.hosts=x'],
    ['-system.hostfs=/hostfs'],
    ['I use Python.It works'],
    ['http:// alone'],
    ['http:///path-only'],
    ['github.comx'],
    ['example.com2'],
    ['www.example'],
    ['bad-.com'],
    ['Runscope/healthcheck` adds'],
    ['ftp://files.example.com/x is not a web link here'],
  ])('no link in %s', (text) => {
    expect(urlsIn(text).filter((url) => !url.startsWith('ftp'))).toEqual([]);
  });

  it('reports where each URL sits and what was written', () => {
    expect(findUrls('a github.com/x b')).toEqual([
      { start: 2, end: 14, text: 'github.com/x', url: 'https://github.com/x' },
    ]);
  });

  it('finds several in order', () => {
    expect(urlsIn('https://b.com and a.com then https://c.org')).toEqual([
      'https://b.com',
      'https://a.com',
      'https://c.org',
    ]);
  });
});

describe('isPlausibleHost', () => {
  it.each([
    ['github.com', true],
    ['scribery.github.io', true],
    ['www.anything.example', true],
    ['file.py', false],
    ['current_app.name', false],
    ['ASP.NET', false],
    ['localhost', false],
    ['-a.com', false],
  ])('%s → %s', (host, expected) => {
    expect(isPlausibleHost(host)).toBe(expected);
  });
});

describe('linkifyText', () => {
  it('cuts text into literal and link pieces', () => {
    expect(linkifyText('Dokly - https://x.io/a.')).toEqual([
      { kind: 'text', value: 'Dokly - ' },
      { kind: 'link', value: 'https://x.io/a', url: 'https://x.io/a' },
      { kind: 'text', value: '.' },
    ]);
  });

  it('returns the text alone when there is no URL', () => {
    expect(linkifyText('no links')).toEqual([{ kind: 'text', value: 'no links' }]);
    expect(linkifyText('')).toEqual([]);
  });
});

describe('URL safety', () => {
  it.each([
    ['https://a.com', 'https', true],
    ['HTTP://a.com', 'http', true],
    ['mailto:a@b.c', 'mailto', true],
    ['/talks/x', undefined, true],
    ['#section', undefined, true],
    ['javascript:alert(1)', 'javascript', false],
    ['JaVaScRiPt:alert(1)', 'javascript', false],
    ['java\tscript:alert(1)', 'javascript', false],
    ['java\nscript:alert(1)', 'javascript', false],
    ['\u0001javascript:alert(1)', 'javascript', false],
    [' javascript:alert(1)', 'javascript', false],
    ['javascript&#58;alert(1)', 'javascript', false],
    ['javascript&#x3A;alert(1)', 'javascript', false],
    ['javascript&colon;alert(1)', 'javascript', false],
    ['&#106;avascript:alert(1)', 'javascript', false],
    ['vbscript:msgbox(1)', 'vbscript', false],
    ['data:text/html;base64,PHNjcmlwdD4=', 'data', false],
    ['jav&#x09;ascript:alert(1)', 'javascript', false],
    ['java script:alert(1)', 'javascript', false],
  ])('%j: scheme %s, safe %s', (url, scheme, safe) => {
    expect(urlScheme(url)).toBe(scheme);
    expect(isSafeUrl(url)).toBe(safe);
  });
});

describe('toAbsoluteUrl', () => {
  it.each([
    ['github.com/x', 'https://github.com/x'],
    ['https://a.com', 'https://a.com'],
    ['/relative', '/relative'],
    ['#frag', '#frag'],
    ['notes.md', 'notes.md'],
    ['mailto:a@b.c', 'mailto:a@b.c'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
  ])('%s → %s', (target, url) => {
    expect(toAbsoluteUrl(target)).toBe(url);
  });
});

describe('extractLinks (markdown)', () => {
  it.each([
    [
      'inline link',
      'See [the repo](https://github.com/a/b).',
      [{ url: 'https://github.com/a/b', text: 'the repo' }],
    ],
    ['inline link with title', '[x](https://a.com "T")', [{ url: 'https://a.com', text: 'x' }]],
    [
      'full reference',
      '[Title][ref]\n\n[ref]: https://a.com',
      [{ url: 'https://a.com', text: 'Title' }],
    ],
    [
      'collapsed reference',
      '[Title][]\n\n[title]: https://a.com',
      [{ url: 'https://a.com', text: 'Title' }],
    ],
    [
      'shortcut reference, defined at the bottom',
      '[Title] - Speaker\n\nnotes\n\n[Title]: https://a.com/t',
      [{ url: 'https://a.com/t', text: 'Title' }],
    ],
    [
      'reference with scheme-less definition',
      '[Site]\n\n[site]: scribery.github.io',
      [{ url: 'https://scribery.github.io', text: 'Site' }],
    ],
    ['undefined reference stays text', '[Title] alone', []],
    ['autolink', '<https://a.com/x>', [{ url: 'https://a.com/x', text: 'https://a.com/x' }]],
    [
      'e-mail autolink',
      '<jane@example.com>',
      [{ url: 'mailto:jane@example.com', text: 'jane@example.com' }],
    ],
    [
      'bare URL',
      'Dokly - https://github.com/lirantal/dockly',
      [{ url: 'https://github.com/lirantal/dockly', text: 'https://github.com/lirantal/dockly' }],
    ],
    [
      'bare URL then period',
      'at https://a.com/x.',
      [{ url: 'https://a.com/x', text: 'https://a.com/x' }],
    ],
    [
      'scheme-less',
      'github.com/opensourcemalaria',
      [{ url: 'https://github.com/opensourcemalaria', text: 'github.com/opensourcemalaria' }],
    ],
    ['www', 'go to www.lvh.io now', [{ url: 'https://www.lvh.io', text: 'www.lvh.io' }]],
    ['scheme-less link target', '[x](github.com/y)', [{ url: 'https://github.com/y', text: 'x' }]],
    [
      'image becomes a link',
      '![diagram](https://a.com/d.png)',
      [{ url: 'https://a.com/d.png', text: 'diagram' }],
    ],
    [
      'image without alt',
      '![](https://a.com/d.png)',
      [{ url: 'https://a.com/d.png', text: 'https://a.com/d.png' }],
    ],
    [
      'bare URL inside emphasis',
      '*see https://a.com*',
      [{ url: 'https://a.com', text: 'https://a.com' }],
    ],
    [
      'link text with markup',
      '[**bold** words](https://a.com)',
      [{ url: 'https://a.com', text: 'bold words' }],
    ],
    ['mailto link', '[mail](mailto:a@b.co)', [{ url: 'mailto:a@b.co', text: 'mail' }]],
    [
      'URL in raw HTML is literal text, still a URL',
      '<a href="https://a.com">x</a>',
      [{ url: 'https://a.com', text: 'https://a.com' }],
    ],
    ['javascript: is never listed', '[x](javascript:alert(1))', []],
    ['data: is never listed', '[x](data:text/html,hi)', []],
    ['relative links are not listed', '[x](/talks/a) [y](notes.md)', []],
    ['inline code is code', '`github.com/x` and `https://a.com`', []],
    ['fenced code is code', '```\ncurl https://a.com\n```', []],
    ['bare e-mail is not a link', 'mail jane@example.com', []],
    [
      'false positives from real notes',
      'current_app.name\ncurrent_app.redis\nfile.py e.g. i.e. Node.js ASP.NET haproxy.cfg',
      [],
    ],
  ])('%s', (_, body, links) => {
    expect(extractLinks(body, 'markdown')).toEqual(links);
  });

  it('keeps document order and the first text of a repeated URL', () => {
    const body = 'https://b.com\n[Bee](https://b.com) [Ay](https://a.com)\n\nhttps://a.com';
    expect(extractLinks(body, 'markdown')).toEqual([
      { url: 'https://b.com', text: 'https://b.com' },
      { url: 'https://a.com', text: 'Ay' },
    ]);
  });

  it('finds the sample talks’ links', () => {
    const urls = extractLinks(lca, 'markdown').map((link) => link.url);
    expect(urls).toContain('https://github.com/lirantal/dockly');
    expect(urls).toContain('https://github.com/opensourcemalaria');
    expect(urls).toContain('https://scribery.github.io');
    expect(urls).toContain('https://docker.elastic.co/elasticsearch/elasticsearch-oss:6.1.1');
    expect(urls).not.toContain('https://discovery.type');
  });
});

describe('extractLinks (text)', () => {
  it.each([
    ['bare', 'http://c4a.me/pycon', [{ url: 'http://c4a.me/pycon', text: 'http://c4a.me/pycon' }]],
    [
      'markdown syntax is not markdown in .txt',
      '[x](https://a.com)',
      [{ url: 'https://a.com', text: 'https://a.com' }],
    ],
    [
      'bullet',
      '  • github.com/Runscope',
      [{ url: 'https://github.com/Runscope', text: 'github.com/Runscope' }],
    ],
    ['false positives', 'current_app.name\ncurrent_app.redis  # redis client\nfile.py', []],
    ['dedupe', 'https://a.com\nhttps://a.com', [{ url: 'https://a.com', text: 'https://a.com' }]],
  ])('%s', (_, body, links) => {
    expect(extractLinks(body, 'text')).toEqual(links);
  });

  it('finds the PyCon sample’s links', () => {
    expect(extractLinks(pycon, 'text').map((link) => link.url)).toEqual([
      'https://healthcare.gov',
      'http://c4a.me/pycon',
      'http://www.lvh.io/BuildingSecureSoftware/',
      'https://github.com/Runscope',
    ]);
  });
});
