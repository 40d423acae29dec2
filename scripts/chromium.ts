/**
 * Debian's Chromium, as every browser test and benchmark here drives it: never a browser of
 * Playwright's own. Running as root in a container, headless Chromium needs these flags.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
