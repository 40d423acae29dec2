import { describe, expect, it } from 'vitest';
import {
  isEmptyQuery,
  MAX_QUERY_LENGTH,
  MAX_QUERY_PARTS,
  parseQuery,
  type ParsedQuery,
} from '../../src/shared/search/parse-query';

const none: ParsedQuery = { words: [], phrases: [], exclude: [], excludePhrases: [], filters: [] };
const q = (parts: Partial<ParsedQuery>): ParsedQuery => ({ ...none, ...parts });

describe('parseQuery', () => {
  it.each<[string, ParsedQuery]>([
    ['', none],
    ['   ', none],
    ['docker', q({ words: ['docker'] })],
    ['etcd  aws', q({ words: ['etcd', 'aws'] })],
    ['Docker docker', q({ words: ['Docker'] })],
    ['-docker monitoring', q({ words: ['monitoring'], exclude: ['docker'] })],
    ['"service mesh"', q({ phrases: ['service mesh'] })],
    ['“service   mesh”', q({ phrases: ['service mesh'] })],
    ['"docker"', q({ words: ['docker'] })],
    ['-"service mesh" kubernetes', q({ words: ['kubernetes'], excludePhrases: ['service mesh'] })],
    ['speaker:tweedale', q({ filters: [{ field: 'speakers', value: 'tweedale' }] })],
    ['Speaker:lvh', q({ filters: [{ field: 'speakers', value: 'lvh' }] })],
    ['tag:docker', q({ filters: [{ field: 'tags', value: 'docker' }] })],
    ['track:keynote', q({ filters: [{ field: 'track', value: 'keynote' }] })],
    ['conference:pycon', q({ filters: [{ field: 'conference', value: 'pycon' }] })],
    [
      'speaker:"fraser tweedale" session',
      q({ words: ['session'], filters: [{ field: 'speakers', value: 'fraser tweedale' }] }),
    ],
    ['-tag:docker containers', q({ words: ['containers'], exclude: ['docker'] })],
    ['https://www.sysdig.org/falco/', q({ words: ['https://www.sysdig.org/falco/'] })],
    ['日本語 Ελληνικά', q({ words: ['日本語', 'Ελληνικά'] })],
    ['a - b', q({ words: ['a', 'b'] })],
  ])('parseQuery(%j)', (input, expected) => {
    expect(parseQuery(input)).toEqual(expected);
  });

  // Everything lunr's own parser chokes on reads as plain words, with a notice.
  it.each<[string, Partial<ParsedQuery>, RegExp]>([
    ['title:', {}, /Type a word after title:/],
    ['speaker:', {}, /Type a word after speaker:/],
    ['docker*', { words: ['docker'] }, /\* have no special meaning/],
    ['kubernetes~2', { words: ['kubernetes'] }, /~ have no special meaning/],
    ['docker^10 aws', { words: ['docker', 'aws'] }, /\^ have no special meaning/],
    ['+docker +aws', { words: ['docker', 'aws'] }, /\+ have no special meaning/],
    ['*', {}, /\* have no special meaning/],
    ['foo:bar', { words: ['foo', 'bar'] }, /foo: is not a filter/],
    ['"service mesh', { words: ['service', 'mesh'] }, /quote was not closed/],
    ['speaker:"fraser', { filters: [{ field: 'speakers', value: 'fraser' }] }, /quote/],
  ])('parseQuery(%j) reads it as plain words', (input, parts, notice) => {
    const parsed = parseQuery(input);
    expect(parsed).toMatchObject(q(parts));
    expect(parsed.notice).toMatch(notice);
  });

  it.each([
    ['emoji only', '😀🎉'],
    ['control characters', '\u0000\u0007\u001b\u007f\u0085'],
    ['a lone surrogate', '\ud800'],
    ['zero-width characters', '\u200b\u200d\ufeff'],
    ['punctuation', '!@#$%&()[]{};,.?/\\|'],
  ])('treats %s as nothing to search for', (_, input) => {
    expect(isEmptyQuery(parseQuery(input))).toBe(true);
  });

  it('keeps words around control characters and emoji apart', () => {
    expect(parseQuery('docker\u0000aws😀').words).toEqual(['docker', 'aws😀']);
  });

  it('cuts a long paste and says so', () => {
    const parsed = parseQuery('docker '.repeat(800));
    // Cut mid-word: the last "docker" arrives as "dock".
    expect(parsed.words).toEqual(['docker', 'dock']);
    expect(parsed.notice).toContain(`first ${MAX_QUERY_LENGTH} characters`);
  });

  it('cuts a long paste without splitting an emoji', () => {
    const parsed = parseQuery('a'.repeat(MAX_QUERY_LENGTH - 1) + '😀'.repeat(10));
    expect(parsed.words[0]).toBe('a'.repeat(MAX_QUERY_LENGTH - 1));
  });

  it('keeps at most MAX_QUERY_PARTS words', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const parsed = parseQuery(words.join(' '));
    expect(parsed.words).toHaveLength(MAX_QUERY_PARTS);
    expect(parsed.notice).toContain(`first ${MAX_QUERY_PARTS} words`);
  });
});
