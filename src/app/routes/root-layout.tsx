import { Suspense } from 'react';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { LoadingState } from '../../components/loading-state';
import { ThemeToggle } from '../../components/theme-toggle';
import { SearchBox } from '../../features/search/search-box';
import { useWarmSearch } from '../../features/search/use-search';
import { useHotNotes } from '../use-hot-notes';
import { paths } from '../../shared/paths';
import { UpdatedNotice } from '../updated-notice';
import { useShortcuts } from '../use-shortcuts';
import { FOCUS_RING } from '../../components/focus-ring';
import { ShortcutsButton, ShortcutsDialog } from '../shortcuts-dialog';
import { SiteFooter } from '../site-footer';
import { PageBoundary } from './route-error';

const NAV: Array<{ to: string; label: string; end?: boolean }> = [
  { to: paths.home(), label: 'Timeline', end: true },
  { to: paths.tags(), label: 'Tags' },
  { to: paths.conferences(), label: 'Conferences' },
  { to: paths.speakers(), label: 'Speakers' },
  { to: paths.links(), label: 'Links' },
  { to: paths.starred(), label: 'Starred' },
];

export function RootLayout() {
  useHotNotes();
  useShortcuts();
  useWarmSearch();
  return (
    <div className="min-h-screen bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a
        href="#main"
        className="sr-only rounded-md bg-indigo-600 px-3 py-2 text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur-sm print:hidden dark:border-slate-800 dark:bg-slate-950/95">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:gap-x-6 sm:py-3">
          <Link
            to={paths.home()}
            className={`rounded-sm text-xl font-bold tracking-tight hover:underline sm:text-2xl ${FOCUS_RING}`}
          >
            Lanyard
          </Link>
          <nav aria-label="Main" className="order-last w-full sm:order-none sm:w-auto">
            {/* A phone shows every entry in one row of smaller type, rather than a row that
                scrolls sideways with "Starred" out of sight, or rows that take the first screen. */}
            <ul className="flex justify-between whitespace-nowrap sm:justify-start sm:gap-1">
              {NAV.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    end={item.end ?? false}
                    className={({ isActive }) =>
                      `block rounded-md px-1 py-1 text-xs font-medium sm:px-2.5 sm:text-sm ${FOCUS_RING} ${
                        isActive
                          ? 'bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-white'
                          : 'text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white'
                      }`
                    }
                  >
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="min-w-0 flex-1 sm:ml-auto sm:w-72 sm:flex-none">
            <SearchBox />
          </div>
          <div className="flex items-center gap-2">
            <ShortcutsButton />
            <ThemeToggle />
          </div>
        </div>
      </header>
      <UpdatedNotice />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-4 outline-none sm:py-6">
        <PageBoundary>
          {/* Shown only when a page's module is still loading and no page was on screen before. */}
          <Suspense fallback={<LoadingState label="Loading…" />}>
            <Outlet />
          </Suspense>
        </PageBoundary>
      </main>
      <SiteFooter />
      <ShortcutsDialog />
    </div>
  );
}
