/**
 * Text made safe inside markup: the one escaping helper, for the prerendered HTML and for the
 * feeds and sitemap (XML). It escapes all five special characters, so its output is safe in an
 * element and in a double- or single-quoted attribute, in HTML and in XML alike.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export const escapeMarkup = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
