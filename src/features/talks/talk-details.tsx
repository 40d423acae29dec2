import { Fragment, useEffect, useId, useRef, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { isTyping } from '../../components/is-typing';
import { ChipLink, ExternalLink, TextLink } from '../../components/text-link';
import type { CatalogTalk, Talk } from '../../shared/bundle';
import { toSpeakerId } from '../../shared/ids';
import { hostOf } from '../../shared/links';
import { paths, toDayFilterValue } from '../../shared/paths';
import { conferenceName, neighboursOf, tagName, talksOf, type BundleIndex } from './bundle-index';
import { describeDay, formatDate } from './format';
import type { Highlighting } from './highlighted-text';
import { markMatches } from './mark-matches';
import { TalkSummaryList } from './talk-summary-list';

/** Speakers, each a link to their page, with affiliation or handle beside the name. */
export function TalkSpeakers({ talk }: { talk: CatalogTalk }) {
  if (talk.speakers.length === 0) return null;
  return (
    <p className="mt-2 text-lg text-slate-700 dark:text-slate-300">
      <span className="sr-only">Speakers: </span>
      {talk.speakers.map((speaker, at) => (
        <Fragment key={`${speaker.name}-${at}`}>
          {at > 0 ? ', ' : null}
          <TextLink to={paths.speaker(toSpeakerId(speaker.handle ?? speaker.name))}>
            {speaker.name}
          </TextLink>
          {speaker.affiliation ? (
            <span className="text-slate-500 dark:text-slate-400"> ({speaker.affiliation})</span>
          ) : speaker.handle && !speaker.name.startsWith('@') ? (
            <span className="text-slate-500 dark:text-slate-400"> @{speaker.handle}</span>
          ) : null}
        </Fragment>
      ))}
    </p>
  );
}

/** Conference, day and track, each a link to the timeline filtered to it. */
export function TalkPlace({ talk, index }: { talk: CatalogTalk; index: BundleIndex }) {
  const conference = [talk.conference];
  const { label, date } = describeDay(talk.day);
  return (
    <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-slate-500 dark:text-slate-400">Conference</dt>
      <dd>
        <TextLink to={paths.home({ conference })}>
          {conferenceName(index, talk.conference)}
        </TextLink>
        {index.conferencesById.has(talk.conference) ? (
          <>
            {' · '}
            <TextLink to={paths.conference(talk.conference)}>all days and tracks</TextLink>
          </>
        ) : null}
      </dd>
      <dt className="text-slate-500 dark:text-slate-400">Day</dt>
      <dd>
        <TextLink
          to={paths.home({
            conference,
            day: [toDayFilterValue(talk.conference, talk.day.id)],
          })}
        >
          {label}
        </TextLink>
        {date ? (
          <>
            {' · '}
            <time dateTime={date} className="text-slate-600 dark:text-slate-400">
              {formatDate(date)}
            </time>
          </>
        ) : null}
      </dd>
      {talk.track ? (
        <>
          <dt className="text-slate-500 dark:text-slate-400">Track</dt>
          <dd>
            <TextLink to={paths.home({ conference, track: [talk.track.id] })}>
              {talk.track.name}
            </TextLink>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export function TalkTags({ talk, index }: { talk: CatalogTalk; index: BundleIndex }) {
  if (talk.tags.length === 0) return null;
  return (
    <ul aria-label="Tags" className="mt-4 flex flex-wrap gap-2">
      {talk.tags.map((tag) => (
        <li key={tag}>
          <ChipLink to={paths.tag(tag)}>{tagName(index, tag)}</ChipLink>
        </li>
      ))}
    </ul>
  );
}

/** The notes as the compiler rendered and sanitized them. */
/**
 * A talk's notes. Opened from a search (`highlighting`), its matches are marked and the first one
 * is scrolled into view; the marks are added after render, so the server's HTML is hydrated as is.
 */
export function TalkNotes({
  talk,
  highlighting,
}: {
  talk: Talk;
  highlighting?: Highlighting | undefined;
}) {
  const notes = useRef<HTMLDivElement>(null);
  const highlighter = highlighting?.highlighter;
  const terms = highlighting?.terms;
  useEffect(() => {
    const root = notes.current;
    if (!root || !highlighter || !terms || terms.length === 0) return;
    const marks = markMatches(root, terms, highlighter);
    // jsdom has no scrollIntoView.
    if (typeof marks[0]?.scrollIntoView === 'function')
      marks[0].scrollIntoView({ block: 'center' });
    return () => {
      // Put the notes back as rendered, so React's next render starts from its own HTML.
      for (const mark of marks) mark.replaceWith(mark.textContent ?? '');
      root.normalize();
    };
  }, [talk.html, highlighter, terms]);

  if (talk.html.trim() === '') {
    return (
      <p className="mt-8 text-slate-500 dark:text-slate-400 italic">
        No notes were taken for this talk.
      </p>
    );
  }
  // The compiler sanitized this HTML with an allow-list (src/pipeline/formats/render.ts).
  return <div ref={notes} className="notes mt-8" dangerouslySetInnerHTML={{ __html: talk.html }} />;
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="mt-10 border-t border-slate-200 dark:border-slate-800 pt-6"
    >
      <h2 id={headingId} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Every link written in the talk's notes. */
export function TalkLinks({ talk }: { talk: Talk }) {
  if (talk.links.length === 0) return null;
  return (
    <Section title="Links">
      <ul className="mt-3 space-y-1">
        {talk.links.map((link, at) => (
          <li key={`${link.url}-${at}`} className="break-words">
            <ExternalLink href={link.url}>{link.text}</ExternalLink>
            {link.text !== link.url ? (
              <span className="ml-2 text-sm text-slate-500 dark:text-slate-400">
                {hostOf(link.url)}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** Talks on related subjects, from any conference, as the compiler found them. */
export function RelatedTalks({ talk, index }: { talk: Talk; index: BundleIndex }) {
  const related = talksOf(index, talk.related);
  if (related.length === 0) return null;
  return (
    <Section title="Related talks">
      {/* Other talks' titles: a site search indexing this page (Pagefind) leaves them out. */}
      <div data-other-talks="">
        <TalkSummaryList talks={related} index={index} />
      </div>
    </Section>
  );
}

/** Previous and next talk of the same conference and day. */
export function TalkNeighbours({ talk, index }: { talk: CatalogTalk; index: BundleIndex }) {
  const { previous, next } = neighboursOf(index, talk);
  useNeighbourKeys(previous, next);
  if (!previous && !next) return null;
  const card =
    'block rounded-md border border-slate-200 dark:border-slate-800 p-3 hover:border-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-400';
  return (
    <nav aria-label="Same day" className="mt-10 grid gap-3 sm:grid-cols-2">
      {previous ? (
        <Link to={paths.talk(previous.id)} rel="prev" aria-keyshortcuts="[" className={card}>
          <span className="block text-sm text-slate-500 dark:text-slate-400">← Previous talk</span>
          <span className="font-medium">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link
          to={paths.talk(next.id)}
          rel="next"
          aria-keyshortcuts="]"
          className={`${card} sm:text-right`}
        >
          <span className="block text-sm text-slate-500 dark:text-slate-400">Next talk →</span>
          <span className="font-medium">{next.title}</span>
        </Link>
      ) : null}
    </nav>
  );
}

/** `[` and `]` open the previous and next talk of the day (listed in the shortcuts dialog). */
function useNeighbourKeys(previous: CatalogTalk | undefined, next: CatalogTalk | undefined) {
  const navigate = useNavigate();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTyping(event.target)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const to = event.key === '[' ? previous : event.key === ']' ? next : undefined;
      if (!to) return;
      event.preventDefault();
      void navigate(paths.talk(to.id));
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [navigate, previous, next]);
}
