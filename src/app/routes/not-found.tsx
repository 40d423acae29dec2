import { useId, type FormEvent } from 'react';
import { Link, useHref, useLocation, useNavigate } from 'react-router-dom';
import { TextLink } from '../../components/text-link';
import { paths } from '../../shared/paths';
import { NOT_FOUND_HEAD, type PageRoute } from '../page-route';

/** Words from the missing URL's last part ("/talks/x/puppet-in-the-clod" → "puppet in the clod"). */
export function guessQuery(pathname: string): string {
  const last = pathname.split('/').filter(Boolean).at(-1) ?? '';
  let text = last;
  try {
    text = decodeURIComponent(last);
  } catch {
    // A malformed escape: keep the raw text.
  }
  return text
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/[-_+.]+/g, ' ')
    .trim();
}

/**
 * Any URL no page answers to, and any id (talk, tag, speaker) the notes do not have. Prerendered
 * as 404.html: what a static host shows at an unknown address.
 */
export const notFoundRoute: PageRoute = {
  path: '*',
  Component: NotFoundRoute,
  head: () => NOT_FOUND_HEAD,
  staticPaths: () => ['/404.html'],
  inSitemap: false,
};

export function NotFoundRoute() {
  const { pathname } = useLocation();
  const inputId = useId();
  const navigate = useNavigate();
  // A plain GET form: without JavaScript the browser opens /search?q= itself.
  const action = useHref(paths.search());
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = new FormData(event.currentTarget).get('q');
    void navigate(paths.search(typeof query === 'string' ? query : ''));
  };
  return (
    <section className="mx-auto max-w-xl py-8">
      <p className="text-sm font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        404
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-300">
        Nothing lives at <code className="break-all">{pathname}</code>. The notes may have moved, or
        the address was mistyped.
      </p>
      <form
        method="get"
        action={action}
        onSubmit={onSubmit}
        role="search"
        aria-label="What was here"
        className="mt-6"
      >
        <label htmlFor={inputId} className="block text-sm font-medium">
          Search the notes
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id={inputId}
            type="search"
            name="q"
            defaultValue={guessQuery(pathname)}
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
          />
          <button
            type="submit"
            className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            Search
          </button>
        </div>
      </form>
      <p className="mt-6">
        <Link
          to={paths.home()}
          className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
        >
          Back to all talks
        </Link>
      </p>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Or browse by <TextLink to={paths.tags()}>tag</TextLink>,{' '}
        <TextLink to={paths.speakers()}>speaker</TextLink> or{' '}
        <TextLink to={paths.links()}>link</TextLink>.
      </p>
    </section>
  );
}
