import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileNotes } from '../../src/pipeline/compile';
import { toAtomFeed, toFeedEntries, toJsonFeed } from '../../src/pipeline/emit/feeds';
import { escapeXml } from '../../src/pipeline/emit/xml';
import type { Bundle, Conference, Talk } from '../../src/shared/bundle';
import type { ConferenceId, DayId, TagId, TalkId } from '../../src/shared/ids';

/** jsdom's XML parser (a dev dependency already, without types here): checks output is well-formed. */
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (
    markup: string,
    options: { contentType: string },
  ) => { window: { document: Document } };
};

const site = new URL('https://example.org/notes/');

let sample: Bundle;
beforeAll(async () => {
  const result = await compileNotes({
    contentDir: 'content',
    now: new Date('2026-01-01T00:00:00Z'),
  });
  sample = result.bundle;
});

describe('feed entries from the sample notes', () => {
  it('are the talks, newest conference first, then as written, with stable ids', () => {
    const entries = toFeedEntries(sample, { siteRoot: site });
    expect(entries.map((e) => [e.id, e.authors.join(', '), e.summary, e.published])).toEqual([
      [
        `${site.href}talks/lca-2018/opensoure-drug-discovery/`,
        'Matthew Todd',
        'linux.conf.au 2018 · Day 2, 2018-01-23 · Keynote',
        '2018-01-23T00:00:00Z',
      ],
      [
        `${site.href}talks/lca-2018/day-2-operations-with-containers-myth-vs-reality/`,
        'Elizabeth K. Joseph',
        'linux.conf.au 2018 · Day 2, 2018-01-23 · Sysadmin miniconf',
        '2018-01-23T00:00:00Z',
      ],
      [
        `${site.href}talks/lca-2018/designing-scalable-production-kubernetes-clusters-on-aws/`,
        'Nick Young',
        'linux.conf.au 2018 · Day 2, 2018-01-23 · Sysadmin miniconf',
        '2018-01-23T00:00:00Z',
      ],
      [
        `${site.href}talks/lca-2018/becoming-the-admiral-mastering-docker-orchestration/`,
        'Alistair Chapman',
        'linux.conf.au 2018 · Day 2, 2018-01-23 · Sysadmin miniconf',
        '2018-01-23T00:00:00Z',
      ],
      [
        `${site.href}talks/lca-2018/migrating-to-the-cloud/`,
        'Devdas Bhagat',
        'linux.conf.au 2018 · Day 2, 2018-01-23 · Sysadmin miniconf',
        '2018-01-23T00:00:00Z',
      ],
      [
        `${site.href}talks/lca-2018/puppet-in-the-cloud/`,
        'Jethro Carr',
        'linux.conf.au 2018 · Day 2, 2018-01-23 · Sysadmin miniconf',
        '2018-01-23T00:00:00Z',
      ],
      [
        `${site.href}talks/lca-2018/user-session-recording-for-the-enterprise/`,
        'Fraser Tweedale',
        'linux.conf.au 2018 · Day 2, 2018-01-23 · Sysadmin miniconf',
        '2018-01-23T00:00:00Z',
      ],
      [
        `${site.href}talks/lca-2018/monitoring-all-the-things-on-your-linux-system-with-the-elastic-stack/`,
        'Josh Rich',
        'linux.conf.au 2018 · Day 2, 2018-01-23 · Sysadmin miniconf',
        '2018-01-23T00:00:00Z',
      ],
      [
        `${site.href}talks/lca-2018/icinga-2-in-a-24-7-television-broadcast-environment/`,
        'Dave Kempe',
        'linux.conf.au 2018 · Day 2, 2018-01-23 · Sysadmin miniconf',
        '2018-01-23T00:00:00Z',
      ],
      [
        `${site.href}talks/lca-2018/principles-of-good-monitoring/`,
        'Troy Lea',
        'linux.conf.au 2018 · Day 2, 2018-01-23 · Sysadmin miniconf',
        '2018-01-23T00:00:00Z',
      ],
      [
        `${site.href}talks/pycon-2015/friday-keynote-catherine-bracy/`,
        'Catherine Bracy',
        'PyCon 2015 · Day 2, 2015-04-10 · Keynote',
        '2015-04-10T00:00:00Z',
      ],
      [
        `${site.href}talks/pycon-2015/building-secure-systems/`,
        '@lvh',
        'PyCon 2015 · Day 2, 2015-04-10',
        '2015-04-10T00:00:00Z',
      ],
      [
        `${site.href}talks/pycon-2015/smart-services-microservices/`,
        'Frank Stratton',
        'PyCon 2015 · Day 2, 2015-04-10',
        '2015-04-10T00:00:00Z',
      ],
    ]);
    expect(entries.every((e) => e.url === e.id)).toBe(true);
    const keynote = sample.talks[0]!;
    expect(entries[0]).toMatchObject({ title: keynote.title, html: keynote.html });
    expect(entries[0]!.categories).toEqual([
      { term: 'lca-2018', label: 'linux.conf.au 2018' },
      { term: 'healthcare', label: 'Healthcare' },
      { term: 'open-source', label: 'Open source' },
      { term: 'open-science', label: 'Open science' },
    ]);
  });

  it('have urn ids and relative links without the site URL', () => {
    const [first] = toFeedEntries(sample);
    expect(first).toMatchObject({
      id: 'urn:lanyard:talk:lca-2018/opensoure-drug-discovery',
      url: 'talks/lca-2018/opensoure-drug-discovery/',
    });
  });

  it('are capped at the newest `limit` talks', () => {
    expect(toFeedEntries(sample).length).toBe(13);
    expect(toFeedEntries(sample, { limit: 2 }).map((e) => e.title)).toEqual([
      'Opensoure drug discovery',
      'Day 2 Operations with Containers: Myth vs. Reality',
    ]);
  });

  it('make a well-formed Atom feed and a JSON Feed of the same talks', () => {
    const atom = toAtomFeed(sample, { siteRoot: site });
    expect(atom.match(/<entry>/g)).toHaveLength(13);
    expect(atom).toContain(
      `<link rel="self" type="application/atom+xml" href="${site.href}feed.xml"/>`,
    );
    const json = toJsonFeed(sample, { siteRoot: site });
    expect(json.items.map((i) => i.id)).toEqual(
      toFeedEntries(sample, { siteRoot: site }).map((e) => e.id),
    );
    expect(json.feed_url).toBe(`${site.href}feed.json`);
  });
});

