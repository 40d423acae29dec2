/**
 * The bundle → what the app fetches: the catalog (talks as cards) for every page, and each talk's
 * notes in a file of its own, fetched when its page opens. Pure; the build and the prerenderer
 * both use it.
 */
// Types only: the zod schemas in bundle.ts stay out of the app's JavaScript.
import type {
  Bundle,
  Catalog,
  DayNote,
  CatalogDayNote,
  LinksFile,
  Talk,
  CatalogTalk,
} from './bundle';
import { SCHEMA_VERSION } from './schema-version';

/**
 * Longest card excerpt: about two lines of a card on a desktop (the card clamps it at two). The
 * least compressible part of the catalog: at 10,000 talks, 240 characters made it 31% of its bytes.
 */
const EXCERPT_LENGTH = 160;

/** What stands between two lines of the notes in an excerpt: a list's items stay apart. */
export const LINE_SEPARATOR = ' · ';

/** A URL at the start of the text (and what follows it up to the next word). */
const LEADING_URL = /^(?:(?:https?:\/\/|www\.)\S*[\s·]*)+/i;

/**
 * The text on one line, cut at a word boundary near `max` characters, with an ellipsis. Each line
 * break becomes {@link LINE_SEPARATOR} ("…cure for malaria · Coming up with a name…", not
 * "malaria Coming up"), and a URL it starts with is left out: an excerpt starting with
 * `https://github.com/…` says nothing.
 */
export function excerptOf(text: string, max = EXCERPT_LENGTH): string {
  const lines = text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const flat = lines.join(LINE_SEPARATOR).replace(LEADING_URL, '').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.·–—-]+$/, '')}…`;
}

/** `record` without `keys` (a copy). */
function omit<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Omit<T, K> {
  const copy: Partial<T> = { ...record };
  for (const key of keys) delete copy[key];
  return copy as Omit<T, K>;
}

export function toCatalogTalk(talk: Talk): CatalogTalk {
  return {
    ...omit(talk, ['html', 'text', 'links', 'related']),
    excerpt: excerptOf(talk.text),
    linkCount: talk.links.length,
  };
}

export const toCatalogDayNote = (note: DayNote): CatalogDayNote => omit(note, ['text']);

export function toCatalog(bundle: Bundle): Catalog {
  return {
    ...bundle,
    talks: bundle.talks.map(toCatalogTalk),
    dayNotes: bundle.dayNotes.map(toCatalogDayNote),
  };
}

export function toLinksFile(bundle: Pick<Bundle, 'talks'>): LinksFile {
  return {
    schemaVersion: SCHEMA_VERSION,
    talks: bundle.talks
      .filter((talk) => talk.links.length > 0)
      .map((talk) => ({ id: talk.id, links: talk.links })),
  };
}
