import { useParams } from 'react-router-dom';
import { QueryGate } from '../../components/bundle-gate';
import { ChipLink, TextLink } from '../../components/text-link';
import { coOccurringTags } from '../../features/tags/tag-stats';
import { tagName, type BundleIndex } from '../../features/talks/bundle-index';
import { Section } from '../../features/talks/talk-details';
import { TalkSummaryList } from '../../features/talks/talk-summary-list';
import { useBundleIndex } from '../../features/talks/use-bundle-index';
import { useDocumentTitle } from '../../features/talks/use-document-title';
import type { TagSummary } from '../../shared/bundle';
import type { TagId } from '../../shared/ids';
import { paths } from '../../shared/paths';
import { NotFoundRoute } from './not-found';

/** `/tags/:tag`: the talks with a tag, and the tags that most often go with it. */
export function TagRoute() {
  const id = (useParams().tag ?? '') as TagId;
  return (
    <QueryGate query={useBundleIndex()}>
      {(index) => {
        const tag = index.tagsById.get(id);
        return tag ? <TagPage tag={tag} index={index} /> : <NotFoundRoute />;
      }}
    </QueryGate>
  );
}

function TagPage({ tag, index }: { tag: TagSummary; index: BundleIndex }) {
  useDocumentTitle(`Tag: ${tag.name}`);
  const talks = index.bundle.talks.filter((talk) => talk.tags.includes(tag.id));
  const together = coOccurringTags(index.bundle.talks, tag.id, (id) => tagName(index, id));
  return (
    <>
      <p className="text-sm text-slate-500 dark:text-slate-400">
        <TextLink to={paths.tags()}>Tags</TextLink> /
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">{tag.name}</h1>
      <p className="mt-1 text-slate-600 dark:text-slate-400">
        {talks.length} {talks.length === 1 ? 'talk' : 'talks'} ·{' '}
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
