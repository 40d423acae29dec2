import { isRouteErrorResponse, Link, useRouteError } from 'react-router-dom';

/** The router's last line of defence: anything a route throws while rendering lands here. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <main className="mx-auto max-w-3xl px-4 py-6 text-slate-900">
      <section role="alert" className="rounded-lg border border-red-300 bg-red-50 p-6 text-red-900">
        <h1 className="text-xl font-semibold">Something went wrong</h1>
        <p className="mt-2 break-words">{message}</p>
        <Link to="/" className="mt-4 inline-block underline">
          Back to all talks
        </Link>
      </section>
    </main>
  );
}
