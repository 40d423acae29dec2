import { memo } from 'react';
import { Link } from 'react-router-dom';
import type { CatalogTalk, Conference, Speaker } from '../../shared/bundle';
import type { TagId } from '../../shared/ids';
import { paths } from '../../shared/paths';
import { formatShortDate } from './format';
import { HighlightedText, type Highlighting } from './highlighted-text';
import { noun } from '../../shared/plural';
import { StarButton } from '../stars';

const MAX_TAGS = 5;

/** "Catherine Bracy (Code for America)", "Laurens Van Houtven @lvh", "@lvh". */
export function describeSpeaker(speaker: Speaker): string {
  if (speaker.affiliation) return `${speaker.name} (${speaker.affiliation})`;
  if (speaker.handle && !speaker.name.startsWith('@')) return `${speaker.name} @${speaker.handle}`;
  return speaker.name;
}

/** What a card shows of a talk: a catalog talk, or a search result's display record. */
export type CardTalk = Pick<
  CatalogTalk,
  'id' | 'title' | 'speakers' | 'conference' | 'day' | 'track' | 'tags' | 'excerpt' | 'linkCount'
>;

/** A talk on the timeline. The title link covers the card, so a click anywhere opens the talk. */
export const TalkCard = memo(function TalkCard({
  talk,
  conference,
  tagNames,
  highlighting,
  text,
  showPlace = true,
}: {
  talk: CardTalk;
  /** The talk's conference, for its name; the id is shown without it. */
  conference?: Pick<Conference, 'name'> | undefined;
  /** Display names of tags ("Kubernetes"); ids are shown without them. */
  tagNames?: ReadonlyMap<TagId, string>;
  /** A search's matches: marked in the title and in an excerpt around the best one. */
  highlighting?: Highlighting | undefined;
  /** The notes' text, when loaded: a search's excerpt is then cut around the best match. */
  text?: string | undefined;
  /** Conference, day and track; off where headings above the card already say them. */
  showPlace?: boolean;
}) {
  const speakers = talk.speakers.map(describeSpeaker).join(', ');
  const excerpt = highlighting?.highlighter
    ? highlighting.highlighter.snippet(text ?? talk.excerpt, highlighting.terms)
    : talk.excerpt;
  const linkCount = talk.linkCount;
  const tags = [...new Set(talk.tags)].slice(0, MAX_TAGS);
  return (
    <article className="relative flex h-full flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-xs transition-colors focus-within:border-indigo-500 hover:border-slate-400 print:rounded-none print:border-0 print:border-b print:px-0 print:py-1 dark:border-slate-700 dark:bg-slate-900 dark:shadow-none dark:hover:border-slate-500 dark:focus-within:border-indigo-400">
      <div className="flex items-start gap-2">
        <h3 className="line-clamp-2 flex-1 text-base leading-snug font-semibold break-words">
          <Link
            to={paths.talk(talk.id, highlighting?.terms)}
            data-talk-card-link=""
            className="rounded-sm text-slate-900 after:absolute after:inset-0 after:rounded-lg hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-slate-50 dark:focus-visible:outline-indigo-400"
          >
            <HighlightedText text={talk.title} highlighting={highlighting} />
          </Link>
        </h3>
        <StarButton id={talk.id} title={talk.title} />
      </div>
      {speakers ? (
        <p className="mt-0.5 truncate text-sm text-slate-700 dark:text-slate-300">{speakers}</p>
      ) : null}
      {/* Under a group heading the place repeats it on screen; a printed list still needs it. */}
      <p
        className={`mt-1 truncate text-xs text-slate-500 dark:text-slate-400 ${showPlace ? '' : 'hidden print:block'}`}
      >
        {[
          conference?.name ?? talk.conference,
          talk.day.label,
          talk.day.date && talk.day.date !== talk.day.label ? formatShortDate(talk.day.date) : null,
          talk.track?.name,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {excerpt ? (
        <p className="mt-2 line-clamp-2 min-h-10 text-sm break-words text-slate-600 print:hidden dark:text-slate-300">
          <HighlightedText text={excerpt} highlighting={highlighting} />
        </p>
      ) : (
        <p className="mt-2 mb-auto self-start rounded-sm bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-800 print:hidden dark:bg-amber-950 dark:text-amber-200">
          No notes taken
        </p>
      )}
      {tags.length > 0 || linkCount > 0 ? (
        <div className="mt-auto flex flex-wrap items-center gap-1.5 pt-2 text-xs print:hidden">
          {tags.length > 0 ? (
            <ul aria-label="Tags" className="flex flex-wrap gap-x-1.5 gap-y-2">
              {tags.map((tag) => (
                <li key={tag}>
                  <Link
                    to={paths.tag(tag)}
                    className="relative z-10 inline-block rounded-full bg-slate-100 px-2 py-0.5 text-slate-700 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700 dark:focus-visible:outline-indigo-400"
                  >
                    {tagNames?.get(tag) ?? tag}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          {linkCount > 0 ? (
            <span className="text-slate-500 dark:text-slate-400">
              {linkCount} {noun(linkCount, 'link')}
            </span>
          ) : null}
        </div>
      ) : null}
    </article>
  );
});
