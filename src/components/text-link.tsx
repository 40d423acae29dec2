import type { ComponentProps, ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { FOCUS_RING } from './focus-ring';

const FOCUS = `rounded-sm ${FOCUS_RING}`;

const LINK =
  'text-indigo-700 dark:text-indigo-300 underline decoration-indigo-700/30 dark:decoration-indigo-300/40 underline-offset-2 hover:decoration-current';

/** An in-app link that looks like one, with a visible focus ring. */
export function TextLink({
  to,
  children,
  className = '',
}: {
  to: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Link to={to} className={`${LINK} ${FOCUS} ${className}`}>
      {children}
    </Link>
  );
}

/** A link out of the site (a conference's website, a link in the notes): no referrer, no opener. */
export function ExternalLink({ className, children, ...link }: ComponentProps<'a'>) {
  return (
    <a {...link} rel="noopener noreferrer" className={className ? `${className} ${LINK}` : LINK}>
      {children}
    </a>
  );
}

/** A tag as a small rounded chip linking to its page. */
export function ChipLink({
  to,
  children,
  label,
}: {
  to: string;
  children: ReactNode;
  /** The accessible name, when the visible text needs more words (a bare count). */
  label?: string;
}) {
  return (
    <Link
      to={to}
      aria-label={label}
      className={`inline-block rounded-full bg-slate-100 dark:bg-slate-800 px-2.5 py-0.5 text-sm text-slate-700 dark:text-slate-300 hover:bg-indigo-100 hover:text-indigo-900 dark:hover:bg-indigo-900 dark:hover:text-indigo-100 ${FOCUS}`}
    >
      {children}
    </Link>
  );
}
