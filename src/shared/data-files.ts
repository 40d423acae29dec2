/**
 * Where the compiled notes are published, relative to the site's base path. The Vite plugin writes
 * (and in dev serves) these; the app fetches them.
 */
/** Every talk with its notes, in one file: the public export, for readers (the app does not fetch it). */
export const BUNDLE_FILE = 'data/bundle.json';

/** What the app fetches first: the bundle with talks as cards (no notes). */
export const CATALOG_FILE = 'data/catalog.json';

/** Every talk's links, for the links page. */
export const LINKS_FILE = 'data/links.json';

/** Where one talk's notes live: `data/talks/lca-2018/keynote.json` (the talk, as in the bundle). */
export const talkFile = (id: string): string => `data/talks/${id}.json`;

/** Whether a published file name is a talk's own file. */
export const isTalkFile = (fileName: string): boolean =>
  /^data\/talks\/[^/]+\/[^/]+\.json$/.test(fileName);

/** Dev server → page: the notes were recompiled; refetch the bundle. Payload: {@link NotesUpdated}. */
export const NOTES_UPDATED_EVENT = 'lanyard:notes-updated';

export interface NotesUpdated {
  /** `generatedAt` of the new bundle. */
  generatedAt: string;
  /** The previous compile failed and its errors are on Vite's overlay; this one fixed them. */
  recovered: boolean;
}

/** Names the plugin on Vite's error overlay (`[plugin:lanyard-notes]`). */
export const NOTES_PLUGIN_NAME = 'lanyard-notes';

/** JSON Schema of {@link BUNDLE_FILE}, generated from the zod schema in bundle.ts. */
export const BUNDLE_SCHEMA_FILE = 'data/bundle.schema.json';
/** The talks, newest conference first, as an Atom feed and a JSON Feed (site root). */
export const ATOM_FEED_FILE = 'feed.xml';
export const JSON_FEED_FILE = 'feed.json';
/** The feeds as every page's head announces them and the footer links them. */
export const FEEDS = [
  { file: ATOM_FEED_FILE, type: 'application/atom+xml', label: 'Atom feed' },
  { file: JSON_FEED_FILE, type: 'application/feed+json', label: 'JSON Feed' },
] as const;
/** Every page, for search engines; written only when the site's URL (SITE_URL) is known. */
export const SITEMAP_FILE = 'sitemap.xml';
export const ROBOTS_FILE = 'robots.txt';

/** A page with the app and no prerendered content: what the service worker serves offline for a
 * page it has not cached (the app renders any page from the cached bundle). */
export const APP_SHELL_FILE = 'app.html';

/**
 * Data files a service worker precaches only while they fit its budget, else caches as they are
 * opened: per-talk notes, search shards and result cards, the links, the notes' images. Read by
 * the build (which ones to precache) and by the service worker (which requests to cache).
 */
export const ON_DEMAND_DATA =
  /(^|\/)data\/(?:(?:talks\/.+|search\/(?:cards\/)?\d+|links)\.json|media\/[^/]+)$/;
