import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';

/** What a page that failed to render shows, in the layout. */
function RouteError({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : 'Unknown error';
  return (
    <section role="alert" className="rounded-lg border border-red-300 bg-red-50 p-6 text-red-900">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2 break-words">{message}</p>
      <Link to="/" className="mt-4 inline-block underline">
        Back to all talks
      </Link>
    </section>
  );
}

interface BoundaryState {
  error: unknown;
  /** The address the error happened at: another one starts afresh. */
  at: string;
}

class PageErrorBoundary extends Component<{ children: ReactNode; at: string }, BoundaryState> {
  override state: BoundaryState = { error: undefined, at: this.props.at };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error };
  }

  static getDerivedStateFromProps(props: { at: string }, state: BoundaryState) {
    return props.at === state.at ? null : { error: undefined, at: props.at };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    return this.state.error === undefined ? (
      this.props.children
    ) : (
      <RouteError error={this.state.error} />
    );
  }
}

/**
 * The last line of defence: anything a page throws while rendering shows here, inside the layout,
 * and the next address the reader opens starts afresh.
 */
export function PageBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <PageErrorBoundary at={pathname}>{children}</PageErrorBoundary>;
}
