import { describe, expect, it } from 'vitest';
import { toSlug } from '../../src/shared/ids';

describe('toSlug', () => {
  it.each([
    // Latin titles keep the ids they always had.
    ['Puppet in the cloud', 'puppet-in-the-cloud'],
    ['Montréal: ça va?', 'montreal-ca-va'],
    ["Don't panic — Zürich", 'dont-panic-zurich'],
    ['Ｋｕｂｅｒｎｅｔｅｓ 入門', 'kubernetes-入門'],
    // Other scripts stay whole: voiced kana keep their marks, Indic vowel signs their letters.
    ['データベースの設計', 'データベースの設計'],
    ['ポケモンガイド', 'ポケモンガイド'],
    ['हिन्दी भाषा', 'हिन्दी-भाषा'],
    ['Ελληνικά για όλους', 'ελληνικα-για-ολους'],
  ])('toSlug(%s) is %s', (title, slug) => {
    expect(toSlug(title)).toBe(slug);
  });

  it('gives the same slug for a title however it is composed (NFC or NFD)', () => {
    const title = 'ガイドブック';
    expect(toSlug(title.normalize('NFD'))).toBe(toSlug(title.normalize('NFC')));
  });
});
