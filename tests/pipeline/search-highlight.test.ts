import { describe, expect, it } from 'vitest';
import {
  containsPhrase,
  highlight,
  snippet,
  type HighlightSegment,
} from '../../src/shared/search/highlight';

/** Segments written compactly: marked text in [brackets]. */
const show = (segments: HighlightSegment[]) =>
  segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');

describe('highlight', () => {
  it.each([
    ['Docker orchestration', ['docker'], '[Docker] orchestration'],
    ['Kubernetes clusters on AWS', ['kubernet'], '[Kubernetes] clusters on AWS'],
    ['Kubernetes clusters on AWS', ['kube', 'aw'], '[Kubernetes] clusters on [AWS]'],
    ['Principles Of Good Monitoring', ['monitor'], 'Principles Of Good [Monitoring]'],
    ['It is easy', ['easi'], 'It is [easy]'],
    ['La Différence', ['difference'], 'La [Différence]'],
    ['Jan Goksøyr', ['goksoyr'], 'Jan [Goksøyr]'],
    ['Straße', ['strass'], '[Straße]'],
    ['Żółć i łódź', ['zolc', 'lodz'], '[Żółć] i [łódź]'],
    ['Ελληνική γλώσσα', ['ελληνικη'], '[Ελληνική] γλώσσα'],
    ['日本語の自然言語処理', ['日本', '本語'], '[日本語]の自然言語処理'],
    ['東京タワー', ['タワ'], '東京[タワ]ー'],
    [
      'A service mesh is a dedicated layer',
      ['service mesh'],
      'A [service mesh] is a dedicated layer',
    ],
    ['Service-Mesh rocks', ['service mesh'], '[Service-Mesh] rocks'],
    ['see https://www.sysdig.org/falco/', ['falco'], 'see https://www.sysdig.org/[falco]/'],
    ['predocker docker', ['docker'], 'predocker [docker]'],
    ['😀 docker 😀', ['docker'], '😀 [docker] 😀'],
    ['nothing here', ['docker'], 'nothing here'],
    ['nothing here', [], 'nothing here'],
    ['', ['docker'], ''],
    ['odd terms', ['', '***', '"'], 'odd terms'],
  ])('highlight(%j, %j)', (text, terms, expected) => {
    const segments = highlight(text, terms);
    expect(show(segments)).toBe(expected);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('merges overlapping matches into one mark', () => {
    expect(highlight('service mesh', ['servic', 'service mesh'])).toEqual([
      { text: 'service mesh', mark: true },
    ]);
  });
});

describe('containsPhrase', () => {
  it.each([
    ['A service mesh is', 'service mesh', true],
    ['A Service-Mesh is', 'service mesh', true],
    ['mesh service', 'service mesh', false],
    ['La différence entre', 'la difference', true],
    ['日本語の勉強', '日本語', true],
    ['anything', '', true],
  ])('containsPhrase(%j, %j) = %s', (text, phrase, expected) => {
    expect(containsPhrase(text, phrase)).toBe(expected);
  });
});

describe('snippet', () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
  const text = `${filler(60)} the service mesh is here ${filler(60)} docker at the end`;

  it('is the whole text when short', () => {
    expect(snippet('Short  note\nhere', ['note'], 80)).toBe('Short note here');
  });

  it('starts at the beginning when nothing matches', () => {
    const cut = snippet(text, ['zzz'], 60);
    expect(cut.startsWith('word0 ')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(61);
  });

  it.each([
    [['mesh'], 'service mesh'],
    [['docker'], 'docker at the end'],
    [['différence'], 'word0'],
  ])('centres on the best match of %j', (terms, expected) => {
    const cut = snippet(text, terms, 60);
    expect(cut).toContain(expected);
    expect(cut.length).toBeLessThanOrEqual(62);
  });

  it('prefers the window holding the most different terms', () => {
    const many = `docker ${filler(40)} docker kubernetes together ${filler(40)}`;
    expect(snippet(many, ['docker', 'kubernet'], 50)).toContain('docker kubernetes together');
  });

  it('matches accent-insensitively', () => {
    const french = `${filler(30)} La Différence ${filler(30)}`;
    expect(snippet(french, ['difference'], 40)).toContain('Différence');
  });
});
