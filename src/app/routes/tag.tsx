import { ChipLink, TextLink } from '../../components/text-link';
import { coOccurringTags } from '../../features/tags/tag-stats';
import { tagName, type BundleIndex } from '../../features/talks/bundle-index';
import { Section } from '../../features/talks/talk-details';
import { TalkSummaryList } from '../../features/talks/talk-summary-list';
import { useDocumentTitle } from '../../features/talks/use-document-title';
import type { TagSummary } from '../../shared/bundle';
import type { TagId } from '../../shared/ids';
import { paths } from '../../shared/paths';
import { noun, plural } from '../../shared/plural';
import { entityHead, EntityPage, type Find } from '../entity-page';
import { describePage, type PageRoute } from '../page-route';

const findTag: Find<TagSummary> = (index, params) =>
  index.tagsById.get((params.tag ?? '') as TagId);

const talksWith = (tag: TagSummary, index: BundleIndex) =>
  index.bundle.talks.filter((talk) => talk.tags.includes(tag.id));

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
  useDocumentTitle(`Tag: ${tag.name}`);
  const talks = talksWith(tag, index);
  const together = coOccurringTags(index.bundle.talks, tag.id, (id) => tagName(index, id));
  return (
    <>
      <p className="text-sm text-slate-500 dark:text-slate-400">
        <TextLink to={paths.tags()}>Tags</TextLink> /
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">{tag.name}</h1>
      <p className="mt-1 text-slate-600 dark:text-slate-400">
        {talks.length} {noun(talks.length, 'talk')} ·{' '}
        <TextLink to={paths.home({ tag: [tag.id] })}>Show on the timeline</TextLink>
      </p>
      <div className="mt-4">
        <TalkSummaryList talks={talks} index={index} />
      </div>
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
