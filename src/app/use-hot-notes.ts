import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { NOTES_PLUGIN_NAME, NOTES_UPDATED_EVENT, type NotesUpdated } from '../shared/data-files';
import { resetSearchEngine } from '../features/search/use-search';
import { isNotesQuery } from '../features/talks/api';

/**
 * Closes Vite's error overlay when it shows the notes' errors (and only then: an overlay for a
 * code error stays). Without this, Vite's client would clear it by reloading the page.
 */
function closeNotesErrorOverlay(): void {
  for (const overlay of document.querySelectorAll<HTMLElement & { close?: () => void }>(
    'vite-error-overlay',
  )) {
    const plugin = overlay.shadowRoot?.querySelector('.plugin')?.textContent ?? '';
    if (plugin.includes(`[plugin:${NOTES_PLUGIN_NAME}]`)) overlay.close?.();
  }
}

/**
 * In `npm run dev`, refetches the notes when a note changes, so the open page updates without a
 * reload. In a production build `import.meta.hot` is undefined and this does nothing.
 */
export function useHotNotes(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const hot = import.meta.hot;
    if (!hot) return;
    const refresh = (data: NotesUpdated) => {
      if (data.recovered) closeNotesErrorOverlay();
      void queryClient.invalidateQueries({ predicate: isNotesQuery });
      resetSearchEngine(queryClient);
    };
    hot.on(NOTES_UPDATED_EVENT, refresh);
    // Optional call: Vitest's stand-in for import.meta.hot has no off().
    return () => hot.off?.(NOTES_UPDATED_EVENT, refresh);
  }, [queryClient]);
}
