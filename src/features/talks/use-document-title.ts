import { useEffect } from 'react';

export const SITE_NAME = 'Lanyard';

/** Sets the tab's title to "<title> · Lanyard" (or "Lanyard" alone) while the page is shown. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${SITE_NAME}` : SITE_NAME;
  }, [title]);
}
