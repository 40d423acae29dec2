/**
 * The talks as an Atom feed (`feed.xml`) and a JSON Feed 1.1 (`feed.json`), newest conference first,
 * then in the order written. Pure: the Vite plugin writes the strings.
 *
 * Without the site's URL (SITE_URL) the feeds still work: links are relative, and a relative link
 * in a feed resolves against the feed's own URL (the site's root), so Atom readers follow them. Ids
 * must be absolute, so they become `urn:lanyard:talk:<talk id>`; JSON Feed's `url`,
 * `home_page_url` and `feed_url` are left out rather than guessed.
 */
import type { Bundle, Conference, Talk } from '../../shared/bundle';
import { ATOM_FEED_FILE, JSON_FEED_FILE } from '../../shared/data-files';
import { paths } from '../../shared/paths';
import { toFileUrl, toPageUrl } from '../../shared/site-url';
import { escapeXml, XML_DECLARATION } from './xml';

export interface FeedOptions {
  /** The site's root URL (from SITE_URL and the base path), when known. */
  siteRoot: URL | undefined;
  /** The feed's title. */
  title: string;
  /** How many talks a feed holds: the newest ones. Readers only look at the top. */
  limit: number;
}

export const defaultFeedOptions: FeedOptions = { siteRoot: undefined, title: 'Lanyard', limit: 50 };

/** One talk as both feeds show it. */
export interface FeedEntry {
  /** Stable: the talk page's URL, or `urn:lanyard:talk:<id>` when the site's URL is unknown. */
  id: string;
  title: string;
  /** The talk's page: absolute, or relative to the site's root. */
  url: string;
  authors: string[];
  /** The conference's name, then the talk's tags' names. */
  categories: { term: string; label: string }[];
  /** `linux.conf.au 2018 · Day 2, 2018-01-23 · Sysadmin miniconf` */
  summary: string;
  /** Sanitized HTML; may be empty (a talk with no notes). */
  html: string;
  /** The day's date as an RFC 3339 time (midnight UTC), when known. */
  published: string | undefined;
}

type FeedBundle = Pick<Bundle, 'generatedAt' | 'conferences' | 'talks' | 'tags'>;

const isAbsolute = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url);

/** Talks newest conference first (the bundle's conference order), then as written; at most `limit`. */
export function toFeedEntries(bundle: FeedBundle, options: Partial<FeedOptions> = {}): FeedEntry[] {
  const { siteRoot, limit } = { ...defaultFeedOptions, ...options };
  const rank = new Map(bundle.conferences.map((c, i) => [c.id, i] as const));
  const conferences = new Map(bundle.conferences.map((c) => [c.id, c] as const));
  const tagNames = new Map(bundle.tags.map((t) => [t.id, t.name] as const));
  const byRank = (t: Talk) => rank.get(t.conference) ?? Number.MAX_SAFE_INTEGER;
  return bundle.talks
    .map((talk, index) => ({ talk, index }))
    .sort(
      (a, b) => byRank(a.talk) - byRank(b.talk) || a.talk.order - b.talk.order || a.index - b.index,
    )
    .slice(0, Math.max(0, limit))
    .map(({ talk }) => {
      const conference = conferences.get(talk.conference);
      const url = toPageUrl(paths.talk(talk.id), siteRoot);
      return {
        id: isAbsolute(url) ? url : `urn:lanyard:talk:${talk.id}`,
        title: talk.title,
        url,
        authors: talk.speakers.map((s) => s.name),
        categories: [
          { term: talk.conference, label: conference?.name ?? talk.conference },
          ...talk.tags.map((tag) => ({ term: tag, label: tagNames.get(tag) ?? tag })),
        ],
        summary: describePlace(talk, conference),
        html: talk.html,
        published: talk.day.date ? `${talk.day.date}T00:00:00Z` : undefined,
      };
    });
}

function describePlace(talk: Talk, conference: Conference | undefined): string {
  const day = talk.day.date ? `${talk.day.label}, ${talk.day.date}` : talk.day.label;
  return [conference?.name ?? talk.conference, day, talk.track?.name].filter(Boolean).join(' · ');
}

/** RFC 4287. Every entry has the talk page as its `alternate` link, so an empty talk needs no content. */
export function toAtomFeed(bundle: FeedBundle, options: Partial<FeedOptions> = {}): string {
  const opts = { ...defaultFeedOptions, ...options };
  const entries = toFeedEntries(bundle, opts);
  const home = toPageUrl(paths.home(), opts.siteRoot);
  const self = toFileUrl(ATOM_FEED_FILE, opts.siteRoot);
  const el = (name: string, text: string, indent = '    ') =>
    `${indent}<${name}>${escapeXml(text)}</${name}>`;
  const link = (rel: string, type: string, href: string, indent = '    ') =>
    `${indent}<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`;
  // Atom needs an author on the feed when some entry has none: the site stands in for the speaker.
  const anonymous = entries.some((e) => e.authors.length === 0);
  return [
    XML_DECLARATION,
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    el('id', isAbsolute(home) ? home : 'urn:lanyard:feed', '  '),
    el('title', opts.title, '  '),
    el('updated', bundle.generatedAt, '  '),
    link('self', 'application/atom+xml', self, '  '),
    link('alternate', 'text/html', home, '  '),
    ...(anonymous ? [`  <author>${el('name', opts.title, '')}</author>`] : []),
    el('generator', 'Lanyard', '  '),
    ...entries.flatMap((entry) => [
      '  <entry>',
      el('id', entry.id),
      el('title', entry.title),
      link('alternate', 'text/html', entry.url),
      ...(entry.published ? [el('published', entry.published)] : []),
      el('updated', entry.published ?? bundle.generatedAt),
      ...entry.authors.map((name) => `    <author>${el('name', name, '')}</author>`),
      ...entry.categories.map(
        (c) => `    <category term="${escapeXml(c.term)}" label="${escapeXml(c.label)}"/>`,
      ),
      el('summary', entry.summary),
      ...(entry.html ? [`    <content type="html">${escapeXml(entry.html)}</content>`] : []),
      '  </entry>',
    ]),
    '</feed>',
    '',
  ].join('\n');
}

/** https://www.jsonfeed.org/version/1.1/ */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url?: string;
  feed_url?: string;
  items: JsonFeedItem[];
}

export interface JsonFeedItem {
  id: string;
  url?: string;
  title: string;
  content_html: string;
  summary: string;
  date_published?: string;
  authors?: { name: string }[];
  tags: string[];
}

/** JSON Feed 1.1. URLs that must be absolute are left out when the site's URL is unknown. */
export function toJsonFeed(bundle: FeedBundle, options: Partial<FeedOptions> = {}): JsonFeed {
  const opts = { ...defaultFeedOptions, ...options };
  const absolute = opts.siteRoot !== undefined;
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: opts.title,
    ...(absolute
      ? {
          home_page_url: toPageUrl(paths.home(), opts.siteRoot),
          feed_url: toFileUrl(JSON_FEED_FILE, opts.siteRoot),
        }
      : {}),
    items: toFeedEntries(bundle, opts).map((entry) => ({
      id: entry.id,
      ...(absolute ? { url: entry.url } : {}),
      title: entry.title,
      content_html: entry.html,
      summary: entry.summary,
      ...(entry.published ? { date_published: entry.published } : {}),
      ...(entry.authors.length > 0 ? { authors: entry.authors.map((name) => ({ name })) } : {}),
      tags: entry.categories.map((c) => c.label),
    })),
  };
}
