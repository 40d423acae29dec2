import { speakerDetails } from '../../features/speakers/speaker-details';
import { talksOf, type BundleIndex } from '../../features/talks/bundle-index';
import type { SpeakerSummary } from '../../shared/bundle';
import type { SpeakerId } from '../../shared/ids';
import { paths } from '../../shared/paths';
import { entityHead, EntityPage, TalkListing, type Find } from '../entity-page';
import { describePage, type PageRoute } from '../page-route';

const findSpeaker: Find<SpeakerSummary> = (index, params) =>
  index.speakersById.get((params.id ?? '') as SpeakerId);

/** `/speakers/:id`: one person and their talks, by conference, newest first. */
export const speakerRoute: PageRoute = {
  path: 'speakers/:id',
  Component: () => <EntityPage find={findSpeaker} Page={SpeakerPage} />,
  head: entityHead(findSpeaker, (speaker, index) =>
    describePage(
      speaker.name,
      `Talks by ${speaker.name}: ${talksOf(index, speaker.talks)
        .map((talk) => talk.title)
        .filter(Boolean)
        .join(', ')}`,
    ),
  ),
  staticPaths: (catalog) => catalog.speakers.map((s) => paths.speaker(s.id)),
};

function SpeakerPage({ item: speaker, index }: { item: SpeakerSummary; index: BundleIndex }) {
  return (
    <TalkListing
      up={{ to: paths.speakers(), label: 'Speakers' }}
      title={speaker.name}
      details={speakerDetails(speaker)}
      talks={talksOf(index, speaker.talks)}
      timeline={paths.home({ speaker: [speaker.id] })}
      index={index}
      byConference
    />
  );
}
