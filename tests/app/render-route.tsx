import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLayoutEffect } from 'react';
import {
  MemoryRouter,
  useLocation,
  useNavigate,
  type Location,
  type NavigateFunction,
} from 'react-router-dom';
import { AppProviders } from '../../src/app/providers';
import { AppRoutes, loadPage } from '../../src/app/router';
import { pageModules } from '../../src/app/routes';

// Every page module in before the first render, as main.tsx has the page's before it hydrates: a
// page that suspends on its module inside testing-library's unawaited act() would not come back.
await Promise.all(pageModules.map(loadPage));

/** The app's router as a test sees it: where it is (kept up to date) and a way to move it. */
interface RouterView {
  state: { location: Location };
  navigate: NavigateFunction;
}

/** A component that keeps `router` up to date from inside the router. */
function probeInto(router: RouterView) {
  return function RouterProbe() {
    const location = useLocation();
    const navigate = useNavigate();
    useLayoutEffect(() => {
      router.state.location = location;
      router.navigate = navigate;
    }, [location, navigate]);
    return null;
  };
}

/** Renders the app's real routes at `path`, with a fresh query cache and no retries. */
export function renderRoute(path: string) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  });
  const router = { state: {} } as RouterView;
  const RouterProbe = probeInto(router);
  const user = userEvent.setup();
  const view = render(
    <AppProviders queryClient={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <RouterProbe />
        <AppRoutes />
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...view, user, router, queryClient };
}
