/** Everything the build publishes beside the app besides the bundle and index: one list, for build and dev. */
import type { Bundle } from '../../shared/bundle';
import { ATOM_FEED_FILE, BUNDLE_SCHEMA_FILE, JSON_FEED_FILE } from '../../shared/data-files';
import { defaultFeedOptions, toAtomFeed, toJsonFeed, type FeedOptions } from './feeds';
import { toBundleJsonSchema } from './json-schema';
import { toRobotsTxt } from './sitemap';

export interface PublishedFile {
  /** Relative to the site's root. */
  fileName: string;
  source: string;
  /** What the dev server sends; static hosts pick theirs from the extension. */
  contentType: string;
}

/** The JSON Schema, both feeds and robots.txt (the prerenderer writes the sitemap beside them). */
export function toOpenDataFiles(
  bundle: Bundle,
  siteRoot: URL | undefined,
  feed: Partial<Omit<FeedOptions, 'siteRoot'>> = {},
): PublishedFile[] {
  const feedOptions = { ...defaultFeedOptions, ...feed, siteRoot };
  return [
    {
      fileName: BUNDLE_SCHEMA_FILE,
      source: `${JSON.stringify(toBundleJsonSchema(siteRoot), null, 2)}\n`,
      contentType: 'application/schema+json; charset=utf-8',
    },
    {
      fileName: ATOM_FEED_FILE,
      source: toAtomFeed(bundle, feedOptions),
      contentType: 'application/atom+xml; charset=utf-8',
    },
    {
      fileName: JSON_FEED_FILE,
      source: `${JSON.stringify(toJsonFeed(bundle, feedOptions), null, 2)}\n`,
      contentType: 'application/feed+json; charset=utf-8',
    },
    { ...toRobotsTxt(siteRoot), contentType: 'text/plain; charset=utf-8' },
  ];
}
