/**
 * What goes in a page's <head>: title, description, canonical URL, Open Graph and Twitter card.
 * Pure, so the prerenderer and tests share it; the browser keeps only the title up to date on
 * client navigation (useDocumentTitle).
 */
import type { Catalog, CatalogTalk } from '../shared/bundle';
import { excerptOf } from '../shared/catalog';
import { escapeMarkup as escapeHtml } from '../shared/escape';
import { toSlug, type TalkId } from '../shared/ids';
import { paths } from '../shared/paths';
import { SITE_NAME, toDocumentTitle } from '../features/talks/use-document-title';

/**
 * Allows no inline script and nothing from another origin. Styles are all in the built CSS file
 * (React sets none as attributes, Vite injects none in a build), so no 'unsafe-inline' anywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/** Longest description, in characters, that previews show whole. */
const DESCRIPTION_LENGTH = 160;

export interface PageHead {
  /** The document title, "<page> · Lanyard". */
  title: string;
  /** The page's own name, for og:title. */
  heading: string;
  description: string;
  ogType: 'website' | 'article';
}

export interface SiteOptions {
  /** The site's base path, starting and ending with `/` (Vite's `base`). */
  base: string;
  /** Where the site is published (`https://example.org`, or with the base path already in it). */
  siteUrl?: string | undefined;
}

/** A page's description: its text cut near {@link DESCRIPTION_LENGTH} characters. */
export const excerpt = (text: string, max = DESCRIPTION_LENGTH): string => excerptOf(text, max);

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

const speakerNames = (talk: CatalogTalk) => talk.speakers.map((speaker) => speaker.name).join(', ');

function talkHead(talk: CatalogTalk, catalog: Catalog): PageHead {
  const conference = catalog.conferences.find((c) => c.id === talk.conference);
  const by = speakerNames(talk);
  const where = conference?.name ?? talk.conference;
  const summary = `${by ? `${by}, ` : ''}${where}, ${talk.day.label}.`;
  return {
    title: toDocumentTitle(talk.title),
    heading: by ? `${talk.title} (${by})` : talk.title,
    // The catalog's excerpt is the notes' start, cut longer than a description: the same words.
    description: excerpt(talk.excerpt.trim() ? talk.excerpt : summary),
    ogType: 'article',
  };
}

const page = (heading: string, description: string): PageHead => ({
  title: toDocumentTitle(heading),
  heading,
  description: excerpt(description),
  ogType: 'website',
});

const NOT_FOUND = page('Page not found', 'Nothing lives at this address.');

const lookups = new WeakMap<readonly unknown[], ReadonlyMap<string, unknown>>();

/** `list` by id, built once per list: the prerenderer asks for thousands of pages of one catalog. */
function byId<T extends { id: string }>(list: readonly T[]): ReadonlyMap<string, T> {
  let map = lookups.get(list) as ReadonlyMap<string, T> | undefined;
  if (!map) {
    map = new Map(list.map((item) => [item.id, item]));
    lookups.set(list, map);
  }
  return map;
}

/**
 * The head of the page at a router path (`/talks/lca-2018/keynote`). Titles match what each route
 * sets with useDocumentTitle, so the prerendered title and the browser's agree.
 */
export function pageHead(path: string, bundle: Catalog): PageHead {
  const [first = '', second, third] = path.split('/').filter(Boolean);
  const find = <T extends { id: string }>(list: readonly T[], id: string | undefined) =>
    id === undefined ? undefined : byId(list).get(id);

  if (first === '') {
    return {
      title: SITE_NAME,
      heading: SITE_NAME,
      description: excerpt(
        `Notes from ${plural(bundle.talks.length, 'talk')} at ${bundle.conferences
          .map((c) => c.name)
          .join(', ')}.`,
      ),
      ogType: 'website',
    };
  }
  if (first === 'talks' && second && third) {
    const talk = find(bundle.talks, `${second}/${third}`);
    return talk ? talkHead(talk, bundle) : NOT_FOUND;
  }
  if (first === 'conferences') {
    const conference = find(bundle.conferences, second);
    if (!conference) return NOT_FOUND;
    const place = conference.location ? ` in ${conference.location}` : '';
    return page(
      conference.name,
      `Notes from ${plural(conference.talkCount, 'talk')} at ${conference.name}${place}.`,
    );
  }
  if (first === 'tags' && second) {
    const tag = find(bundle.tags, second);
    if (!tag) return NOT_FOUND;
    const titles = bundle.talks.filter((t) => t.tags.includes(tag.id)).map((t) => t.title);
    return page(`Tag: ${tag.name}`, `${plural(tag.count, 'talk')}: ${titles.join(', ')}`);
  }
  if (first === 'tags') return page('Tags', `${plural(bundle.tags.length, 'tag')} in the notes.`);
  if (first === 'speakers' && second) {
    const speaker = find(bundle.speakers, second);
    if (!speaker) return NOT_FOUND;
    const titles = speaker.talks.map((id) => find(bundle.talks, id)?.title).filter(Boolean);
    return page(speaker.name, `Talks by ${speaker.name}: ${titles.join(', ')}`);
  }
  if (first === 'speakers') {
    return page('Speakers', `${plural(bundle.speakers.length, 'speaker')} in the notes.`);
  }
  if (first === 'links') return page('Links', 'Every link from the notes, by talk.');
  return NOT_FOUND;
}

