import { Fragment } from 'react';
import { QueryGate } from '../../components/bundle-gate';
import { EmptyState } from '../../components/empty-state';
import { TextLink } from '../../components/text-link';
import { speakerDetails } from '../../features/speakers/speaker-details';
import { conferenceName, talksOf } from '../../features/talks/bundle-index';
import { useBundleIndex } from '../../features/talks/use-bundle-index';
import type { ConferenceId } from '../../shared/ids';
import { paths } from '../../shared/paths';
import { noun, plural } from '../../shared/plural';
import { describePage, type PageRoute } from '../page-route';

/** `/speakers`: everyone who spoke, by name, with how many talks and where. */
export const speakersRoute: PageRoute = {
  path: 'speakers',
  Component: SpeakersRoute,
  head: (_, catalog) =>
    describePage('Speakers', `${plural(catalog.speakers.length, 'speaker')} in the notes.`),
  staticPaths: () => [paths.speakers()],
};

function SpeakersRoute() {
  return (
    <QueryGate query={useBundleIndex()}>
      {(index) => {
        const { speakers } = index.bundle;
        if (speakers.length === 0) return <EmptyState title="No speakers yet" />;
        return (
          <>
            <h1 className="text-3xl font-bold tracking-tight">Speakers</h1>
            <p className="mt-1 text-slate-600 dark:text-slate-400">
              {speakers.length} {noun(speakers.length, 'person', 'people')}
            </p>
            <ul className="mt-4 divide-y divide-slate-200 dark:divide-slate-800">
              {speakers.map((speaker) => {
                const conferences = [
                  ...new Set(talksOf(index, speaker.talks).map((talk) => talk.conference)),
                ];
                const details = speakerDetails(speaker);
                return (
                  <li key={speaker.id} className="py-2">
                    <TextLink to={paths.speaker(speaker.id)} className="font-medium">
                      {speaker.name}
                    </TextLink>
                    {details ? (
                      <span className="text-slate-600 dark:text-slate-400"> · {details}</span>
                    ) : null}
                    <p className="text-sm text-slate-500 dark:text-slate-400">
                      {speaker.talks.length} {noun(speaker.talks.length, 'talk')} ·{' '}
                      {conferences.map((id: ConferenceId, at) => (
                        <Fragment key={id}>
                          {at > 0 ? ', ' : null}
                          <TextLink to={paths.conference(id)}>{conferenceName(index, id)}</TextLink>
                        </Fragment>
                      ))}
                    </p>
                  </li>
                );
              })}
            </ul>
          </>
        );
      }}
    </QueryGate>
  );
}
