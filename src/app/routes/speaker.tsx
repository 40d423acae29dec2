import { TextLink } from '../../components/text-link';
import { speakerDetails } from '../../features/speakers/speaker-details';
import type { BundleIndex } from '../../features/talks/bundle-index';
import { TalkSummaryList } from '../../features/talks/talk-summary-list';
import { useDocumentTitle } from '../../features/talks/use-document-title';
import type { SpeakerSummary, CatalogTalk } from '../../shared/bundle';
import type { SpeakerId } from '../../shared/ids';
import { paths } from '../../shared/paths';
import { noun } from '../../shared/plural';
import { entityHead, EntityPage, type Find } from '../entity-page';
import { describePage, type PageRoute } from '../page-route';

const findSpeaker: Find<SpeakerSummary> = (index, params) =>
  index.speakersById.get((params.id ?? '') as SpeakerId);

/** The speaker's talks that the catalog has. */
const talksOf = (speaker: SpeakerSummary, index: BundleIndex): CatalogTalk[] =>
  speaker.talks.flatMap((id) => {
    const talk = index.talksById.get(id);
    return talk ? [talk] : [];
  });

/** `/speakers/:id`: one person and their talks, across every conference. */
export const speakerRoute: PageRoute = {
  path: 'speakers/:id',
  Component: () => <EntityPage find={findSpeaker} Page={SpeakerPage} />,
  head: entityHead(findSpeaker, (speaker, index) =>
    describePage(
      speaker.name,
      `Talks by ${speaker.name}: ${talksOf(speaker, index)
        .map((talk) => talk.title)
        .filter(Boolean)
        .join(', ')}`,
    ),
  ),
  staticPaths: (catalog) => catalog.speakers.map((s) => paths.speaker(s.id)),
};

function SpeakerPage({ item: speaker, index }: { item: SpeakerSummary; index: BundleIndex }) {
  useDocumentTitle(speaker.name);
  const talks = talksOf(speaker, index);
  const details = speakerDetails(speaker);
  return (
    <>
      <p className="text-sm text-slate-500 dark:text-slate-400">
        <TextLink to={paths.speakers()}>Speakers</TextLink> /
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">{speaker.name}</h1>
      {details ? (
        <p className="mt-1 text-lg text-slate-600 dark:text-slate-400">{details}</p>
      ) : null}
      <p className="mt-1 text-slate-600 dark:text-slate-400">
        {talks.length} {noun(talks.length, 'talk')} ·{' '}
        <TextLink to={paths.home({ speaker: [speaker.id] })}>Show on the timeline</TextLink>
      </p>
      <div className="mt-4">
        <TalkSummaryList talks={talks} index={index} />
      </div>
    </>
  );
}
