import type { CatalogTalk, Link, LinksFile } from '../../shared/bundle';
import type { TalkId } from '../../shared/ids';
import { hostOf } from '../../shared/links';

export type LinkKind = 'repository' | 'slides' | 'video' | 'paper' | 'other';

/** Section order on the resources page, with headings. */
export const LINK_KINDS: ReadonlyArray<{ kind: LinkKind; title: string }> = [
  { kind: 'repository', title: 'Repositories' },
  { kind: 'slides', title: 'Slides' },
  { kind: 'video', title: 'Videos' },
  { kind: 'paper', title: 'Papers' },
  { kind: 'other', title: 'Other links' },
];

const REPOSITORY_HOSTS = ['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org'];
const SLIDE_HOSTS = ['speakerdeck.com', 'slideshare.net'];
const VIDEO_HOSTS = ['youtube.com', 'youtu.be', 'vimeo.com'];
const PAPER_HOSTS = ['arxiv.org', 'doi.org'];

/** `host` is `domain` or a subdomain of it. */
const isOn = (host: string, domains: readonly string[]) =>
  domains.some((domain) => host === domain || host.endsWith(`.${domain}`));

/** What a link points at, from its host and path. */
export function classifyLink(url: string): LinkKind {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'other';
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const path = parsed.pathname.toLowerCase();
  if (isOn(host, REPOSITORY_HOSTS)) return 'repository';
  if (isOn(host, SLIDE_HOSTS) || host.startsWith('slides.')) return 'slides';
  if (host === 'docs.google.com' && path.startsWith('/presentation')) return 'slides';
  if (isOn(host, VIDEO_HOSTS)) return 'video';
  if (isOn(host, PAPER_HOSTS) || path.endsWith('.pdf')) return 'paper';
  return 'other';
}

export interface LinkEntry {
  url: string;
  text: string;
  host: string;
  /** Every talk whose notes hold this URL, in bundle order. */
  talks: CatalogTalk[];
}

export interface HostGroup {
  host: string;
  links: LinkEntry[];
}

export interface KindGroup {
  kind: LinkKind;
  title: string;
  count: number;
  hosts: HostGroup[];
}

/** Every link in the notes, one entry per URL, grouped by kind and then host (both sorted). */
export function groupLinks(
  linked: ReadonlyArray<{ talk: CatalogTalk; links: readonly Link[] }>,
): KindGroup[] {
  const entries = new Map<string, { kind: LinkKind; entry: LinkEntry }>();
  for (const { talk, links } of linked) {
    for (const link of links) {
      const known = entries.get(link.url)?.entry;
      if (known) {
        if (!known.talks.includes(talk)) known.talks.push(talk);
        continue;
      }
      const entry = {
        url: link.url,
        text: link.text,
        host: hostOf(link.url, { bare: true }),
        talks: [talk],
      };
      entries.set(link.url, { kind: classifyLink(link.url), entry });
    }
  }
  return LINK_KINDS.map(({ kind, title }) => {
    const hosts = new Map<string, LinkEntry[]>();
    for (const { kind: entryKind, entry } of entries.values()) {
      if (entryKind !== kind) continue;
      const list = hosts.get(entry.host);
      if (list) list.push(entry);
      else hosts.set(entry.host, [entry]);
    }
    const groups = [...hosts]
      .map(([host, links]) => ({
        host,
        links: links.sort((a, b) => a.url.localeCompare(b.url, 'en')),
      }))
      .sort((a, b) => a.host.localeCompare(b.host, 'en'));
    return {
      kind,
      title,
      count: groups.reduce((sum, g) => sum + g.links.length, 0),
      hosts: groups,
    };
  }).filter((group) => group.count > 0);
}

/** The links file joined to the catalog's talks (a talk the catalog lacks is skipped). */
export function linkedTalks(
  file: LinksFile,
  talksById: ReadonlyMap<TalkId, CatalogTalk>,
): Array<{ talk: CatalogTalk; links: readonly Link[] }> {
  return file.talks.flatMap(({ id, links }) => {
    const talk = talksById.get(id);
    return talk ? [{ talk, links }] : [];
  });
}
