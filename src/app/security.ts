/**
 * Allows no inline script and nothing from another origin. Styles are all in the built CSS file
 * (React sets none as attributes, Vite injects none in a build), so no 'unsafe-inline' anywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export const REFERRER_POLICY = 'strict-origin-when-cross-origin';
