import { ChipLink } from '../../components/text-link';
import { coOccurringTags } from '../../features/tags/tag-stats';
import { tagName, type BundleIndex } from '../../features/talks/bundle-index';
import { Section } from '../../features/talks/talk-details';
import type { TagSummary } from '../../shared/bundle';
import type { TagId } from '../../shared/ids';
import { paths } from '../../shared/paths';
import { plural } from '../../shared/plural';
import { entityHead, EntityPage, TalkListing, type Find } from '../entity-page';
import { describePage, type PageRoute } from '../page-route';

const findTag: Find<TagSummary> = (index, params) =>
  index.tagsById.get((params.tag ?? '') as TagId);

const talksWith = (tag: TagSummary, index: BundleIndex) => index.talksByTag.get(tag.id) ?? [];

/** `/tags/:tag`: the talks with a tag, and the tags that most often go with it. */
export const tagRoute: PageRoute = {
  path: 'tags/:tag',
  Component: () => <EntityPage find={findTag} Page={TagPage} />,
  head: entityHead(findTag, (tag, index) =>
    describePage(
      `Tag: ${tag.name}`,
      `${plural(tag.count, 'talk')}: ${talksWith(tag, index)
        .map((talk) => talk.title)
        .join(', ')}`,
    ),
  ),
  staticPaths: (catalog) => catalog.tags.map((t) => paths.tag(t.id)),
};

function TagPage({ item: tag, index }: { item: TagSummary; index: BundleIndex }) {
  const together = coOccurringTags(talksWith(tag, index), tag.id, (id) => tagName(index, id));
  return (
    <>
      <TalkListing
        up={{ to: paths.tags(), label: 'Tags' }}
        title={tag.name}
        talks={talksWith(tag, index)}
        timeline={paths.home({ tag: [tag.id] })}
        index={index}
      />
      {together.length > 0 ? (
        <Section title="Often together with">
          <ul className="mt-3 flex flex-wrap gap-2">
            {together.map((other) => (
              <li key={other.id}>
                {/* Named "Docker, 2 of these talks"; the visible "Docker 2" is part of it. */}
                <ChipLink to={paths.tag(other.id)}>
                  {other.name}
                  <span className="sr-only">,</span>{' '}
                  <span className="text-slate-500 dark:text-slate-400">{other.count}</span>{' '}
                  <span className="sr-only">of these talks</span>
                </ChipLink>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
