/**
 * Where the compiled notes are published, relative to the site's base path. The Vite plugin writes
 * (and in dev serves) these; the app fetches them.
 */
export const BUNDLE_FILE = 'data/bundle.json';
export const SEARCH_INDEX_FILE = 'data/search-index.json';

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
