/**
 * The search's result cards: each talk of the manifest has its display record in the file its
 * number says, with what a result row shows, so results draw before the catalog is in.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileNotes } from '../../src/pipeline/compile';
import { toSearchFiles } from '../../src/pipeline/emit/search-shards';
import { toCatalog } from '../../src/shared/catalog';
import { isDayNoteSearchId } from '../../src/shared/search/day-notes';
import { resultCardsFile, type ResultCardsFile } from '../../src/shared/search/result-cards';
import {
  CARDS_PER_FILE,
  cardFileOf,
  SEARCH_CARDS_PATTERN,
  SEARCH_MANIFEST_FILE,
  searchShardFile,
  type SearchManifest,
} from '../../src/shared/search/shards';

describe('result cards', () => {
  let manifest: SearchManifest;
  let cardFiles: ResultCardsFile[];

  beforeAll(async () => {
    const { bundle, searchIndex } = await compileNotes({
      contentDir: 'content',
      now: new Date('2026-01-01'),
    });
    const files = new Map(
      toSearchFiles(searchIndex, toCatalog(bundle)).map((file) => [file.fileName, file.source]),
    );
    manifest = JSON.parse(files.get(SEARCH_MANIFEST_FILE)!) as SearchManifest;
    cardFiles = [];
    for (let n = 0; files.has(searchShardFile(n, SEARCH_CARDS_PATTERN)); n++) {
      cardFiles.push(
        resultCardsFile.parse(JSON.parse(files.get(searchShardFile(n, SEARCH_CARDS_PATTERN))!)),
      );
    }
  });

  it('puts every talk of the manifest in the file and place its number says', () => {
    expect(cardFiles).toHaveLength(Math.ceil(manifest.talks.length / CARDS_PER_FILE));
    manifest.talks.forEach((id, n) => {
      const card = cardFiles[cardFileOf(n)]![n % CARDS_PER_FILE];
      // Day notes render from the catalog: no record.
      expect(card?.id ?? null).toBe(isDayNoteSearchId(id) ? null : id);
    });
  });

  it('holds what a result row shows: title, speakers, conference name, track, tag names', () => {
    const cards = cardFiles.flat();
    const card = cards.find(
      (c) => c?.title === 'Day 2 Operations with Containers: Myth vs. Reality',
    );
    expect(card).toMatchObject({
      conference: 'lca-2018',
      conferenceName: 'linux.conf.au 2018',
      speakers: [{ name: 'Elizabeth K. Joseph' }],
      track: { name: 'Sysadmin miniconf' },
    });
    expect(card!.tagNames).toHaveLength(card!.tags.length);
  });
});
