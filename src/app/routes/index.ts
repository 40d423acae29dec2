/**
 * Every page, one route module each: a new page is a module here and a line in this list. Its
 * order is the sitemap's: the index pages, then one page per thing in the notes.
 *
 * The home page's module is in the app's first script; every other module is its own chunk,
 * fetched when its page is first shown (or before hydrating it), so the first page carries no
 * other page's code. Each entry's `path` is its module's own (a test holds them equal): the router
 * matches a URL before the module is loaded.
 */
import type { PageRoute } from '../page-route';
import { homeRoute } from './home';

export interface PageModule {
  /** The module's `path`: `talks/:conference/:talk`; `''` home, `*` anything else. */
  path: string;
  load: () => Promise<PageRoute>;
}

export const pageModules: readonly PageModule[] = [
  { path: '', load: () => Promise.resolve(homeRoute) },
  { path: 'tags', load: async () => (await import('./tags')).tagsRoute },
  { path: 'speakers', load: async () => (await import('./speakers')).speakersRoute },
  { path: 'speakers/page/:page', load: async () => (await import('./speakers')).speakersPageRoute },
  { path: 'conferences', load: async () => (await import('./conferences')).conferencesRoute },
  { path: 'links', load: async () => (await import('./links')).linksRoute },
  { path: 'conferences/:id', load: async () => (await import('./conference')).conferenceRoute },
  { path: 'talks/:conference/:talk', load: async () => (await import('./talk')).talkRoute },
  { path: 'tags/:tag', load: async () => (await import('./tag')).tagRoute },
  { path: 'speakers/:id', load: async () => (await import('./speaker')).speakerRoute },
  { path: 'search', load: async () => (await import('./search')).searchRoute },
  { path: 'starred', load: async () => (await import('./starred')).starredRoute },
  { path: '*', load: async () => (await import('./not-found')).notFoundRoute },
];
