import { describe, expect, it } from 'vitest';
import { parseStars } from '../../src/features/stars/stars-store';
import { paths, readSharedIds } from '../../src/shared/paths';

describe('a shared list in a URL', () => {
  const ids = ['lca-2018/puppet-in-the-cloud', 'jsconf-2024/日本語のタイトル', 'x/a+b&c'];

  it('reads back the ids it was made from, in order', () => {
    const url = new URL(paths.shared(ids, { tag: ['docker'] }), 'https://notes.example');
    expect(url.pathname).toBe('/starred');
    expect(readSharedIds(url.searchParams)).toEqual(ids);
    expect(url.searchParams.getAll('tag')).toEqual(['docker']);
  });

  it('keeps slashes and commas readable', () => {
    expect(paths.shared(ids.slice(0, 1))).toBe('/starred?shared=lca-2018/puppet-in-the-cloud');
  });

  it.each([
    ['', []],
    ['a/b,,a/b, c/d ', ['a/b', 'c/d']],
  ])('readSharedIds(%j)', (value, expected) =>
    expect(readSharedIds(new URLSearchParams({ shared: value }))).toEqual(expected),
  );
});

describe('stored stars', () => {
  it.each([
    [null, []],
    ['not json', []],
    ['{"a":1}', []],
    ['["a/b", 3, "", "a/b", "c/d"]', ['a/b', 'c/d']],
  ])('parseStars(%j)', (raw, expected) => expect(parseStars(raw)).toEqual(expected));
});