// A small bundle for exact output: escaping, order, talks with no speaker, date or notes.
const conference = (id: string, name: string): Conference => ({
  id: id as ConferenceId,
  name,
  days: [],
  tracks: [],
  talkCount: 1,
});
const talk = (conf: string, slug: string, over: Partial<Talk>): Talk => ({
  id: `${conf}/${slug}` as TalkId,
  title: slug,
  speakers: [],
  conference: conf as ConferenceId,
  day: { id: 'day-1' as DayId, label: 'Day 1' },
  track: null,
  order: 0,
  tags: [],
  links: [],
  html: '',
  text: '',
  aliases: [],
  related: [],
  source: { file: `${conf}/day-1.md`, startLine: 1, endLine: 2 },
  ...over,
});
const tricky: Pick<Bundle, 'generatedAt' | 'conferences' | 'talks' | 'tags'> = {
  generatedAt: '2026-01-01T00:00:00.000Z',
  conferences: [conference('new-2024', 'Rust & <Friends> "2024"'), conference('old-2019', 'Old')],
  talks: [
    // Written out of order: the feed sorts by conference rank, then `order`.
    talk('old-2019', 'first', { title: 'First', order: 0 }),
    talk('new-2024', 'zurich', {
      title: 'Zürich <b>& "quotes"</b> \'n\' 日本語\u0007',
      order: 1,
      speakers: [{ name: "Zoë O'Brien" }, { name: 'A & B' }],
      day: { id: 'day-2' as DayId, label: 'Day 2', date: '2024-03-05' },
      track: { id: 'main' as never, name: 'Main' },
      tags: ['rust' as TagId],
      html: '<p>Hello &amp; <a href="https://x.org/?a=1&amp;b=2">link</a></p>',
    }),
    talk('new-2024', 'opening', { title: 'Opening', order: 0 }),
  ],
  tags: [{ id: 'rust' as TagId, name: 'Rust', count: 1 }],
};

