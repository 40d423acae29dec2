import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * False while rendering on the server and while hydrating, true after. What only the browser knows
 * (the stored theme, what was seen last visit) is drawn once this is true, so a prerendered page
 * hydrates as it was rendered.
 */
export const useHydrated = (): boolean =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
