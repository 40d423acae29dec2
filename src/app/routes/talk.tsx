import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Navigate, useSearchParams, type Params } from 'react-router-dom';
import { QueryGate } from '../../components/bundle-gate';
import { TextLink } from '../../components/text-link';
import type { BundleIndex } from '../../features/talks/bundle-index';
import { StarButton } from '../../features/stars';
import { CopyLinkButton } from '../../features/talks/copy-link-button';
import {
  RelatedTalks,
  TalkLinks,
  TalkNeighbours,
  TalkNotes,
  TalkPlace,
  TalkSpeakers,
  TalkTags,
} from '../../features/talks/talk-details';
import { NotSavedOfflineError, talkQuery } from '../../features/talks/api';
import { toDocumentTitle } from '../../features/talks/document-title';
import { HighlightedText } from '../../features/talks/highlighted-text';
import { useHighlighting } from '../../features/talks/use-highlighter';
import type { CatalogTalk } from '../../shared/bundle';
import { toAliasId, toTalkId, type ConferenceId } from '../../shared/ids';
import { paths } from '../../shared/paths';
import { excerpt, type PageRoute } from '../page-route';
import { entityHead, EntityPage, type Find } from '../entity-page';

const idOf = (params: Params) =>
  toTalkId((params.conference ?? '') as ConferenceId, params.talk ?? '');

const findTalk: Find<CatalogTalk> = (index, params) => index.talksById.get(idOf(params));

/** An old address of a renamed talk (one of its `aliases`) leads to the talk. */
function toRenamed(index: BundleIndex, params: Params) {
  const renamed = index.aliases.get(idOf(params));
  return renamed ? <Navigate to={paths.talk(renamed)} replace /> : undefined;
}

const speakerNames = (talk: CatalogTalk) => talk.speakers.map((speaker) => speaker.name).join(', ');

/** `/talks/:conference/:talk`: one talk's notes, where it sat, its links and neighbours. */
export const talkRoute: PageRoute = {
  path: 'talks/:conference/:talk',
  Component: () => <EntityPage find={findTalk} Page={TalkPage} missing={toRenamed} />,
  load: (params) => [talkQuery(idOf(params))],
  head: entityHead(findTalk, (talk, index) => {
    const by = speakerNames(talk);
    const where = index.conferencesById.get(talk.conference)?.name ?? talk.conference;
    const summary = `${by ? `${by}, ` : ''}${where}, ${talk.day.label}.`;
    return {
      title: toDocumentTitle(talk.title),
      heading: by ? `${talk.title} (${by})` : talk.title,
      // The catalog's excerpt is the notes' start, cut longer than a description: the same words.
      description: excerpt(talk.excerpt.trim() ? talk.excerpt : summary),
      ogType: 'article',
    };
  }),
  staticPaths: (catalog) => catalog.talks.map((talk) => paths.talk(talk.id)),
  redirects: (catalog) =>
    catalog.talks.flatMap((talk) =>
      talk.aliases.map((alias) => ({
        path: paths.talk(toAliasId(talk.conference, alias)),
        to: paths.talk(talk.id),
        title: talk.title,
      })),
    ),
};

/** `?hl=docker&hl=orchestr`: the terms a search matched, marked on the page. */
function useSearchTerms(): readonly string[] {
  const [params] = useSearchParams();
  const joined = params.getAll('hl').filter(Boolean).join('\n');
  return useMemo(() => (joined ? joined.split('\n') : []), [joined]);
}

function TalkPage({ item: talk, index }: { item: CatalogTalk; index: BundleIndex }) {
  const highlighting = useHighlighting(useSearchTerms());
  return (
    <article className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold tracking-tight text-pretty sm:text-3xl sm:text-balance">
        <HighlightedText text={talk.title} highlighting={highlighting} />
      </h1>
      <TalkSpeakers talk={talk} />
      <TalkPlace talk={talk} index={index} />
      <TalkTags talk={talk} index={index} />
      <div className="mt-4 flex flex-wrap items-center gap-3 print:hidden">
        <StarButton id={talk.id} title={talk.title} labelled />
        <CopyLinkButton url={() => window.location.href} />
      </div>
      <NotesOf talk={talk} index={index} highlighting={highlighting} />
      <TalkNeighbours talk={talk} index={index} />
    </article>
  );
}

/** The talk's own file: its notes, links and related talks, fetched when the page opens. */
function NotesOf({
  talk,
  index,
  highlighting,
}: {
  talk: CatalogTalk;
  index: BundleIndex;
  highlighting: ReturnType<typeof useHighlighting>;
}) {
  return (
    <QueryGate
      query={useQuery(talkQuery(talk.id))}
      failed={(error) =>
        error instanceof NotSavedOfflineError ? <NotSavedOffline talk={talk} /> : undefined
      }
    >
      {(notes) => (
        <>
          <TalkNotes talk={notes} highlighting={highlighting} />
          <TalkLinks talk={notes} />
          <RelatedTalks talk={notes} index={index} />
        </>
      )}
    </QueryGate>
  );
}

/** Offline, a talk whose notes were never downloaded: say so plainly, and lead back. */
function NotSavedOffline({ talk }: { talk: CatalogTalk }) {
  return (
    <section
      role="status"
      className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-5 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <h2 className="font-semibold">This talk isn&apos;t saved for offline reading yet</h2>
      <p className="mt-1">
        Its notes download the first time it is opened with a connection. Until then:{' '}
        <TextLink to={paths.conference(talk.conference)}>
          the other talks of its conference
        </TextLink>{' '}
        or <TextLink to={paths.home()}>the timeline</TextLink>.
      </p>
    </section>
  );
}
