import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { indexDocuments } from '../../src/pipeline/enrich/search-index';
import { loadSearchIndex, SearchIndexMismatchError } from '../../src/shared/search/index-file';
import {
  fold,
  foldWithMap,
  PIPELINE_VERSION,
  toBigrams,
  toIndexTerms,
  tokenize,
  trimToken,
} from '../../src/shared/search/pipeline';

describe('fold', () => {
  it.each([
    ['Différence', 'difference'],
    ['Goksøyr', 'goksoyr'],
    ['GOKSØYR', 'goksoyr'],
    ['Straße', 'strasse'],
    ['Łódź', 'lodz'],
    ['żółć', 'zolc'],
    ['Ærøskøbing', 'aeroskobing'],
    ['naïve café', 'naive cafe'],
    ['Ελληνικά', 'ελληνικα'],
    ['ΟΔΟΣ', 'οδοσ'],
    ['οδός', 'οδοσ'],
    ['Привет, Ёж', 'привет, еж'],
    ['ﬁle', 'file'],
    ['ＡＢＣ１２３', 'abc123'],
    ['e\u0301te\u0301', 'ete'],
    // Japanese voiced marks are letters there, not accents: kept.
    ['がくせい', 'がくせい'],
    ['日本語', '日本語'],
    ['plain ascii', 'plain ascii'],
  ])('fold(%j) = %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it.each([['Straße'], ['Différence'], ['e\u0301t😀é'], ['日本語'], ['']])(
    'foldWithMap(%j) maps every folded character back into the text',
    (input) => {
      const { folded, map } = foldWithMap(input);
      expect(map).toHaveLength(folded.length + 1);
      expect(map.at(-1)).toBe(input.length);
      for (const at of map) expect(at).toBeLessThanOrEqual(input.length);
    },
  );
});

describe('tokenize', () => {
  it.each([
    ['Docker orchestration', ['docker', 'orchestration']],
    ['https://www.sysdig.org/falco/', ['https', 'www', 'sysdig', 'org', 'falco']],
    ['service-to-service', ['service', 'to', 'service']],
    ["you’re, don't", ['youre', 'you', 're', 'dont', 'don']],
    ["l'autel d’achat qu'il", ['lautel', 'autel', 'dachat', 'achat', 'quil', 'qu', 'il']],
    ["'quoted' rock'n'roll", ['quoted', 'rocknroll', 'rock', 'roll']],
    ['24/7 s3 capsule8', ['24', '7', 's3', 'capsule8']],
    ['docker top <container name>', ['docker', 'top', 'container', 'name']],
    ['日本語の文章', ['日本語の文章']],
    ['😀 🎉', []],
    ['', []],
  ])('tokenize(%j)', (input, expected) => {
    expect(tokenize(input).map(String)).toEqual(expected);
  });

  it('ignores what is not a string', () => {
    expect(tokenize(null)).toEqual([]);
  });
});

describe('trimToken', () => {
  it.each([
    ['"hello"', 'hello'],
    ['(日本語)', '日本語'],
    ['«Ελληνικά»', 'Ελληνικά'],
    ['---', null],
  ])('trimToken(%j)', (input, expected) => {
    const result = trimToken(new lunr.Token(input, {}));
    expect(result === null ? null : result.toString()).toBe(expected);
  });
});

describe('toBigrams', () => {
  it.each([
    ['日本語', ['日本', '本語']],
    ['語', ['語']],
    ['東京タワー', ['東京', '京タ', 'タワ', 'ワー']],
    ['abc', ['abc']],
    ['api日本', ['api', '日本']],
    ['한국어', ['한국', '국어']],
  ])('toBigrams(%j)', (input, expected) => {
    expect(toBigrams(input)).toEqual(expected);
  });
});

describe('toIndexTerms (the whole pipeline)', () => {
  it.each([
    ['Monitoring the monitors', ['monitoring', '~monitor', 'monitors', '~monitor']],
    ['La différence', ['la', 'difference', '~differ']],
    ['Goksøyr', ['goksoyr']],
    ['Straße', ['strasse', '~strass']],
    ["L'Autel", ['lautel', 'autel']],
    ['Ελληνικά γράμματα', ['ελληνικα', 'γραμματα']],
    ['日本語', ['日本', '本語']],
    ['中文搜索', ['中文', '文搜', '搜索']],
    ['the and of', []],
    [
      'https://github.com/lirantal/dockly',
      ['https', '~http', 'github', 'com', 'lirantal', '~lirant', 'dockly', '~dockli'],
    ],
  ])('toIndexTerms(%j)', (input, expected) => {
    expect(toIndexTerms(input)).toEqual(expected);
  });
});

describe('the serialized index', () => {
  const built = indexDocuments([
    {
      id: 'a',
      title: '日本語の勉強',
      speakers: '',
      tags: '',
      track: '',
      conference: '',
      text: 'différence',
    },
  ]);
  const roundTrip = () => JSON.parse(JSON.stringify(built)) as unknown;

  it('records the lunr and pipeline versions', () => {
    expect(built).toMatchObject({ lunrVersion: lunr.version, pipelineVersion: PIPELINE_VERSION });
  });

  it('stores the pipeline by its registered names, so it loads back', () => {
    expect((built.index as { pipeline: string[] }).pipeline).toEqual([
      'lanyard-trimmer',
      'lanyard-fold',
      'lanyard-cjk-bigrams',
      'lanyard-stop-words',
      'lanyard-word-and-stem',
    ]);
    const index = loadSearchIndex(roundTrip());
    expect(index.search('日本').map((r) => r.ref)).toEqual(['a']);
  });

  it.each([
    [{ lunrVersion: '1.0.0' }],
    [{ pipelineVersion: PIPELINE_VERSION + 1 }],
    [{ index: null }],
  ])('refuses an index built differently: %j', (change) => {
    expect(() => loadSearchIndex({ ...(roundTrip() as object), ...change })).toThrow(
      SearchIndexMismatchError,
    );
  });

  it('refuses something that is not an index file', () => {
    expect(() => loadSearchIndex(undefined)).toThrow(SearchIndexMismatchError);
  });
});
