import type { TagSummary, CatalogTalk } from '../../shared/bundle';
import type { TagId } from '../../shared/ids';
import type { TagSort } from '../../shared/paths';

/** `?sort=count` sorts by count; anything else (missing, misspelt) by name. */
export function readTagSort(params: URLSearchParams): TagSort {
  return params.get('sort') === 'count' ? 'count' : 'name';
}

/** Tags by name, or most used first (ties by name). */
export function sortTags(tags: readonly TagSummary[], sort: TagSort): TagSummary[] {
  const byName = (a: TagSummary, b: TagSummary) =>
    a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);
  return [...tags].sort(sort === 'count' ? (a, b) => b.count - a.count || byName(a, b) : byName);
}

/** Number of font-size steps in the cloud. */
export const TAG_SIZE_STEPS = 6;

/**
 * A tag's size step (0 to TAG_SIZE_STEPS - 1) on a log scale between the least and most used tag,
 * so one tag on 500 talks does not dwarf the rest.
 */
export function tagSizeStep(count: number, minCount: number, maxCount: number): number {
  if (maxCount <= minCount) return Math.floor((TAG_SIZE_STEPS - 1) / 2);
  const position =
    (Math.log(Math.max(count, minCount)) - Math.log(minCount)) /
    (Math.log(maxCount) - Math.log(minCount));
  return Math.min(TAG_SIZE_STEPS - 1, Math.round(position * (TAG_SIZE_STEPS - 1)));
}

/** The tags that most often sit on the same talks as `tag`: most shared first, then by name. */
export function coOccurringTags(
  talks: readonly CatalogTalk[],
  tag: TagId,
  nameOf: (id: TagId) => string,
  limit = 12,
): Array<{ id: TagId; name: string; count: number }> {
  const counts = new Map<TagId, number>();
  for (const talk of talks) {
    if (!talk.tags.includes(tag)) continue;
    for (const other of new Set(talk.tags)) {
      if (other !== tag) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([id, count]) => ({ id, name: nameOf(id), count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'))
    .slice(0, limit);
}

/**
 * The tags carried by `talks`, each with how many of them carry it: the `limit` most used (ties
 * by name), then listed by name, as a cloud reads. Tags in `exclude` (already chosen) are left out.
 */
export function tagsOfTalks(
  talks: readonly CatalogTalk[],
  nameOf: (id: TagId) => string,
  { exclude = [], limit = 20 }: { exclude?: readonly string[]; limit?: number } = {},
): TagSummary[] {
  const counts = new Map<TagId, number>();
  for (const talk of talks) {
    for (const tag of new Set(talk.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  const byName = (a: TagSummary, b: TagSummary) =>
    a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);
  return [...counts]
    .filter(([id]) => !exclude.includes(id))
    .map(([id, count]) => ({ id, name: nameOf(id), count }))
    .sort((a, b) => b.count - a.count || byName(a, b))
    .slice(0, limit)
    .sort(byName);
}