describe('toAtomFeed', () => {
  it('writes exactly this, with everything escaped (no site URL: relative links, urn ids)', () => {
    expect(toAtomFeed(tricky)).toBe(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:lanyard:feed</id>
  <title>Lanyard</title>
  <updated>2026-01-01T00:00:00.000Z</updated>
  <link rel="self" type="application/atom+xml" href="feed.xml"/>
  <link rel="alternate" type="text/html" href="./"/>
  <author><name>Lanyard</name></author>
  <generator>Lanyard</generator>
  <entry>
    <id>urn:lanyard:talk:new-2024/opening</id>
    <title>Opening</title>
    <link rel="alternate" type="text/html" href="talks/new-2024/opening/"/>
    <updated>2026-01-01T00:00:00.000Z</updated>
    <category term="new-2024" label="Rust &amp; &lt;Friends&gt; &quot;2024&quot;"/>
    <summary>Rust &amp; &lt;Friends&gt; &quot;2024&quot; · Day 1</summary>
  </entry>
  <entry>
    <id>urn:lanyard:talk:new-2024/zurich</id>
    <title>Zürich &lt;b&gt;&amp; &quot;quotes&quot;&lt;/b&gt; &apos;n&apos; 日本語</title>
    <link rel="alternate" type="text/html" href="talks/new-2024/zurich/"/>
    <published>2024-03-05T00:00:00Z</published>
    <updated>2024-03-05T00:00:00Z</updated>
    <author><name>Zoë O&apos;Brien</name></author>
    <author><name>A &amp; B</name></author>
    <category term="new-2024" label="Rust &amp; &lt;Friends&gt; &quot;2024&quot;"/>
    <category term="rust" label="Rust"/>
    <summary>Rust &amp; &lt;Friends&gt; &quot;2024&quot; · Day 2, 2024-03-05 · Main</summary>
    <content type="html">&lt;p&gt;Hello &amp;amp; &lt;a href=&quot;https://x.org/?a=1&amp;amp;b=2&quot;&gt;link&lt;/a&gt;&lt;/p&gt;</content>
  </entry>
  <entry>
    <id>urn:lanyard:talk:old-2019/first</id>
    <title>First</title>
    <link rel="alternate" type="text/html" href="talks/old-2019/first/"/>
    <updated>2026-01-01T00:00:00.000Z</updated>
    <category term="old-2019" label="Old"/>
    <summary>Old · Day 1</summary>
  </entry>
</feed>
`);
  });

  it('uses absolute URLs as ids and links when the site URL is known, and needs no feed author when every talk has a speaker', () => {
    const withSpeakers = { ...tricky, talks: [tricky.talks[1]!] };
    const atom = toAtomFeed(withSpeakers, { siteRoot: site, title: 'My notes' });
    expect(atom).toContain('  <id>https://example.org/notes/</id>\n  <title>My notes</title>');
    expect(atom).toContain(
      '<link rel="alternate" type="text/html" href="https://example.org/notes/"/>',
    );
    expect(atom).toContain('<id>https://example.org/notes/talks/new-2024/zurich/</id>');
    expect(atom).not.toContain('<author><name>My notes</name></author>');
  });
});

describe('toJsonFeed', () => {
  it('leaves out the URLs it cannot make absolute', () => {
    expect(toJsonFeed({ ...tricky, talks: [tricky.talks[1]!] })).toEqual({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Lanyard',
      items: [
        {
          id: 'urn:lanyard:talk:new-2024/zurich',
          title: tricky.talks[1]!.title,
          content_html: tricky.talks[1]!.html,
          summary: 'Rust & <Friends> "2024" · Day 2, 2024-03-05 · Main',
          date_published: '2024-03-05T00:00:00Z',
          authors: [{ name: "Zoë O'Brien" }, { name: 'A & B' }],
          tags: ['Rust & <Friends> "2024"', 'Rust'],
        },
      ],
    });
  });

  it('has home_page_url, feed_url and item urls with the site URL', () => {
    const feed = toJsonFeed(tricky, { siteRoot: site });
    expect(feed).toMatchObject({
      home_page_url: 'https://example.org/notes/',
      feed_url: 'https://example.org/notes/feed.json',
    });
    expect(feed.items.map((i) => [i.id, i.url, i.authors])).toEqual([
      [
        'https://example.org/notes/talks/new-2024/opening/',
        'https://example.org/notes/talks/new-2024/opening/',
        undefined,
      ],
      [
        'https://example.org/notes/talks/new-2024/zurich/',
        'https://example.org/notes/talks/new-2024/zurich/',
        [{ name: "Zoë O'Brien" }, { name: 'A & B' }],
      ],
      [
        'https://example.org/notes/talks/old-2019/first/',
        'https://example.org/notes/talks/old-2019/first/',
        undefined,
      ],
    ]);
  });
});

/** Throws on XML that is not well-formed; returns the document. */
function parseXml(xml: string): Document {
  const doc = new JSDOM(xml, { contentType: 'application/xml' }).window.document;
  const error = doc.querySelector('parsererror');
  if (error) throw new Error(`not well-formed: ${error.textContent}`);
  return doc;
}

describe('well-formed XML', () => {
  it('parses, and reads back the tricky title and content exactly', () => {
    const doc = parseXml(toAtomFeed(tricky, { siteRoot: site }));
    const entry = doc.querySelectorAll('entry')[1]!;
    expect(entry.querySelector('title')?.textContent).toBe('Zürich <b>& "quotes"</b> \'n\' 日本語');
    expect(entry.querySelector('content')?.textContent).toBe(tricky.talks[1]!.html);
    expect(parseXml(toAtomFeed(sample)).querySelectorAll('entry')).toHaveLength(13);
  });

  it('is what the check actually catches', () => {
    expect(() => parseXml('<feed><title>a & b</title></feed>')).toThrow();
  });
});

describe('escapeXml', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<script>', '&lt;script&gt;'],
    [`"it's"`, '&quot;it&apos;s&quot;'],
    ['Zürich 日本語 😀', 'Zürich 日本語 😀'],
    ['bell\u0007 nul\u0000 tab\t', 'bell nul tab\t'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
  ])('escapeXml(%j)', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });
});
