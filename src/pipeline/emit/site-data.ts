/**
 * The compiled notes as the site publishes them (issue 6: the first screen must not wait for every
 * talk's notes):
 * - `data/catalog.json`: every talk as a card, for every page;
 * - `data/talks/<conference>/<talk>.json`: one talk with its notes, fetched when its page opens;
 * - `data/links.json`: every talk's links, for the links page;
 * - `data/bundle.json`: all of it in one file, the public export (the app does not fetch it).
 */
import { Buffer } from 'node:buffer';
import type { Bundle } from '../../shared/bundle';
import { toCatalog, toLinksFile } from '../../shared/catalog';
import { BUNDLE_FILE, CATALOG_FILE, LINKS_FILE, talkFile } from '../../shared/data-files';

const JSON_TYPE = 'application/json; charset=utf-8';

export interface DataFile {
  /** Relative to the site's root. */
  fileName: string;
  source: string | Uint8Array;
  contentType: string;
}

/**
 * `JSON.stringify(bundle)`, byte for byte, from the talks already serialized for their own files,
 * as bytes: at 50,000 talks the text is longer than the longest string some engines hold.
 */
export function bundleBytes(bundle: Bundle, talkJson: readonly string[]): Uint8Array {
  const parts: Buffer[] = [];
  const keys = Object.keys(bundle) as Array<keyof Bundle>;
  keys.forEach((key, at) => {
    parts.push(Buffer.from(`${at === 0 ? '{' : ','}${JSON.stringify(key)}:`));
    if (key !== 'talks') {
      parts.push(Buffer.from(JSON.stringify(bundle[key])));
      return;
    }
    parts.push(Buffer.from('['));
    talkJson.forEach((json, n) => parts.push(Buffer.from(n === 0 ? json : `,${json}`)));
    parts.push(Buffer.from(']'));
  });
  parts.push(Buffer.from('}'));
  return Buffer.concat(parts);
}

export function toDataFiles(bundle: Bundle, catalog = toCatalog(bundle)): DataFile[] {
  const talkJson = bundle.talks.map((talk) => JSON.stringify(talk));
  return [
    { fileName: CATALOG_FILE, source: JSON.stringify(catalog), contentType: JSON_TYPE },
    { fileName: LINKS_FILE, source: JSON.stringify(toLinksFile(bundle)), contentType: JSON_TYPE },
    ...bundle.talks.map((talk, n) => ({
      fileName: talkFile(talk.id),
      source: talkJson[n]!,
      contentType: JSON_TYPE,
    })),
    { fileName: BUNDLE_FILE, source: bundleBytes(bundle, talkJson), contentType: JSON_TYPE },
  ];
}
