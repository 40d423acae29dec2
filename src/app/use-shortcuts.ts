import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { isTyping } from '../components/is-typing';
import { focusSearchInput } from '../features/search/search-keys';
import { paths } from '../shared/paths';
import { openShortcuts } from './shortcuts-dialog';

/** Two-key sequences, Gmail style: `g` then the letter within this time. */
const SEQUENCE_MS = 1000;
const GO_TO: Record<string, string> = { t: paths.tags(), h: paths.home() };

/**
 * Keys that work on every page: `/` or Ctrl/Cmd+K focus the search box, `g t` goes to the tags,
 * `g h` to the timeline, `?` lists them all (shortcuts-dialog.tsx: a new key goes there too).
 * (`j`/`k` on the timeline live with the timeline, `[`/`]` with a talk's neighbours.)
 */
export function useShortcuts(): void {
  const navigate = useNavigate();
  useEffect(() => {
    let gPressedAt = -Infinity;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const key = event.key.toLowerCase();
      if (key === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        focusSearchInput(true);
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === '?') {
        event.preventDefault();
        openShortcuts();
        return;
      }
      if (event.key === '/') {
        event.preventDefault();
        focusSearchInput(true);
        return;
      }
      const target = GO_TO[key];
      if (target && event.timeStamp - gPressedAt < SEQUENCE_MS) {
        gPressedAt = -Infinity;
        event.preventDefault();
        void navigate(target);
        return;
      }
      gPressedAt = key === 'g' && !event.shiftKey ? event.timeStamp : -Infinity;
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
