import { useCatalogIfLoaded } from '../features/talks/api';
import { BUNDLE_FILE, FEEDS } from '../shared/data-files';
import { FOCUS_RING } from '../components/focus-ring';

const BUILT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

const LINK = `rounded-sm underline decoration-slate-400/50 underline-offset-2 hover:text-slate-900 dark:hover:text-white ${FOCUS_RING}`;

/** Every page's footer: the feeds, the whole data bundle, and when the notes were built. */
export function SiteFooter() {
  const generatedAt = useCatalogIfLoaded()?.generatedAt;
  const built = generatedAt ? new Date(generatedAt) : undefined;
  const base = import.meta.env.BASE_URL;
  return (
    <footer className="mt-12 border-t border-slate-200 print:hidden dark:border-slate-800">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-4 text-sm text-slate-600 dark:text-slate-400">
        {FEEDS.map((feed) => (
          <a key={feed.file} href={`${base}${feed.file}`} type={feed.type} className={LINK}>
            {feed.label}
          </a>
        ))}
        <a href={`${base}${BUNDLE_FILE}`} type="application/json" className={LINK}>
          All notes as JSON
        </a>
        {built && !Number.isNaN(built.getTime()) ? (
          <span className="sm:ml-auto">
            Built <time dateTime={generatedAt}>{BUILT.format(built)}</time>
          </span>
        ) : null}
      </div>
    </footer>
  );
}
