/** What the site publishes for the app: the catalog, one file per talk, the links, the export. */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileNotes } from '../../src/pipeline/compile';
import { isOnDemandData, limitPrecache, precacheBudget } from '../../src/build/offline-plugin';
import { toDataFiles } from '../../src/pipeline/emit/site-data';
import type { Bundle, Catalog, LinksFile } from '../../src/shared/bundle';
import { excerptOf } from '../../src/shared/catalog';

let bundle: Bundle;
let files: Map<string, string>;

beforeAll(async () => {
  bundle = (await compileNotes({ contentDir: 'content', now: new Date('2026-01-01') })).bundle;
  files = new Map(
    toDataFiles(bundle).map(({ fileName, source }) => [
      fileName,
      typeof source === 'string' ? source : new TextDecoder().decode(source),
    ]),
  );
});

const read = <T>(name: string): T => JSON.parse(files.get(name)!) as T;

describe('the published data', () => {
  it('is the catalog, the links, the export and one file per talk', () => {
    expect([...files.keys()].filter((name) => !name.startsWith('data/talks/'))).toEqual([
      'data/catalog.json',
      'data/links.json',
      'data/bundle.json',
    ]);
    expect([...files.keys()].filter((name) => name.startsWith('data/talks/'))).toEqual(
      bundle.talks.map((talk) => `data/talks/${talk.id}.json`),
    );
  });

  it('exports the bundle byte for byte as JSON.stringify would', () => {
    expect(files.get('data/bundle.json')).toBe(JSON.stringify(bundle));
  });

  it('gives every talk its own file: the talk as in the bundle', () => {
    const talk = bundle.talks.find((t) => t.title === 'Building Secure Systems')!;
    expect(read(`data/talks/${talk.id}.json`)).toEqual(talk);
  });

  it('lists talks as cards: no notes, the start of the text and how many links', () => {
    const catalog = read<Catalog>('data/catalog.json');
    expect(catalog.talks.map((talk) => talk.id)).toEqual(bundle.talks.map((talk) => talk.id));
    const card = catalog.talks.find((t) => t.title === 'Principles Of Good Monitoring')!;
    const talk = bundle.talks.find((t) => t.id === card.id)!;
    for (const key of ['html', 'text', 'links', 'related']) expect(card).not.toHaveProperty(key);
    expect(card.excerpt).toBe(excerptOf(talk.text));
    expect(card.linkCount).toBe(talk.links.length);
    expect(catalog.dayNotes.every((note) => !('text' in note) && 'html' in note)).toBe(true);
    // A few hundred bytes a talk, whatever the notes' length.
    expect(files.get('data/catalog.json')!.length).toBeLessThan(
      files.get('data/bundle.json')!.length / 2,
    );
  });

  it('lists the links of the talks that have some, in order', () => {
    const links = read<LinksFile>('data/links.json');
    const linked = bundle.talks.filter((talk) => talk.links.length > 0);
    expect(links.talks).toEqual(linked.map((talk) => ({ id: talk.id, links: talk.links })));
  });
});

describe('excerptOf', () => {
  it.each([
    ['short', 'short'],
    ['  two\n\nlines  ', 'two · lines'],
    ['a cure for malaria\nComing up with a name', 'a cure for malaria · Coming up with a name'],
    ['https://github.com/lirantal/dockly\nA tool for docker', 'A tool for docker'],
    ['https://a.example/x https://b.example/y · then words', 'then words'],
    ['see https://a.example/x first', 'see https://a.example/x first'],
    ['  spaced   out\ttabs ', 'spaced out tabs'],
    [`${'word '.repeat(60)}`, `${'word '.repeat(31).trim()}…`],
  ])('%j → %j', (text, expected) => {
    expect(excerptOf(text)).toBe(expected);
    expect(excerptOf(text).length).toBeLessThanOrEqual(160);
  });
});

describe('the offline precache', () => {
  const entry = (url: string, size: number) => ({ url, size, revision: 'r' });
  const entries = [
    entry('assets/index-abc.js', 100),
    entry('app.html', 10),
    entry('data/catalog.json', 50),
    entry('data/search/manifest.json', 50),
    entry('data/search/0.json', 400),
    entry('data/talks/lca-2018/keynote.json', 300),
    entry('data/links.json', 200),
  ];

  it('keeps everything while the talks, shards and links fit the budget', () => {
    expect(limitPrecache(entries, 900)).toEqual({ manifest: entries, warnings: [] });
  });

  it('past the budget, precaches the app, catalog and search manifest only, and says so', () => {
    const { manifest, warnings } = limitPrecache(entries, 899);
    expect(manifest.map((e) => e.url)).toEqual([
      'assets/index-abc.js',
      'app.html',
      'data/catalog.json',
      'data/search/manifest.json',
    ]);
    expect(warnings).toEqual([
      expect.stringContaining('3 talk, search and link files (0.0 MB) are over'),
    ]);
  });

  it('fetches on demand what it left out, under any base path', () => {
    expect(isOnDemandData('/notes/data/talks/a/b.json')).toBe(true);
    expect(isOnDemandData('/data/search/12.json')).toBe(true);
    expect(isOnDemandData('/data/search/manifest.json')).toBe(false);
    expect(isOnDemandData('/data/catalog.json')).toBe(false);
    expect(isOnDemandData('/data/bundle.json')).toBe(false);
  });
});

describe('OFFLINE_PRECACHE_MB', () => {
  it('is a number of megabytes, 24 when unset, and refuses anything else', () => {
    expect(precacheBudget(undefined)).toBe(24 * 1024 * 1024);
    expect(precacheBudget('')).toBe(24 * 1024 * 1024);
    expect(precacheBudget('0')).toBe(0);
    expect(precacheBudget('1.5')).toBe(1.5 * 1024 * 1024);
    expect(() => precacheBudget('lots')).toThrow(
      'OFFLINE_PRECACHE_MB must be a number of megabytes, 0 or more; got "lots"',
    );
    expect(() => precacheBudget('-1')).toThrow(/0 or more/);
  });
});
