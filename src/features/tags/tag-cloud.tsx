import { Link } from 'react-router-dom';
import type { TagSummary } from '../../shared/bundle';
import { paths } from '../../shared/paths';
import { tagSizeStep } from './tag-stats';
import { noun } from '../../shared/plural';

/** Tailwind classes for each size step, smallest first (classes spelt out for Tailwind's scanner). */
const SIZES = ['text-sm', 'text-base', 'text-lg', 'text-xl', 'text-2xl', 'text-3xl'] as const;
/** The same six steps on a smaller scale, for the cloud beside the timeline. */
const COMPACT_SIZES = ['text-xs', 'text-sm', 'text-sm', 'text-base', 'text-lg', 'text-xl'] as const;
const SHADES = [
  'text-slate-600 dark:text-slate-400',
  'text-slate-700 dark:text-slate-300',
  'text-indigo-700 dark:text-indigo-300',
  'text-indigo-700 dark:text-indigo-300',
  'text-indigo-800 dark:text-indigo-200',
  'text-indigo-900 dark:text-indigo-100',
] as const;

/**
 * Tags sized by how many talks carry them (log scale), each a link: to the tag's page, or where
 * `hrefOf` says (the timeline's cloud links to the timeline filtered by the tag).
 */
export function TagCloud({
  tags,
  label,
  hrefOf = (tag) => paths.tag(tag.id),
  action,
  compact = false,
}: {
  tags: readonly TagSummary[];
  label: string;
  hrefOf?: (tag: TagSummary) => string;
  /** What a link does, when not opening the tag's page: "Docker, 2 talks, add to filters". */
  action?: string;
  /** Smaller sizes and gaps, for a side column. */
  compact?: boolean;
}) {
  const counts = tags.map((tag) => tag.count);
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  const sizes = compact ? COMPACT_SIZES : SIZES;
  return (
    <ul
      aria-label={label}
      className={`flex flex-wrap items-baseline ${compact ? 'gap-x-3 gap-y-1' : 'gap-x-4 gap-y-2'}`}
    >
      {tags.map((tag) => {
        const step = tagSizeStep(tag.count, min, max);
        return (
          <li key={tag.id}>
            {/* The name reads "Docker, 2 talks": the visible "Docker 2" is part of it (WCAG 2.5.3). */}
            <Link
              to={hrefOf(tag)}
              data-size={step}
              className={`${sizes[step]} ${SHADES[step]} ${step >= 3 ? 'font-semibold' : ''} rounded-sm hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-400`}
            >
              {tag.name}
              <span className="sr-only">,</span>{' '}
              <span className="align-super text-xs font-normal text-slate-500 dark:text-slate-400">
                {tag.count}
              </span>{' '}
              <span className="sr-only">
                {noun(tag.count, 'talk')}
                {action ? `, ${action}` : ''}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
