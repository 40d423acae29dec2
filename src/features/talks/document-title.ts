export const SITE_NAME = 'Lanyard';

/** "<title> · Lanyard", or "Lanyard" alone: every page's title (route modules' `head`). */
export const toDocumentTitle = (title: string | undefined): string =>
  title ? `${title} · ${SITE_NAME}` : SITE_NAME;
