import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Navigate, useParams, useSearchParams } from 'react-router-dom';
import { QueryGate } from '../../components/bundle-gate';
import type { BundleIndex } from '../../features/talks/bundle-index';
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
import { talkQuery } from '../../features/talks/api';
import { useBundleIndex } from '../../features/talks/use-bundle-index';
import { useDocumentTitle } from '../../features/talks/use-document-title';
import { HighlightedText } from '../../features/talks/highlighted-text';
import { useHighlighting } from '../../features/talks/use-highlighter';
import type { CatalogTalk } from '../../shared/bundle';
import { toTalkId, type ConferenceId, type TalkId } from '../../shared/ids';
import { paths } from '../../shared/paths';
import { NotFoundRoute } from './not-found';

/** `/talks/:conference/:talk`: one talk's notes, where it sat, its links and neighbours. */
export function TalkRoute() {
  const params = useParams();
  const id = toTalkId((params.conference ?? '') as ConferenceId, params.talk ?? '');
  const query = useBundleIndex();
  return <QueryGate query={query}>{(index) => <TalkOrMissing id={id} index={index} />}</QueryGate>;
}

function TalkOrMissing({ id, index }: { id: TalkId; index: BundleIndex }) {
  const talk = index.talksById.get(id);
  if (talk) return <TalkPage talk={talk} index={index} />;
  const renamed = index.aliases.get(id);
  if (renamed) return <Navigate to={paths.talk(renamed)} replace />;
  return <NotFoundRoute />;
}

/** `?hl=docker&hl=orchestr`: the terms a search matched, marked on the page. */
function useSearchTerms(): readonly string[] {
  const [params] = useSearchParams();
  const joined = params.getAll('hl').filter(Boolean).join('\n');
  return useMemo(() => (joined ? joined.split('\n') : []), [joined]);
}

function TalkPage({ talk, index }: { talk: CatalogTalk; index: BundleIndex }) {
  useDocumentTitle(talk.title);
  const highlighting = useHighlighting(useSearchTerms());
  return (
    <article className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold tracking-tight text-pretty sm:text-3xl sm:text-balance">
        <HighlightedText text={talk.title} highlighting={highlighting} />
      </h1>
      <TalkSpeakers talk={talk} />
      <TalkPlace talk={talk} index={index} />
      <TalkTags talk={talk} index={index} />
      <div className="mt-4">
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
    <QueryGate query={useQuery(talkQuery(talk.id))}>
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
