import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { RootLayout } from './routes/root-layout';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { RouteErrorBoundary } from './routes/route-error';
import { SearchRoute } from './routes/search';
import { ConferenceRoute } from './routes/conference';
import { LinksRoute } from './routes/links';
import { SpeakerRoute } from './routes/speaker';
import { SpeakersRoute } from './routes/speakers';
import { TagRoute } from './routes/tag';
import { TagsRoute } from './routes/tags';
import { TalkRoute } from './routes/talk';

/** Every page of the app. Tests render these same objects through a memory router. */
/** A talk's route; main.tsx matches it too, to fetch the talk before hydrating its page. */
export const TALK_PATH = 'talks/:conference/:talk';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <RootLayout />,
    errorElement: <RouteErrorBoundary />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: TALK_PATH, element: <TalkRoute /> },
      { path: 'tags', element: <TagsRoute /> },
      { path: 'tags/:tag', element: <TagRoute /> },
      { path: 'speakers', element: <SpeakersRoute /> },
      { path: 'speakers/:id', element: <SpeakerRoute /> },
      { path: 'conferences/:id', element: <ConferenceRoute /> },
      { path: 'links', element: <LinksRoute /> },
      { path: 'search', element: <SearchRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes, { basename: import.meta.env.BASE_URL });
}
