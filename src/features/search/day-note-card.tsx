import { Link } from 'react-router-dom';
import type { CatalogDayNote, Conference } from '../../shared/bundle';
import { paths, toDayFilterValue } from '../../shared/paths';
import { HighlightedText, type Highlighting } from '../talks';

/** The plain text of a day note's HTML (the catalog keeps only the HTML). */
function textOf(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  return (template.content.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * A day note in search results: said to be one, linking to its day on the timeline (the
 * conference and day filters), with its text around the match.
 */
export function DayNoteCard({
  note,
  conference,
  highlighting,
}: {
  note: CatalogDayNote;
  conference: Conference | undefined;
  highlighting: Highlighting | undefined;
}) {
  const text = textOf(note.html);
  const excerpt = highlighting?.highlighter
    ? highlighting.highlighter.snippet(text, highlighting.terms)
    : text.slice(0, 240);
  const where = [conference?.name ?? note.conference, note.day.label].join(' · ');
  return (
    <article className="relative rounded-lg border border-dashed border-slate-300 bg-slate-50 p-4 transition-colors focus-within:border-indigo-500 hover:border-slate-400 dark:border-slate-600 dark:bg-slate-900 dark:hover:border-slate-500 dark:focus-within:border-indigo-400">
      <p className="text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">
        Day note
      </p>
      <h3 className="text-base leading-snug font-semibold break-words">
        <Link
          to={paths.home({
            conference: [note.conference],
            day: [toDayFilterValue(note.conference, note.day.id)],
          })}
          data-talk-card-link=""
          className="rounded-sm text-slate-900 after:absolute after:inset-0 after:rounded-lg hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-slate-50 dark:focus-visible:outline-indigo-400"
        >
          {note.heading ? (
            <HighlightedText text={note.heading} highlighting={highlighting} />
          ) : (
            `Notes of ${where}`
          )}
        </Link>
      </h3>
      {note.heading ? (
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{where}</p>
      ) : null}
      {excerpt ? (
        <p className="mt-2 line-clamp-2 text-sm break-words text-slate-600 dark:text-slate-300">
          <HighlightedText text={excerpt} highlighting={highlighting} />
        </p>
      ) : null}
    </article>
  );
}
