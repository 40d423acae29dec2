import type {
  Catalog,
  Conference,
  SpeakerSummary,
  TagSummary,
  CatalogTalk,
} from '../../shared/bundle';
import {
  toAliasId,
  type ConferenceId,
  type SpeakerId,
  type TagId,
  type TalkId,
} from '../../shared/ids';

/** The bundle with the lookups pages need, built once per bundle. */
export interface BundleIndex {
  bundle: Catalog;
  talksById: ReadonlyMap<TalkId, CatalogTalk>;
  /** Old talk ids (`aliases`) → the talk's current id. */
  aliases: ReadonlyMap<string, TalkId>;
  conferencesById: ReadonlyMap<ConferenceId, Conference>;
  tagsById: ReadonlyMap<TagId, TagSummary>;
  speakersById: ReadonlyMap<SpeakerId, SpeakerSummary>;
  /** Each conference day's talks in their order, by {@link dayKey}. */
  talksByDay: ReadonlyMap<string, readonly CatalogTalk[]>;
  /** Each conference's talks and each tag's, in the catalog's order: a page about one asks. */
  talksByConference: ReadonlyMap<ConferenceId, readonly CatalogTalk[]>;
  talksByTag: ReadonlyMap<TagId, readonly CatalogTalk[]>;
}

/** The key of a talk's day in `talksByDay`: day ids are unique within a conference only. */
const dayKey = (talk: CatalogTalk): string => `${talk.conference}\0${talk.day.id}`;

/** The talks under each of their keys (each talk once per key), in the talks' order. */
export function talksBy<K>(
  talks: readonly CatalogTalk[],
  keysOf: (talk: CatalogTalk) => readonly K[],
): Map<K, CatalogTalk[]> {
  const groups = new Map<K, CatalogTalk[]>();
  for (const talk of talks) {
    for (const key of new Set(keysOf(talk))) {
      const group = groups.get(key);
      if (group) group.push(talk);
      else groups.set(key, [talk]);
    }
  }
  return groups;
}

/** Talks of the same conference and day, in their order: every talk page asks, so once. */
function groupByDay(talks: readonly CatalogTalk[]): Map<string, CatalogTalk[]> {
  const days = talksBy(talks, (talk) => [dayKey(talk)]);
  for (const day of days.values()) day.sort((a, b) => a.order - b.order);
  return days;
}

const cache = new WeakMap<Catalog, BundleIndex>();

/** Pure and cached by bundle identity, so `select: indexBundle` costs one pass per fetch. */
export function indexBundle(bundle: Catalog): BundleIndex {
  const known = cache.get(bundle);
  if (known) return known;
  const aliases = new Map<string, TalkId>();
  for (const talk of bundle.talks) {
    for (const alias of talk.aliases) aliases.set(toAliasId(talk.conference, alias), talk.id);
  }
  const index: BundleIndex = {
    bundle,
    talksById: new Map(bundle.talks.map((talk) => [talk.id, talk])),
    aliases,
    conferencesById: new Map(bundle.conferences.map((c) => [c.id, c])),
    tagsById: new Map(bundle.tags.map((tag) => [tag.id, tag])),
    speakersById: new Map(bundle.speakers.map((speaker) => [speaker.id, speaker])),
    talksByDay: groupByDay(bundle.talks),
    talksByConference: talksBy(bundle.talks, (talk) => [talk.conference]),
    talksByTag: talksBy(bundle.talks, (talk) => talk.tags),
  };
  cache.set(bundle, index);
  return index;
}

/** The talks with these ids that the catalog has, in the ids' order. */
export const talksOf = (index: BundleIndex, ids: readonly TalkId[]): CatalogTalk[] =>
  ids.flatMap((id) => index.talksById.get(id) ?? []);

/** The talks before and after `talk` on its day. */
export function neighboursOf(
  index: BundleIndex,
  talk: CatalogTalk,
): { previous: CatalogTalk | undefined; next: CatalogTalk | undefined } {
  const day = index.talksByDay.get(dayKey(talk)) ?? [];
  const at = day.findIndex((other) => other.id === talk.id);
  return { previous: at > 0 ? day[at - 1] : undefined, next: day[at + 1] };
}

/** A conference's display name, or its id when the bundle does not list it. */
export function conferenceName(index: BundleIndex, id: ConferenceId): string {
  return index.conferencesById.get(id)?.name ?? id;
}

/** A tag's display name, or its id. */
export function tagName(index: BundleIndex, id: TagId): string {
  return index.tagsById.get(id)?.name ?? id;
}
