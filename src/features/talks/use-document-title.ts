import { useEffect } from 'react';

export const SITE_NAME = 'Lanyard';

/** "<title> · Lanyard", or "Lanyard" alone. The prerendered <title> uses the same (app/head.ts). */
export const toDocumentTitle = (title: string | undefined): string =>
  title ? `${title} · ${SITE_NAME}` : SITE_NAME;

/**
 * Sets the tab's title while the page is shown, and puts back the site's name when it goes, so a
 * page that sets none (the timeline) does not keep the previous page's title.
 */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = toDocumentTitle(title);
    return () => {
      document.title = SITE_NAME;
    };
  }, [title]);
}
