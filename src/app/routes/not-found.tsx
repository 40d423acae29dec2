import { Link, useLocation } from 'react-router-dom';

export function NotFoundRoute() {
  const { pathname } = useLocation();
  return (
    <section>
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600">
        Nothing lives at <code className="break-all">{pathname}</code>.
      </p>
      <Link to="/" className="mt-4 inline-block underline">
        Back to all talks
      </Link>
    </section>
  );
}
