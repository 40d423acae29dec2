import { Link } from 'react-router-dom';
import type { TagSummary } from '../../shared/bundle';
import { paths } from '../../shared/paths';
import { tagSizeStep } from './tag-stats';

/** Tailwind classes for each size step, smallest first (classes spelt out for Tailwind's scanner). */
const SIZES = ['text-sm', 'text-base', 'text-lg', 'text-xl', 'text-2xl', 'text-3xl'] as const;
const SHADES = [
  'text-slate-600 dark:text-slate-400',
  'text-slate-700 dark:text-slate-300',
  'text-indigo-700 dark:text-indigo-300',
  'text-indigo-700 dark:text-indigo-300',
  'text-indigo-800 dark:text-indigo-200',
  'text-indigo-900 dark:text-indigo-100',
] as const;

/** Tags sized by how many talks carry them (log scale), each a link to its page. */
export function TagCloud({ tags, label }: { tags: readonly TagSummary[]; label: string }) {
  const counts = tags.map((tag) => tag.count);
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  return (
    <ul aria-label={label} className="flex flex-wrap items-baseline gap-x-4 gap-y-2">
      {tags.map((tag) => {
        const step = tagSizeStep(tag.count, min, max);
        return (
          <li key={tag.id}>
            <Link
              to={paths.tag(tag.id)}
              data-size={step}
              aria-label={`${tag.name}, ${tag.count} ${tag.count === 1 ? 'talk' : 'talks'}`}
              className={`${SIZES[step]} ${SHADES[step]} ${step >= 3 ? 'font-semibold' : ''} rounded-sm hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-400`}
            >
              {tag.name}
              <span className="ml-1 align-super text-xs font-normal text-slate-500 dark:text-slate-400">
                {tag.count}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
