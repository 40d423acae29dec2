import { useParams } from 'react-router-dom';
import { QueryGate } from '../../components/bundle-gate';
import { TextLink } from '../../components/text-link';
import { speakerDetails } from '../../features/speakers/speaker-details';
import type { BundleIndex } from '../../features/talks/bundle-index';
import { TalkSummaryList } from '../../features/talks/talk-summary-list';
import { useBundleIndex } from '../../features/talks/use-bundle-index';
import { useDocumentTitle } from '../../features/talks/use-document-title';
import type { SpeakerSummary, CatalogTalk } from '../../shared/bundle';
import type { SpeakerId } from '../../shared/ids';
import { paths } from '../../shared/paths';
import { NotFoundRoute } from './not-found';

/** `/speakers/:id`: one person and their talks, across every conference. */
export function SpeakerRoute() {
  const id = (useParams().id ?? '') as SpeakerId;
  return (
    <QueryGate query={useBundleIndex()}>
      {(index) => {
        const speaker = index.speakersById.get(id);
        return speaker ? <SpeakerPage speaker={speaker} index={index} /> : <NotFoundRoute />;
      }}
    </QueryGate>
  );
}

function SpeakerPage({ speaker, index }: { speaker: SpeakerSummary; index: BundleIndex }) {
  useDocumentTitle(speaker.name);
  const talks = speaker.talks.flatMap((id): CatalogTalk[] => {
    const talk = index.talksById.get(id);
    return talk ? [talk] : [];
  });
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
        {talks.length} {talks.length === 1 ? 'talk' : 'talks'} ·{' '}
        <TextLink to={paths.home({ speaker: [speaker.id] })}>Show on the timeline</TextLink>
      </p>
      <div className="mt-4">
        <TalkSummaryList talks={talks} index={index} />
      </div>
    </>
  );
}
