import { describe, expect, it } from 'vitest';
import {
  filterSpeakers,
  letterOf,
  pageLetters,
  speakerPages,
  speakerSections,
} from '../../src/features/speakers/speaker-index';
import type { SpeakerSummary } from '../../src/shared/bundle';
import { toSpeakerId } from '../../src/shared/ids';

const speaker = (name: string, extra: Partial<SpeakerSummary> = {}): SpeakerSummary => ({
  id: toSpeakerId(name),
  name,
  talks: [],
  ...extra,
});

describe('letterOf', () => {
  it.each([
    ['Alistair Chapman', 'A'],
    ['émile Zola', 'E'],
    ['@lvh', 'L'],
    ['山田太郎', '#'],
    ['2ndQuadrant', '#'],
  ])('%s is under %s', (name, letter) => {
    expect(letterOf(name)).toBe(letter);
  });
});

describe('speakerSections and speakerPages', () => {
  const names = ['Zoë', 'bob', 'Alice', '@carol', 'Émile', 'Ann', '山田', 'Dave'];
  const sections = speakerSections(names.map((name) => speaker(name)));

  it('sorts by name without case or accents, files @handles by their letter, others last', () => {
    expect(sections.map((s) => [s.letter, s.speakers.map((p) => p.name)])).toEqual([
      ['A', ['Alice', 'Ann']],
      ['B', ['bob']],
      ['C', ['@carol']],
      ['D', ['Dave']],
      ['E', ['Émile']],
      ['Z', ['Zoë']],
      ['#', ['山田']],
    ]);
  });

  it('puts whole letters on pages of about the size', () => {
    const pages = speakerPages(sections, 3);
    expect(pages.map(pageLetters)).toEqual(['A–B', 'C–E', 'Z–#']);
    expect(pages.map((page) => page.number)).toEqual([1, 2, 3]);
    expect(speakerPages(sections, 100).map(pageLetters)).toEqual(['A–#']);
    expect(speakerPages([], 100)).toEqual([]);
  });
});

describe('filterSpeakers', () => {
  const people = [
    speaker('Frank Stratton', { affiliation: 'Runscope' }),
    speaker('Laurens Van Houtven', { handle: 'lvh' }),
    speaker('Émile Zola'),
  ];
  it.each([
    ['stratton', ['Frank Stratton']],
    ['runscope', ['Frank Stratton']],
    ['LVH', ['Laurens Van Houtven']],
    ['emile', ['Émile Zola']],
    ['van laur', ['Laurens Van Houtven']],
    ['nobody', []],
    ['  ', ['Frank Stratton', 'Laurens Van Houtven', 'Émile Zola']],
  ])('%j finds %j', (query, expected) => {
    expect(filterSpeakers(people, query).map((p) => p.name)).toEqual(expected);
  });
});
