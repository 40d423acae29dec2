import { useEffect } from 'react';
import { isTyping } from '../../components/is-typing';

/** Marks the element that `j`/`k` move between (a talk card's title link). */
export const CARD_LINK_SELECTOR = '[data-talk-card-link]';

/**
 * `j` focuses the next talk card, `k` the previous one (from the focused card, or the first and
 * last when none has focus). Enter then opens it, since the focused element is the card's link.
 */
export function useCardKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'j' && event.key !== 'k') return;
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      if (isTyping(event.target)) return;
      const links = [...document.querySelectorAll<HTMLElement>(CARD_LINK_SELECTOR)];
      if (links.length === 0) return;
      const active = document.activeElement;
      const current = links.findIndex((link) => link === active);
      const next =
        event.key === 'j'
          ? current === -1
            ? 0
            : Math.min(current + 1, links.length - 1)
          : current === -1
            ? links.length - 1
            : Math.max(current - 1, 0);
      const target = links[next];
      if (!target) return;
      event.preventDefault();
      target.focus();
      // jsdom has no scrollIntoView.
      target.scrollIntoView?.({ block: 'nearest' });
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
