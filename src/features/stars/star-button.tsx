import type { TalkId } from '../../shared/ids';
import { FOCUS_RING } from '../../components/focus-ring';
import { toggleStar, useStars } from './stars-store';

function StarIcon({ filled }: { filled: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" focusable="false">
      <path
        d="M10 1.8l2.47 5.3 5.8.68-4.29 3.96 1.14 5.73L10 14.6l-5.12 2.87 1.14-5.73L1.73 7.78l5.8-.68z"
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * Stars or unstars a talk: a toggle button (`aria-pressed`), so Enter and Space work and a screen
 * reader says whether it is starred. Its name stays the same either way, as toggles' names should.
 * `labelled` shows the word beside the star (the talk's page); a card shows the star alone.
 */
export function StarButton({
  id,
  title,
  labelled = false,
}: {
  id: TalkId;
  title: string;
  labelled?: boolean;
}) {
  const starred = useStars().includes(id);
  const colour = starred
    ? 'text-amber-600 dark:text-amber-400'
    : 'text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-100';
  return (
    <button
      type="button"
      aria-pressed={starred}
      aria-label={labelled ? undefined : `Star ${title}`}
      title={starred ? 'Starred: click to unstar' : 'Star this talk'}
      onClick={() => toggleStar(id)}
      className={
        labelled
          ? `inline-flex items-center gap-1.5 rounded-md border px-3 py-1 text-sm font-medium ${
              starred
                ? 'border-amber-400 bg-amber-50 dark:border-amber-600 dark:bg-amber-950'
                : 'border-slate-300 bg-white hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800'
            } ${colour} ${FOCUS_RING}`
          : `relative z-10 -m-1.5 shrink-0 rounded-md p-1.5 ${colour} ${FOCUS_RING}`
      }
    >
      <StarIcon filled={starred} />
      {labelled ? <span className="text-slate-800 dark:text-slate-100">Star</span> : null}
    </button>
  );
}