/**
 * The absolute URL of a router path, when the site's URL is known. SITE_URL may hold the base path
 * already (`https://x.org/notes`) or not (`https://x.org`). A trailing slash saves a redirect:
 * pages are `dir/index.html` files.
 */
export function canonicalUrl(path: string, { base, siteUrl }: SiteOptions): string | undefined {
  if (!siteUrl) return undefined;
  const url = new URL(siteUrl);
  const basePrefix = base.replace(/\/+$/, '');
  let prefix = url.pathname.replace(/\/+$/, '');
  if (!prefix.endsWith(basePrefix)) prefix += basePrefix;
  const relative = path.replace(/^\/+|\/+$/g, '');
  return `${url.origin}${prefix}/${relative ? `${relative}/` : ''}`;
}

/** The <head> tags for a page, as HTML (title first). */
export function headTags(head: PageHead, canonical: string | undefined): string {
  const meta = (attr: 'name' | 'property', key: string, value: string) =>
    `<meta ${attr}="${key}" content="${escapeHtml(value)}" />`;
  return [
    `<title>${escapeHtml(head.title)}</title>`,
    meta('name', 'description', head.description),
    canonical ? `<link rel="canonical" href="${escapeHtml(canonical)}" />` : '',
    meta('property', 'og:site_name', SITE_NAME),
    meta('property', 'og:title', head.heading),
    meta('property', 'og:description', head.description),
    meta('property', 'og:type', head.ogType),
    canonical ? meta('property', 'og:url', canonical) : '',
    meta('name', 'twitter:card', 'summary'),
  ]
    .filter(Boolean)
    .join('\n    ');
}

/**
 * The id an alias names: `old-title` is relative to the talk's conference, `lca-2017/x` is whole
 * (the same rule as the compiler's clash check).
 */
export function aliasTalkId(alias: string, talk: Pick<CatalogTalk, 'conference'>): TalkId {
  return (alias.includes('/') ? alias : `${talk.conference}/${toSlug(alias)}`) as TalkId;
}

/** Every alias of every talk, with the talk it leads to. */
type AliasedTalk = Pick<CatalogTalk, 'id' | 'title' | 'conference' | 'aliases'>;

export function aliasPages<T extends AliasedTalk>(bundle: {
  talks: readonly T[];
}): Array<{ path: string; talk: T }> {
  return bundle.talks.flatMap((talk) =>
    talk.aliases.map((alias) => ({ path: paths.talk(aliasTalkId(alias, talk)), talk })),
  );
}

/**
 * A tiny page at an old address that sends the reader to the talk's current one, without script.
 * It names the site's icon, or the browser asks for /favicon.ico at the host's root (a 404 under a
 * base path) before the refresh.
 */
export function aliasPageHtml(talk: Pick<CatalogTalk, 'id' | 'title'>, site: SiteOptions): string {
  const target = `${site.base}${paths.talk(talk.id).slice(1)}/`;
  const canonical = canonicalUrl(paths.talk(talk.id), site) ?? target;
  const title = escapeHtml(toDocumentTitle(talk.title));
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />
    <meta name="referrer" content="${REFERRER_POLICY}" />
    <meta name="robots" content="noindex" />
    <title>${title}</title>
    <link rel="canonical" href="${escapeHtml(canonical)}" />
    <link rel="icon" type="image/svg+xml" href="${escapeHtml(`${site.base}favicon.svg`)}" />
    <meta http-equiv="refresh" content="0; url=${escapeHtml(target)}" />
  </head>
  <body>
    <p>This talk has moved to <a href="${escapeHtml(target)}">${escapeHtml(talk.title)}</a>.</p>
  </body>
</html>
`;
}
