/**
 * Every page of the site that has a URL of its own, as router paths (without the base path). The
 * build prerenders these and lists them in the sitemap, so both always agree.
 */
import type { ConferenceId, SpeakerId, TagId, TalkId } from './ids';
import { paths } from './paths';

export interface SitePage {
  /** Router path: `/talks/lca-2018/puppet-in-the-cloud`. */
  path: string;
  kind: 'home' | 'talk' | 'tags' | 'tag' | 'speakers' | 'speaker' | 'conference' | 'links';
}

/** The pages in a stable order: the index pages first, then conferences, talks, tags, speakers. */
export function sitePages(bundle: {
  conferences: ReadonlyArray<{ id: ConferenceId }>;
  talks: ReadonlyArray<{ id: TalkId }>;
  tags: ReadonlyArray<{ id: TagId }>;
  speakers: ReadonlyArray<{ id: SpeakerId }>;
}): SitePage[] {
  return [
    { path: paths.home(), kind: 'home' },
    { path: paths.tags(), kind: 'tags' },
    { path: paths.speakers(), kind: 'speakers' },
    { path: paths.links(), kind: 'links' },
    ...bundle.conferences.map((c) => ({
      path: paths.conference(c.id),
      kind: 'conference' as const,
    })),
    ...bundle.talks.map((t) => ({ path: paths.talk(t.id), kind: 'talk' as const })),
    ...bundle.tags.map((t) => ({ path: paths.tag(t.id), kind: 'tag' as const })),
    ...bundle.speakers.map((s) => ({ path: paths.speaker(s.id), kind: 'speaker' as const })),
  ];
}

/**
 * The file a static host serves for a router path: `/` → `index.html`,
 * `/talks/lca-2018/keynote` → `talks/lca-2018/keynote/index.html`. A directory per page keeps URLs
 * without `.html` working on every host (GitHub Pages, S3 website hosting, nginx, http.server).
 */
export function pageFile(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed ? `${trimmed}/index.html` : 'index.html';
}
